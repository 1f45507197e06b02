import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readGlobal, readInput } from '../../../src/config/read';
import { SETTINGS } from '../../../src/config/settings';
import { validate } from '../../../src/config/validate';
import { describe as describeValue } from '../../../src/core/report';
import { anything, hostileValues, hydrate, RUNS } from './values';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
// Every setting there is, so a new one is fuzzed too.
const SETTING_NAMES = Object.keys(SETTINGS);

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** A config object with generated values under real setting names, some of them hostile. */
const configs = fc.dictionary(fc.constantFrom(...SETTING_NAMES), anything(), { maxKeys: 8 });

describe('reading any config never throws', () => {
  it('validates generated configs, odd values and all, to a config', () => {
    fc.assert(
      fc.property(fc.oneof(configs, anything()), (global) => {
        const config = validate(readInput(null, hydrate(global)), place);
        expect(Array.isArray(config.purposes)).toBe(true);
      }),
      RUNS,
    );
  });

  it('survives each hostile value as the whole config, as each setting, and inside services', () => {
    for (const v of hostileValues()) {
      expect(() => validate(readInput(null, v), place)).not.toThrow();
      for (const name of SETTING_NAMES) expect(() => validate(readInput(null, { [name]: v }), place)).not.toThrow();
      expect(() => validate(readInput(null, { services: [{ id: 'x', name: v, purpose: v, provider: v, description: v, cookies: [v], src: v, block: v }] }), place)).not.toThrow();
    }
  });

  it('reads a window.samtykkeConfig getter that throws as "not given"', () => {
    const host = Object.defineProperty({}, 'samtykkeConfig', {
      get() {
        throw new Error('no');
      },
    });
    expect(readGlobal(host)).toBeUndefined();
    expect(String(vi.mocked(console.error).mock.calls[0]![0])).toContain('window.samtykkeConfig could not be read');
  });

  it('ignores settings another script put on Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.mode = 'advanced';
    proto.googleAds = 'AW-123456789';
    try {
      const config = validate(readInput(null, { privacyUrl: '/p/' }), place);
      expect(config.mode).toBe('basic');
      expect(config.purposes).toEqual([]);
    } finally {
      delete proto.mode;
      delete proto.googleAds;
    }
  });

  it('reads a getter once and keeps its value; one that throws is left out with a message naming it', () => {
    let reads = 0;
    const global = Object.defineProperty({ privacyUrl: '/p/' }, 'googleAds', { enumerable: true, get: () => {
        reads++;
        return 'AW-123456789';
      } });
    const config = validate(readInput(null, global), place);
    expect(reads).toBe(1);
    expect(config.purposes).toEqual(['marketing']);
    validate(readInput(null, Object.defineProperty({}, 'mode', { enumerable: true, get: () => { throw new Error('x'); } })), place);
    expect(vi.mocked(console.error).mock.calls.some((c) => String(c[0]).includes('window.samtykkeConfig.mode: could not be read'))).toBe(true);
  });
});

describe('the message stringifier', () => {
  it('prints anything without throwing', () => {
    fc.assert(fc.property(anything(), (v) => typeof describeValue(hydrate(v)) === 'string'), RUNS);
  });

  it('shows a BigInt and a cycle instead of failing', () => {
    const cyclic: Record<string, unknown> = { a: 1n };
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('{"a":"1n","self":"[cycle]"}');
  });

  it('names what JSON cannot hold by its kind, and cuts a long value at 200 characters', () => {
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(Symbol('x'))).toBe('"[symbol]"');
    expect(describeValue(() => 1)).toBe('"[function]"');
    expect(describeValue({ f: () => 1, s: Symbol('x'), n: null })).toBe('{"f":"[function]","s":"[symbol]","n":null}');
    expect(describeValue('x'.repeat(198))).toBe(`"${'x'.repeat(198)}"`);
    expect(describeValue('x'.repeat(199))).toBe(`"${'x'.repeat(199)}`.slice(0, 200) + '…');
    const throwing = {
      toJSON: () => {
        throw new Error('no');
      },
    };
    expect(describeValue(throwing)).toBe('[object]');
  });
});
