#!/usr/bin/env node
// `npm run size`: raw, gzip (level 9) and brotli (max quality) bytes and the SRI hash of every
// built file (scripts/built-files.mjs). `npm run size -- --write-readme` also writes that table
// into README.md between `<!-- sizes -->` and `<!-- /sizes -->`; a test checks it is current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BUILT_FILES, CHECK_FILE, DIST, faceFile, HELP_FILE, LANGS, LOG_FILE, SRI_MANIFEST, START_FILE } from './built-files.mjs';

const root = new URL('../', import.meta.url);
// The figures live in package.json ("sizeBudget"); their reasons in docs/performance.md.
const { sizeBudget } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
export const MARKER = /<!-- sizes -->[\s\S]*?<!-- \/sizes -->/;
/** The README's one-line summary near its top, between `<!-- size-line -->` and `<!-- /size-line -->`. */
export const LINE_MARKER = /<!-- size-line -->[\s\S]*?<!-- \/size-line -->/;
/** The tag's file: the engine, which every page view loads. */
const TAG_FILE = BUILT_FILES[0].file;

/** Bytes of a buffer raw, gzip -9 and brotli q11. */
export function measure(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

/** 12345 → "12 345" (the README's Norwegian-style grouping, with a plain space). */
export const group = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

/** One row per built file: its sizes and the hash dist/sri.json holds for it. */
export function sizes() {
  const sri = JSON.parse(readFileSync(new URL(DIST + SRI_MANIFEST, root), 'utf8'));
  return {
    version: sri.version,
    rows: BUILT_FILES.map(({ file }) => ({ file, ...measure(readFileSync(new URL(DIST + file, root))), integrity: sri.files[file] })),
  };
}

/**
 * What a first visit loads in each language: the engine and that language's face, two gzip
 * streams, so their sum is what travels.
 */
export function firstVisits(rows) {
  const of = (file) => rows.find((r) => r.file === file);
  return LANGS.map((lang) => {
    const [engine, face] = [of(TAG_FILE), of(faceFile(lang))];
    return { lang, raw: engine.raw + face.raw, gzip: engine.gzip + face.gzip, brotli: engine.brotli + face.brotli };
  });
}

/** The README's table, markers included. */
export function readmeTable({ version, rows }) {
  const lines = [
    `<!-- sizes -->`,
    `Version ${version}, as \`npm run build\` makes it:`,
    '',
    '| file | raw | gzip -9 | brotli | `integrity` |',
    '|---|--:|--:|--:|---|',
    ...rows.map((r) => `| \`${r.file}\` | ${group(r.raw)} | ${group(r.gzip)} | ${group(r.brotli)} | \`${r.integrity}\` |`),
    ...firstVisits(rows).map((v) => `| first visit (${v.lang}): engine + face | ${group(v.raw)} | ${group(v.gzip)} | ${group(v.brotli)} | |`),
    `<!-- /sizes -->`,
  ];
  return lines.join('\n');
}

/** The README's summary: what every page carries, what a first visit loads, and the one file. */
export function readmeLine({ rows }) {
  const gzip = (file) => group(rows.find((r) => r.file === file).gzip);
  const nb = firstVisits(rows).find((v) => v.lang === 'nb');
  return [
    '<!-- size-line -->',
    `**Size** (gzip -9): **${gzip(START_FILE)} bytes** inline in every page (the start); **${gzip(TAG_FILE)}** on every page, loaded`,
    `\`async\` (the engine, \`${TAG_FILE}\`); **${group(nb.gzip)}** with the banner on a first visit (engine and the bokmål`,
    `face); **${gzip('samtykke.full.js')}** as one file (\`samtykke.full.js\`).`,
    '<!-- /size-line -->',
  ].join('\n');
}

function main() {
  const missing = [...BUILT_FILES.map((f) => DIST + f.file), DIST + SRI_MANIFEST].filter((f) => !existsSync(new URL(f, root)));
  if (missing.length) {
    console.error(`size: ${missing.join(', ')} not found; run \`npm run build\` first.`);
    process.exit(1);
  }
  const table = sizes();
  const w = Math.max(...table.rows.map((r) => r.file.length));
  console.log(`samtykke ${table.version}`);
  console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(8)}  ${'gzip -9'.padStart(8)}  ${'brotli'.padStart(8)}  integrity (SRI)`);
  for (const r of table.rows) console.log(`${r.file.padEnd(w)}  ${group(r.raw).padStart(8)}  ${group(r.gzip).padStart(8)}  ${group(r.brotli).padStart(8)}  ${r.integrity}`);
  for (const v of firstVisits(table.rows)) console.log(`${`first visit (${v.lang})`.padEnd(w)}  ${group(v.raw).padStart(8)}  ${group(v.gzip).padStart(8)}  ${group(v.brotli).padStart(8)}  (engine + face)`);
  console.log(`(${HELP_FILE} is fetched only when there is a console message to print, ${LOG_FILE} only on sites that set logUrl, ${CHECK_FILE} only when the owner opens the self-check: none is part of a first visit above.)`);

  // gzipCeiling is what npm test holds (a ratchet: lowered as the bytes go, raised only for a
  // feature or fix that needs the bytes, with the reason in docs/performance.md). The byte caps
  // of #12 are retired (#26): what a visitor waits for is measured by `npm run bench`.
  console.log('\nbudgets (gzip -9; npm test holds the ceilings):');
  const gzipOf = (file) => table.rows.find((r) => DIST + r.file === file).gzip;
  const budget = (what, gz, { gzipCeiling }) => {
    console.log(`  ${what}: ${group(gz)} / ceiling ${group(gzipCeiling)}`);
    if (gz > gzipCeiling) console.warn(`size: ${what} is over its ceiling; see docs/performance.md.`);
  };
  budget('inline start', gzipOf(sizeBudget.start.file), sizeBudget.start);
  budget('engine', gzipOf(sizeBudget.engine.file), sizeBudget.engine);
  budget('first visit', sizeBudget.firstVisit.files.reduce((n, f) => n + gzipOf(f), 0), sizeBudget.firstVisit);
  budget('full', gzipOf(sizeBudget.full.file), sizeBudget.full);

  if (process.argv.includes('--write-readme')) {
    const readme = new URL('README.md', root);
    const text = readFileSync(readme, 'utf8');
    if (!MARKER.test(text) || !LINE_MARKER.test(text)) {
      console.error('size: README.md lacks a <!-- sizes -->…<!-- /sizes --> or <!-- size-line -->…<!-- /size-line --> marker; add them where the table and the summary belong.');
      process.exit(1);
    }
    writeFileSync(readme, text.replace(MARKER, readmeTable(table)).replace(LINE_MARKER, readmeLine(table)));
    console.log('README.md: size table and summary updated.');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
