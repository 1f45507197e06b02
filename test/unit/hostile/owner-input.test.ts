import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { theme } from '../../../src/config/fields';
import { fill } from '../../../src/ui/text';
import { RUNS } from './values';

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const KEYS = ['accent', 'accentText', 'background', 'text', 'radius', 'font'] as const;

describe('theme values are only colours, lengths and font names', () => {
  it('takes what owners write', () => {
    expect(theme({ accent: '#0b5cad', accentText: 'white', background: 'rgb(255 255 255 / 90%)', text: 'hsl(210, 20%, 10%)', radius: '8px', font: '"Open Sans", Arial, sans-serif' })).toEqual({
      accent: '#0b5cad',
      accentText: 'white',
      background: 'rgb(255 255 255 / 90%)',
      text: 'hsl(210, 20%, 10%)',
      radius: '8px',
      font: '"Open Sans", Arial, sans-serif',
    });
    expect(vi.mocked(console.error)).not.toHaveBeenCalled();
  });

  it('refuses anything that could fetch or add a rule, naming the setting', () => {
    for (const value of ['url(https://tracker.example/x.png)', 'image-set("a.png" 1x)', 'red; background: url(x)', '#fff}body{display:none', 'var(--x)', 'env(x)', '"a" url(x)', 'u\\72l(x)']) {
      for (const key of KEYS) expect(theme({ [key]: value })).toEqual({});
    }
    expect(String(vi.mocked(console.error).mock.calls[0]![0])).toMatch(/^\[samtykke\] theme\.accent: .* is not allowed; give a colour/);
  });

  it('never accepts a value with url( or any function other than a colour one, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.string(), fc.constantFrom('url(', 'URL(', 'image(', 'src(', 'u\\rl(', '\\', ';', '{', '@import'), fc.string(), (key, before, evil, after) => {
        const out = theme({ [key]: before + evil + after });
        expect(Object.keys(out)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('text placeholders fill only the parts given', () => {
  it('leaves {__proto__}, {constructor} and other inherited names as written', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('{__proto__}', '{constructor}', '{toString}', '{hasOwnProperty}', '{privacy}'))), (pieces) => {
        const text = pieces.join('');
        const out = fill(text, { privacy: 'LINK' });
        // Every part is text (or the one part given): nothing inherited slips in as a child.
        expect(out.every((p) => typeof p === 'string')).toBe(true);
        expect(out.join('')).toBe(text.replaceAll('{privacy}', 'LINK'));
      }),
      RUNS,
    );
  });
});
