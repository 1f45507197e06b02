import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Bytes only: timings are measured by `npm run bench`, never asserted here.
const BUNDLE = new URL('../../dist/samtykke.js', import.meta.url);
// The ceiling is in package.json ("sizeBudget"), next to the budget it is working towards;
// docs/performance.md says why it is where it is.
const { sizeBudget } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { sizeBudget: { gzipCeiling: number } };
const BUDGET = sizeBudget.gzipCeiling;

function gzip9(): number {
  if (!existsSync(BUNDLE)) throw new Error('dist/samtykke.js is missing; run `npm run build` first (npm test does).');
  return gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
}

describe('bundle size', () => {
  it(`dist/samtykke.js is at most ${BUDGET} bytes gzip -9`, () => {
    const size = gzip9();
    expect(size, `dist/samtykke.js is ${size} bytes gzip -9, over the ${BUDGET}-byte ceiling; see docs/performance.md for where the bytes go.`).toBeLessThanOrEqual(BUDGET);
  });
});
