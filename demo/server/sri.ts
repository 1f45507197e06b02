import { readFile } from 'node:fs/promises';
import { DIST, SRI_MANIFEST } from '../../scripts/built-files.mjs';

const ROOT = new URL('../../', import.meta.url);
/** Beside the configurator, on the dev server and on the static site alike. */
export const SRI_PATH = '/' + SRI_MANIFEST;

/** dist/sri.json as the build wrote it: `{ version, files: { "samtykke.js": "sha384-…" } }`. */
export function sriJson(): Promise<string> {
  return readFile(new URL(DIST + SRI_MANIFEST, ROOT), 'utf8');
}
