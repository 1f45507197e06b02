import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DIST, SRI_MANIFEST } from '../../scripts/built-files.mjs';
import { versionDir } from '../../scripts/versioned.mjs';

const ROOT = new URL('../../', import.meta.url);

/** The version being built (package.json), whose files the site and the dev server serve. */
export const VERSION = (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string }).version;
/** Its folder, relative to the site's root (`v/0.1.0/`): the released files and their sri.json. */
export const RELEASE_DIR = versionDir(VERSION);

/** dist/sri.json as the build wrote it: `{ version, files: { "samtykke.js": "sha384-…" } }`. */
export function sriJson(): Promise<string> {
  return readFile(new URL(DIST + SRI_MANIFEST, ROOT), 'utf8');
}
