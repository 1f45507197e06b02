#!/usr/bin/env node
// `npm run size`: raw, gzip (level 9) and brotli (max quality) bytes of the built bundles.
// `npm run size -- --write-readme`: also writes the gzip figure of dist/samtykke.js into
// README.md between `<!-- size -->` and `<!-- /size -->`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const FILES = ['dist/samtykke.js', 'dist/samtykke.mjs'];
export const MARKER = /<!-- size -->[\s\S]*?<!-- \/size -->/;

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
export const sizeLine = (gzip) => `<!-- size -->**${group(gzip)} bytes** gzip<!-- /size -->`;

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
  console.log(`\nbudget: ${group(gz)} / 12 000 bytes gzip (target 10 000) for dist/samtykke.js`);
  if (gz > 12_000) console.warn('size: over the 12 000-byte budget of issue 5 (npm test enforces the ceiling in test/browser/size.test.ts).');

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
