/**
 * Where the owner's tag loads samtykke from. Each choice is an address that exists: the
 * project's site, jsDelivr once the version is on npm, or the owner's own web space.
 */
import { pagesUrl } from '../../scripts/versioned.mjs';
import { LANGS } from '../../src/config/settings';
import type { ScriptFile } from './tag';

export type Hosting = 'pages' | 'cdn' | 'file' | 'folder';

/** A release's `sri.json`: the version and the `integrity` of each of its files. */
export interface Release {
  readonly version: string;
  readonly files: Readonly<Record<string, string>>;
}

/** The engine, which fetches the rest of the folder beside it as it needs it. */
export const ENGINE = 'samtykke.js';
/** The inline start, which the paste carries inline: never loaded from the folder. */
export const START = 'samtykke-start.js';
/** Everything in one file, for an owner who would rather upload one. */
export const ONE_FILE = 'samtykke.full.js';
/** The face in one language, which the engine fetches beside it (and the inline start may preload). */
const faceFile = (lang: string): string => `samtykke-face.${lang}.js`;

/**
 * The files an owner who hosts the folder uploads: the engine and every file it may fetch
 * beside it, from the release's own list (its sri.json, which the build writes from
 * scripts/built-files.mjs). Not the one-file build, the inline start (pasted, not uploaded), nor
 * the bundlers' module (`.mjs`), which no tag loads.
 */
export const folderFiles = (release: Release): string[] => Object.keys(release.files).filter((f) => f !== ONE_FILE && f !== START && f.endsWith('.js'));

/** The version's folder on npm through jsDelivr, pinned: never an address whose file can change. */
export const cdnBase = (version: string): string => `https://cdn.jsdelivr.net/npm/samtykke@${version}/dist/`;

/** A folder address as given, ending in `/` so a file name can follow. */
const folder = (address: string): string => (address.trim().endsWith('/') ? address.trim() : address.trim() + '/');

/** The script of a hosting choice; `ownFolder` is where the owner uploaded the file(s). */
export function scriptFile(hosting: Hosting, release: Release, ownFolder: string): ScriptFile {
  const file = hosting === 'file' ? ONE_FILE : ENGINE;
  const base = hosting === 'pages' ? pagesUrl(release.version) : hosting === 'cdn' ? cdnBase(release.version) : folder(ownFolder || '/samtykke/');
  const src = base + file;
  const integrity = release.files[file] ?? null;
  // The one-file build has its faces in it: nothing beside it to preload.
  if (hosting === 'file') return { src, integrity };
  return { src, integrity, faces: Object.fromEntries(LANGS.flatMap((l) => (release.files[faceFile(l)] ? [[l, release.files[faceFile(l)]]] : []))) };
}
