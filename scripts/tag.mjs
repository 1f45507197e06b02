#!/usr/bin/env node
/**
 * `npm run -s tag -- --google-ads AW-123456789 --privacy-url /personvern/ [--base <folder>] [--sync]`
 * prints exactly what the owner pastes, made by the configurator's own function
 * (demo/configure/tag.ts), with the hash from the built dist/sri.json. Each setting that is a
 * tag attribute is a flag named as its attribute (`data-log-url` → `--log-url`). `--base` is
 * the folder the tag loads from (default: this version's folder on the project's site).
 * By default it prints the inline form: the built start (dist/samtykke-start.js) inline, with
 * the settings, the engine's address and hash and the hash of the face it may preload on its
 * `<script>`. `--sync` prints the single
 * synchronous tag (for a CSP without a nonce the owner can set; `strict` always gets it).
 *
 * The function is TypeScript, reading the settings table in src/config/settings.ts; Node 20
 * cannot import .ts, so it is loaded through vite's runnerImport, which compiles it as the
 * configurator's build does: one source for both, nothing restated in JavaScript.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';
import { DIST, faceFile, LANGS, SRI_MANIFEST, START_FILE } from './built-files.mjs';
import { pagesUrl } from './versioned.mjs';

const root = new URL('../', import.meta.url);
/** The file the tag loads; the rest of the folder is fetched beside it. */
const ENGINE = 'samtykke.js';

/** The options that are not settings: each takes a value, or (a form) none. */
const FORMS = ['--sync'];

/** The paste for these command-line arguments, or an Error saying what is wrong with them. */
export async function pasteFromArgs(args) {
  const { module: tag } = await runnerImport(new URL('demo/configure/tag.ts', root).pathname, { configFile: false, logLevel: 'silent' });
  const { settings, rest } = tag.settingsFromArgs(args);
  let base;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--base') {
      base = rest[++i];
      if (!base) throw new Error('--base needs the folder the tag loads samtykke.js from, e.g. https://www.example.no/filer/samtykke/');
    } else if (!FORMS.includes(rest[i])) throw new Error(`unknown argument ${rest[i]}; use --base <folder>, ${FORMS.join(', ')} or a setting: ${tag.settingFlags().join(' ')}`);
  }
  let sri;
  try {
    sri = JSON.parse(readFileSync(new URL(DIST + SRI_MANIFEST, root), 'utf8'));
  } catch {
    throw new Error(`${DIST}${SRI_MANIFEST} is missing; run \`npm run build\` first (the tag carries the built file's hash).`);
  }
  const folder = base ?? pagesUrl(sri.version);
  const start = rest.includes('--sync') ? null : readFileSync(new URL(DIST + START_FILE, root), 'utf8');
  const faces = Object.fromEntries(LANGS.map((lang) => [lang, sri.files[faceFile(lang)]]));
  return tag.pasteTag(settings, { src: (folder.endsWith('/') ? folder : folder + '/') + ENGINE, integrity: sri.files[ENGINE], faces }, start);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await pasteFromArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(`tag: ${error.message}`);
    process.exit(1);
  }
}
