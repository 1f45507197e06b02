import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { scriptFile, type Release } from '../../demo/configure/hosting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_FILES, CHECK_FILE, faceFile, HELP_FILE, LANGS, LOG_FILE, SRI_MANIFEST, START_FILE } from '../../scripts/built-files.mjs';
import { integrity } from '../../scripts/sri.mjs';
import { versionDir } from '../../scripts/versioned.mjs';

/**
 * A release's folder on the static site, `v/<version>/`, as `npm run build:site` makes it: a tag
 * pointed there fetches the engine's parts from beside it and checks each against the hash the
 * engine carries, so every one must be there with exactly those bytes, and sri.json must agree.
 * The hashes are read from the built engine itself, not from the build's own bookkeeping.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const site = mkdtempSync(join(tmpdir(), 'samtykke-release-folder-'));
const folder = join(site, versionDir(version));
const inFolder = (file: string) => readFileSync(join(folder, file));

beforeAll(async () => {
  await build({ configFile: join(ROOT, 'demo/vite.demo.config.ts'), logLevel: 'silent', build: { outDir: site, emptyOutDir: true } });
}, 60_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

/**
 * The parts a built file fetches (or preloads) and the hash it checks each against. The engine
 * names a part `samtykke-<name>.js` beside its own tag and passes its hash with the name:
 * `help`,`sha384-…` for one file, `{nb:`sha384-…`,…}` for the face, one per language. The help
 * carries one hash, the owner's check's, which the engine fetches the check with once the help
 * has come (docs/self-check.md).
 */
function fetchedBy(file: string): Record<string, string> {
  const code = readFileSync(join(ROOT, 'dist', file), 'utf8');
  const parts: Record<string, string> = {};
  if (file === HELP_FILE) {
    for (const [hash] of code.matchAll(/sha384-[\w+/=]+/g)) parts[CHECK_FILE] = hash;
  } else {
    for (const [, name, hash] of code.matchAll(/[`'"](help|log|check)[`'"],[`'"](sha384-[\w+/=]+)/g)) parts[`samtykke-${name}.js`] = hash!;
    for (const [, lang, hash] of code.matchAll(/\b(nb|nn|en):[`'"](sha384-[\w+/=]+)/g)) parts[`samtykke-face.${lang}.js`] = hash!;
  }
  // Every hash the file carries is one of those: none is left unread (the help's comes twice in
  // the engine, once for its messages and once on the way to the check).
  expect(Object.values(parts).sort(), file).toEqual([...new Set([...code.matchAll(/sha384-[\w+/=]+/g)].map((m) => m[0]))].sort());
  return parts;
}

describe(`the release folder ${versionDir(version)}`, () => {
  it('holds every part the tag fetches (face in each language, help, log), with the hash samtykke.js checks it against', () => {
    const parts = fetchedBy('samtykke.js');
    expect(Object.keys(parts).sort()).toEqual([...LANGS.map(faceFile), HELP_FILE, LOG_FILE].sort());
    for (const [file, hash] of Object.entries(parts)) expect(integrity(inFolder(file)), file).toBe(hash);
  });

  it('holds the faces the paste lets the inline start preload, with the hash the engine will check them against', () => {
    // The start carries no hash of its own: the paste writes the face's, from this sri.json.
    expect(fetchedBy(START_FILE)).toEqual({});
    const { faces = {} } = scriptFile('pages', JSON.parse(inFolder(SRI_MANIFEST).toString('utf8')) as Release, '');
    expect(Object.keys(faces).sort()).toEqual([...LANGS].sort());
    for (const [lang, hash] of Object.entries(faces)) expect(integrity(inFolder(faceFile(lang))), lang).toBe(hash);
  });

  it('holds the owner\'s check with the hash samtykke-help.js carries for it, and the help samtykke.full.js fetches', () => {
    expect(Object.keys(fetchedBy('samtykke.full.js'))).toEqual([HELP_FILE]);
    for (const file of ['samtykke.full.js', HELP_FILE]) {
      for (const [part, hash] of Object.entries(fetchedBy(file))) expect(integrity(inFolder(part)), part).toBe(hash);
    }
    expect(Object.keys(fetchedBy(HELP_FILE))).toEqual([CHECK_FILE]);
  });

  it('has a sri.json for this version that gives every file in it its true hash, and the engine’s hashes', () => {
    const sri = JSON.parse(inFolder(SRI_MANIFEST).toString('utf8')) as { version: string; files: Record<string, string> };
    expect(sri.version).toBe(version);
    expect(Object.keys(sri.files)).toEqual(BUILT_FILES.map((f) => f.file));
    for (const [file, hash] of Object.entries(sri.files)) expect(integrity(inFolder(file)), file).toBe(hash);
    expect(sri.files).toMatchObject({ ...fetchedBy('samtykke.js'), ...fetchedBy(START_FILE), ...fetchedBy(HELP_FILE) });
  });
});
