import { version } from '../../package.json';
import { versionDir } from '../../scripts/versioned.mjs';

/**
 * The `integrity` value for the tag, found where the configurator is served (the dev server or
 * any static host): `sri.json` from the build, or else the SHA-384 of `samtykke.js` in this
 * version's folder (`v/<version>/`), computed here. When neither works, the owner is told so in plain words and the tag
 * goes without `integrity` (it still works; it is just not checked).
 */
export interface Integrity {
  /** `sha384-…`, or null when it could not be found. */
  readonly value: string | null;
  /** The version the hash belongs to, when sri.json said so. */
  readonly version: string | null;
  /** One sentence for the owner on where the hash came from, or why there is none. */
  readonly note: string;
}

const FILE = 'samtykke.js';

/** This version's folder on the site serving the configurator: its built files and sri.json. */
export const releaseFolder = (): URL => new URL(versionDir(version), location.href);

async function fromManifest(): Promise<Integrity | null> {
  const response = await fetch(new URL('sri.json', releaseFolder()));
  if (!response.ok) return null;
  const sri = (await response.json()) as { version?: unknown; files?: Record<string, unknown> };
  const value = sri.files?.[FILE];
  if (typeof value !== 'string' || !value.startsWith('sha384-')) return null;
  const version = typeof sri.version === 'string' ? sri.version : null;
  return { value, version, note: `Integritetssjekken gjelder ${FILE}${version ? ` versjon ${version}` : ''}. Bytter du til en annen versjon, må du lage koden på nytt.` };
}

/** `sha384-…` of the bytes at `url`, with the browser's own SubtleCrypto. */
export async function sha384(url: string | URL): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const digest = await crypto.subtle.digest('SHA-384', await response.arrayBuffer());
  return 'sha384-' + btoa(String.fromCharCode(...new Uint8Array(digest)));
}

export async function findIntegrity(): Promise<Integrity> {
  try {
    const manifest = await fromManifest();
    if (manifest) return manifest;
  } catch {
    // Not there or not readable: compute it instead.
  }
  try {
    if (!globalThis.crypto?.subtle) throw new Error('no SubtleCrypto (the page is not on https)');
    const value = await sha384(new URL(FILE, releaseFolder()));
    return { value, version: null, note: `Integritetssjekken er regnet ut her, fra ${FILE} på dette nettstedet.` };
  } catch {
    return {
      value: null,
      version: null,
      note: `Integritetssjekken kunne ikke finnes her (verken sri.json eller ${FILE} kunne leses). Koden virker uten, men da sjekker ikke nettleseren filen. Hashen for hver versjon står i sri.json i utgivelsen.`,
    };
  }
}
