#!/usr/bin/env node
// Part of `npm run build`: writes dist/sri.json, the SRI hash (sha384) of every built file and
// the version they are, which the size table, the configurator and the release read.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUILT_FILES, DIST, SRI_MANIFEST } from './built-files.mjs';

const root = new URL('../', import.meta.url);

/** The value of an `integrity` attribute for these bytes. */
export const integrity = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

/** `{ version, files: { "samtykke.js": "sha384-…" } }` of what is in dist/ now. */
export function manifest() {
  const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const files = {};
  for (const { file } of BUILT_FILES) {
    const at = new URL(DIST + file, root);
    if (!existsSync(at)) throw new Error(`${DIST}${file} is missing; run \`npm run build\` first.`);
    files[file] = integrity(readFileSync(at));
  }
  return { version, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    writeFileSync(new URL(DIST + SRI_MANIFEST, root), JSON.stringify(manifest(), null, 2) + '\n');
    console.log(`${DIST}${SRI_MANIFEST} written.`);
  } catch (error) {
    console.error(`sri: ${error.message}`);
    process.exit(1);
  }
}
