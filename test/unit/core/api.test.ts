import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi, type SamtykkeListener } from '../../../src/api';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };

function setup() {
  const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ' }, place);
  let stored: ReturnType<typeof store.decide> | null = null;
  const store = createStore(config, { read: () => stored, write: (r) => void (stored = r), clear: () => (stored = null) });
  const hooks = { open: vi.fn(), ready: new Set<SamtykkeListener>() as Set<SamtykkeListener> | null };
  return { api: createApi(config, store, hooks, '0.0.0'), hooks };
}

afterEach(() => vi.restoreAllMocks());

describe('window.samtykke', () => {
  it('accepts and rejects everything in use', () => {
    const { api } = setup();
    expect(api.get()).toBeNull();
    api.acceptAll();
    expect(api.get()!.purposes).toEqual({ necessary: true, functional: false, analytics: true, marketing: true });
    expect(api.get()!.signals.ad_user_data).toBe('granted');
    api.rejectAll();
    expect(api.has('marketing')).toBe(false);
    expect(api.has('necessary')).toBe(true);
  });

  it('set() changes only the named purposes', () => {
    const { api } = setup();
    api.acceptAll();
    api.set({ marketing: false });
    expect(api.get()!.choices).toEqual({ analytics: true, marketing: false });
  });

  it.each([[{ marketting: true }], [{ marketing: 'yes' }], [{}], [null]])('set(%j) changes nothing and says why', (bad) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api } = setup();
    api.rejectAll();
    const before = api.get()!.id;
    api.set(bad as never);
    expect(api.get()!.id).toBe(before);
    expect(api.get()!.choices).toEqual({ analytics: false, marketing: false });
    expect(error.mock.calls.at(-1)![0]).toContain('samtykke.set');
  });

  it('on("change") reports each decision until unsubscribed', () => {
    const { api } = setup();
    const seen: unknown[] = [];
    const off = api.on('change', (s) => seen.push(s?.purposes.marketing ?? null));
    api.acceptAll();
    api.reset();
    off();
    api.rejectAll();
    expect(seen).toEqual([true, null]);
  });

  it('on("ready") waits for the UI, or fires at once when it is there', () => {
    const { api, hooks } = setup();
    const early = vi.fn();
    api.on('ready', early);
    expect(hooks.ready!.has(early)).toBe(true);
    hooks.ready = null;
    const late = vi.fn();
    api.on('ready', late);
    expect(late).toHaveBeenCalledWith(null);
  });

  it('refuses an unknown event without throwing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api } = setup();
    expect(api.on('chnage' as never, () => {})).toBeTypeOf('function');
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('open() reaches the UI', () => {
    const { api, hooks } = setup();
    api.open();
    expect(hooks.open).toHaveBeenCalledTimes(1);
  });

  it('cannot be changed by page scripts', () => {
    const { api } = setup();
    expect(Object.isFrozen(api)).toBe(true);
  });
});
