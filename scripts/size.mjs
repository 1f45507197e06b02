#!/usr/bin/env node
// `npm run size`: raw, gzip (level 9) and brotli (max quality) bytes of the built bundles.
// `npm run size -- --write-readme`: also writes the gzip figure of dist/samtykke.js into
// README.md between `<!-- size -->` and `<!-- /size -->`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const FILES = ['dist/samtykke.js', 'dist/samtykke.mjs'];
// The figures live in package.json ("sizeBudget"); their reasons in docs/performance.md.
const { sizeBudget } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const MARKER = /<!-- size -->[\s\S]*?<!-- \/size -->/;

/** Bytes of a buffer raw, gzip -9 and brotli q11. */
function measure(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}

/** 12345 → "12 345" (the README's Norwegian-style grouping, with a plain space). */
const group = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
const sizeLine = (gzip) => `<!-- size -->**${group(gzip)} bytes** gzip<!-- /size -->`;

function main() {
  const missing = FILES.filter((f) => !existsSync(new URL(f, root)));
  if (missing.includes(FILES[0])) {
    console.error(`size: ${missing.join(', ')} not found; run \`npm run build\` first.`);
    process.exit(1);
  }
  const rows = FILES.filter((f) => !missing.includes(f)).map((f) => ({ file: f, ...measure(readFileSync(new URL(f, root))) }));
  const w = Math.max(...rows.map((r) => r.file.length));
  console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(8)}  ${'gzip -9'.padStart(8)}  ${'brotli'.padStart(8)}`);
  for (const r of rows) console.log(`${r.file.padEnd(w)}  ${group(r.raw).padStart(8)}  ${group(r.gzip).padStart(8)}  ${group(r.brotli).padStart(8)}`);
  for (const f of missing) console.log(`${f.padEnd(w)}  (not built)`);
  const gz = rows[0].gzip;
  // What an owner puts in the tag's integrity attribute when loading this build from a CDN.
  console.log(`\nSRI of dist/samtykke.js: sha384-${createHash('sha384').update(readFileSync(new URL(FILES[0], root))).digest('base64')}`);
  const { gzipCeiling, gzipBudget, gzipTarget } = sizeBudget;
  console.log(`\nbudget: ${group(gz)} / ${group(gzipBudget)} bytes gzip (target ${group(gzipTarget)}; npm test holds the ceiling of ${group(gzipCeiling)}) for ${sizeBudget.file}`);
  if (gz > gzipBudget) console.warn(`size: over the ${group(gzipBudget)}-byte budget; see docs/performance.md.`);

  if (process.argv.includes('--write-readme')) {
    const readme = new URL('README.md', root);
    if (!existsSync(readme)) {
      console.error('size: README.md not found; add a line with <!-- size --><!-- /size --> to it first.');
      process.exit(1);
    }
    const text = readFileSync(readme, 'utf8');
    if (!MARKER.test(text)) {
      console.error('size: README.md has no <!-- size -->…<!-- /size --> marker; add one where the figure belongs.');
      process.exit(1);
    }
    writeFileSync(readme, text.replace(MARKER, sizeLine(gz)));
    console.log(`README.md: size marker set to ${group(gz)} bytes gzip.`);
  }
}

main();
