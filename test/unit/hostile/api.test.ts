import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, isOurs, type SamtykkeListener } from '../../../src/api';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import { guardGtag } from '../../../src/effects/gtag-guard';
import { anything, FLIPPING, hostileValues, hydrate, RUNS } from './values';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };

function setup() {
  const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ' }, place);
  let stored: ReturnType<typeof store.decide> | null = null;
  const store = createStore(config, { read: () => stored, write: (r) => void (stored = r), clear: () => (stored = null) });
  const hooks = { open: () => undefined, ready: new Set<SamtykkeListener>() as Set<SamtykkeListener> | null };
  return { api: createApi(config, store, hooks, '0.0.0'), config, store };
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { dataLayer?: unknown }).dataLayer;
});

const METHODS = ['get', 'has', 'open', 'acceptAll', 'rejectAll', 'set', 'reset', 'check', 'on'] as const;

describe('every API method is safe to call with anything', () => {
  it('never throws into the caller, and grants nothing it was not clearly asked to', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METHODS), fc.array(anything(), { maxLength: 3 }), (method, args) => {
        const { api } = setup();
        const call = api[method] as (...a: unknown[]) => unknown;
        expect(() => call(...args.map((a) => hydrate(a)))).not.toThrow();
        // Only acceptAll, or set() with true for a purpose, may grant anything.
        const granted = api.has('marketing') || api.has('analytics');
        expect(granted && method !== 'acceptAll' && method !== 'set', `${method} granted`).toBe(false);
      }),
      RUNS,
    );
  });

  it('set() with a throwing getter, a proxy or a value that changes when read again changes nothing', () => {
    const { api } = setup();
    api.rejectAll();
    // All but the getter that answers true once: that one grants, read once (below).
    for (const v of hostileValues().filter((_, i) => i !== FLIPPING)) {
      let reads = 0;
      const once = Object.defineProperty({}, 'analytics', { enumerable: true, get: () => (reads++ ? 'yes' : true) });
      expect(() => api.set(v as never)).not.toThrow();
      expect(api.has('analytics')).toBe(false);
      // Read once: what was checked is what is stored.
      api.set(once);
      expect(reads).toBe(1);
      expect(api.get()!.purposes.analytics).toBe(true);
      api.rejectAll();
    }
  });

  it('on() with a BigInt, cyclic or toJSON-throwing name reports and returns an unsubscribe', () => {
    const { api } = setup();
    for (const v of hostileValues()) {
      const off = api.on(v as never, () => undefined);
      expect(typeof off).toBe('function');
      expect(() => off()).not.toThrow();
    }
    expect(vi.mocked(console.error).mock.calls.some((c) => String(c[0]).includes('samtykke.on: use on("change" or "ready", function); got on("10n"'))).toBe(true);
  });

  it('has(Object.create(null)) is false, not a TypeError', () => {
    expect(setup().api.has(Object.create(null) as never)).toBe(false);
  });

  it('is recognised as samtykke by its brand, and an element named samtykke is not', () => {
    expect(isOurs(setup().api)).toBe(true);
    const el = document.createElement('div');
    el.id = 'samtykke';
    expect(isOurs(el)).toBe(false);
    expect(isOurs(hostileValues()[3])).toBe(false);
  });
});

describe("the page's gtag calls through samtykke's push wrapper", () => {
  it('pass through whatever they hold, without throwing', () => {
    const { config, store } = setup();
    guardGtag(config, store);
    const layer = (window as unknown as { dataLayer: unknown[] }).dataLayer;
    function gtag(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params -- gtag.js reads `arguments` objects
      layer.push(arguments);
    }
    expect(() => gtag('config', Object.create(null))).not.toThrow();
    fc.assert(
      fc.property(fc.constantFrom('config', 'js', 'event', 'set'), anything(), (command, v) => {
        const before = layer.length;
        expect(() => gtag(command, hydrate(v))).not.toThrow();
        expect(layer.length).toBe(before + 1);
      }),
      RUNS,
    );
  });
});
