import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Bytes only: timings are measured by `npm run bench`, never asserted here. The ceilings are in
// package.json ("sizeBudget"); docs/performance.md says why they are where they are.
interface Cap {
  readonly gzipCeiling: number;
}
const { sizeBudget } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  sizeBudget: { start: Cap & { file: string }; engine: Cap & { file: string }; firstVisit: Cap & { files: string[] }; full: Cap & { file: string } };
};

function gzip9(file: string): number {
  const path = new URL(`../../${file}`, import.meta.url);
  if (!existsSync(path)) throw new Error(`${file} is missing; run \`npm run build\` first (npm test does).`);
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

describe('bundle size (gzip -9)', () => {
  it.each([
    ['the inline start, in every page\'s HTML', [sizeBudget.start.file], sizeBudget.start.gzipCeiling],
    ['the engine, which every page view loads', [sizeBudget.engine.file], sizeBudget.engine.gzipCeiling],
    ['a first visit: engine + bokmål face', sizeBudget.firstVisit.files, sizeBudget.firstVisit.gzipCeiling],
    ['samtykke.full.js', [sizeBudget.full.file], sizeBudget.full.gzipCeiling],
  ])('%s stays under its ceiling', (what, files, ceiling) => {
    const size = files.reduce((n, f) => n + gzip9(f), 0);
    expect(size, `${what} (${files.join(' + ')}) is ${size} bytes gzip -9, over the ${ceiling}-byte ceiling; see docs/performance.md for where the bytes go.`).toBeLessThanOrEqual(ceiling);
  });
});
