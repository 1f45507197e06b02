import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Bytes only: timings are measured by `npm run bench`, never asserted here.
const BUNDLE = new URL('../../dist/samtykke.js', import.meta.url);
const README = new URL('../../README.md', import.meta.url);
// The ceiling is in package.json ("sizeBudget"), next to the budget it is working towards;
// docs/performance.md says why it is where it is.
const { sizeBudget } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { sizeBudget: { gzipCeiling: number } };
const BUDGET = sizeBudget.gzipCeiling;
// The README's figure may drift this much from the build before the test complains, so an
// unrelated few-byte change does not break the build; anything larger means the quoted
// figure is stale.
const TOLERANCE = 0.02;
const group = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
const HOW = 'Run `npm run build && npm run size -- --write-readme` to update it.';

function gzip9(): number {
  if (!existsSync(BUNDLE)) throw new Error('dist/samtykke.js is missing; run `npm run build` first (npm test does).');
  return gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
}

describe('bundle size', () => {
  it(`dist/samtykke.js is at most ${BUDGET} bytes gzip -9`, () => {
    const size = gzip9();
    expect(size, `dist/samtykke.js is ${size} bytes gzip -9, over the ${BUDGET}-byte ceiling; see docs/performance.md for where the bytes go.`).toBeLessThanOrEqual(BUDGET);
  });

  it('README.md quotes the current gzip size (within 2 %)', () => {
    const size = gzip9();
    expect(existsSync(README), `README.md is missing; add a line <!-- size -->**${group(size)} bytes** gzip<!-- /size -->. ${HOW}`).toBe(true);
    const match = /<!-- size -->([\s\S]*?)<!-- \/size -->/.exec(readFileSync(README, 'utf8'));
    expect(match, `README.md has no <!-- size -->**N bytes** gzip<!-- /size --> marker; add one. ${HOW}`).not.toBeNull();
    const digits = match![1]!.replace(/[^\d]/g, '');
    expect(digits, `README.md's size marker holds no number ("${match![1]}"). ${HOW}`).not.toBe('');
    const quoted = Number(digits);
    expect(
      Math.abs(quoted - size) <= size * TOLERANCE,
      `README.md says ${quoted} bytes gzip but dist/samtykke.js is ${size} (more than 2 % apart). ${HOW}`,
    ).toBe(true);
  });
});
