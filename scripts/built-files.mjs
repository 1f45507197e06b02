#!/usr/bin/env node
/**
 * The files the build makes for owners and bundlers, in one place. `npm run size`,
 * dist/sri.json, the static site, the package's `exports` and `files`, and the packed-file test
 * all read this list. A new built file is one line here; then
 * `node scripts/built-files.mjs --write-package` brings package.json in step (a test fails
 * until it is). The release workflow attaches `--release-assets` to the GitHub release.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The languages of the face, one file each. */
export const LANGS = ['nb', 'nn', 'en'];
/** The face in one language, which the tag fetches from its own folder when something must be shown. */
export const faceFile = (lang) => `samtykke-face.${lang}.js`;
/** The texts of the console messages, which the tag fetches from its own folder only when something is wrong. */
export const HELP_FILE = 'samtykke-help.js';
/** The consent log's sender, which the tag fetches from its own folder on sites that set `logUrl` only. */
export const LOG_FILE = 'samtykke-log.js';
/** The owner's self-check, which the tag fetches from its own folder only when asked (`?samtykke=sjekk`). */
export const CHECK_FILE = 'samtykke-check.js';
/** The owner's self-check for bundlers: the bundler module imports it only when asked (`?samtykke=sjekk`). */
export const CHECK_MODULE = 'samtykke-check.mjs';

/** The inline start, which the owner pastes inline in the page (the configurator writes it) and which loads the engine. */
export const START_FILE = 'samtykke-start.js';

/** `export`: the package subpath it is published under (`.` is the bundler entry). */
export const BUILT_FILES = [
  { file: 'samtykke.js', export: './samtykke.js', what: 'the tag owners paste: the engine' },
  { file: START_FILE, export: `./${START_FILE}`, what: 'the inline start, pasted inline in the page: holds known trackers and loads the engine async' },
  ...LANGS.map((lang) => ({ file: faceFile(lang), export: `./${faceFile(lang)}`, what: `the banner in ${lang}, fetched by the tag beside it` })),
  { file: HELP_FILE, export: `./${HELP_FILE}`, what: 'the explanations of the console messages, fetched by the tag beside it when something is wrong' },
  { file: LOG_FILE, export: `./${LOG_FILE}`, what: 'the consent log sender, fetched by the tag beside it on sites that set logUrl' },
  { file: CHECK_FILE, export: `./${CHECK_FILE}`, what: "the owner's self-check, fetched by the tag beside it only on ?samtykke=sjekk" },
  { file: 'samtykke.full.js', export: './samtykke.full.js', what: 'the tag and the banner in every language, in one file' },
  { file: 'samtykke.mjs', export: '.', what: 'the module for bundlers (engine and banner)' },
  { file: CHECK_MODULE, export: `./${CHECK_MODULE}`, what: "the owner's self-check for bundlers, imported by samtykke.mjs only on ?samtykke=sjekk" },
];

export const DIST = 'dist/';
/** SHA-384 of every built file and the version they belong to, written by the build (named in versioned.mjs, which a browser page can import). */
import { SRI_MANIFEST } from './versioned.mjs';
export { SRI_MANIFEST };
/** The public API's types in one file, cut from src/ at build time (scripts/types.mjs). */
export const TYPES = DIST + 'samtykke.d.ts';

const root = new URL('../', import.meta.url);

/** package.json's `exports`, derived from the list. */
export function packageExports() {
  const exports = {};
  for (const { file, export: at } of BUILT_FILES) {
    exports[at] = at === '.' ? { types: `./${TYPES}`, import: `./${DIST}${file}` } : `./${DIST}${file}`;
  }
  exports[`./${SRI_MANIFEST}`] = `./${DIST}${SRI_MANIFEST}`;
  exports['./package.json'] = './package.json';
  return exports;
}

/** package.json's `files`: exactly the built files, their manifest and the types. */
export const packageFiles = () => [...BUILT_FILES.map((f) => DIST + f.file), DIST + SRI_MANIFEST, TYPES];

/** What a GitHub release carries: the built files and their hashes. */
export const releaseAssets = () => [...BUILT_FILES.map((f) => DIST + f.file), DIST + SRI_MANIFEST];

/** Every path `npm pack` must put in the package, sorted. */
export const packedFiles = () => [...packageFiles(), 'LICENSE', 'README.md', 'package.json'].sort();

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
// `--release-assets`: one path a line, for the release workflow.
if (isMain && process.argv.includes('--release-assets')) console.log(releaseAssets().join('\n'));
if (isMain && process.argv.includes('--write-package')) {
  const at = new URL('package.json', root);
  const pkg = JSON.parse(readFileSync(at, 'utf8'));
  pkg.types = `./${TYPES}`;
  pkg.exports = packageExports();
  pkg.files = packageFiles();
  writeFileSync(at, JSON.stringify(pkg, null, 2) + '\n');
  console.log('package.json: exports and files set from scripts/built-files.mjs.');
}
