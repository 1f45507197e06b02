import { afterEach, describe, expect, it, vi } from 'vitest';
import { googleAds } from '../../../src/config/presets';
import { addService, validate } from '../../../src/config/validate';
import { serviceCodes } from '../../../src/consent/fingerprint';
import { createRecord, type ConsentRecord } from '../../../src/consent/record';
import { createStore } from '../../../src/core/store';
import type { CookieStore } from '../../../src/storage/cookie';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ', revision: '2' }, place);
const now = new Date('2026-03-01T12:00:00Z');

function memory(initial: ConsentRecord | null = null): CookieStore & { value: ConsentRecord | null } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(r) {
      this.value = r;
    },
    clear() {
      this.value = null;
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('consent store', () => {
  it('asks when nothing is stored, and grants nothing optional', () => {
    const store = createStore(config, memory(), () => now);
    expect(store.needsDecision()).toBe(true);
    expect(store.granted('marketing')).toBe(false);
    expect(store.granted('necessary')).toBe(true);
  });

  it('records an answer for every purpose in use, refusing what is not named', () => {
    const cookie = memory();
    const store = createStore(config, cookie, () => now);
    const record = store.decide({ marketing: true });
    expect(record.choices).toEqual({ analytics: false, marketing: true });
    expect(cookie.value).toEqual(record);
    expect(store.needsDecision()).toBe(false);
  });

  it('ignores a stored decision from another revision or past its validity', () => {
    const old = createRecord('1', { marketing: true }, now);
    expect(createStore(config, memory(old), () => now).record).toBeNull();
    const stale = createRecord('2', { analytics: true, marketing: true }, new Date(now.getTime() - 183 * 86_400_000));
    expect(createStore(config, memory(stale), () => now).record).toBeNull();
  });

  it('asks again about a purpose added since, keeping the answers given', () => {
    const partial = createRecord('2', { marketing: false }, now);
    const store = createStore(config, memory(partial), () => now);
    expect(store.needsDecision()).toBe(true);
    expect(store.record).toEqual(partial);
  });

  it('tells subscribers the new and the previous decision, and stops when asked', () => {
    const store = createStore(config, memory(), () => now);
    const seen: [unknown, unknown][] = [];
    const off = store.subscribe((next, prev) => seen.push([next?.choices ?? null, prev?.choices ?? null]));
    store.decide({ analytics: true });
    store.reset();
    off();
    store.decide({});
    expect(seen).toEqual([
      [{ analytics: true, marketing: false }, null],
      [null, { analytics: true, marketing: false }],
    ]);
  });

  it('keeps going when a subscriber throws, and says so once as an error with what it threw', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createStore(config, memory(), () => now);
    const after = vi.fn();
    const bug = new Error('owner bug');
    store.subscribe(() => {
      throw bug;
    });
    store.subscribe(after);
    expect(() => store.decide({})).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]![0])).toMatch(/^\[samtykke\] .*listener/i);
    expect(error.mock.calls[0]![1]).toBe(bug);
  });

  it('holds the choice for the page view when the browser refuses the cookie', () => {
    const refusing: CookieStore = { read: () => null, write: () => false, clear: () => {} };
    const store = createStore(config, refusing, () => now);
    store.decide({ marketing: true });
    expect(store.granted('marketing')).toBe(true);
  });
});

describe('refresh (another tab changed the cookie)', () => {
  it('does nothing while the cookie holds the decision in force', () => {
    const cookie = memory(createRecord('2', { analytics: true, marketing: true }, now));
    const store = createStore(config, cookie, () => now);
    store.decide({ marketing: true });
    const seen = vi.fn();
    store.subscribe(seen);
    cookie.value = { ...cookie.value! };
    store.refresh();
    expect(seen).not.toHaveBeenCalled();
  });

  it('takes up a decision stored elsewhere, without writing it back', () => {
    const cookie = memory();
    const store = createStore(config, cookie, () => now);
    const seen: [unknown, unknown][] = [];
    store.subscribe((next, prev) => seen.push([next?.choices ?? null, prev?.choices ?? null]));
    const write = vi.spyOn(cookie, 'write');
    const clear = vi.spyOn(cookie, 'clear');
    const elsewhere = createRecord('2', { analytics: false, marketing: true }, now, { marketing: serviceCodes(config.services, 'marketing') });
    cookie.value = elsewhere;
    store.refresh();
    expect(store.record).toEqual(elsewhere);
    expect(store.granted('marketing')).toBe(true);
    expect(store.needsDecision()).toBe(false);
    cookie.value = null;
    store.refresh();
    expect(store.record).toBeNull();
    expect(seen).toEqual([
      [{ analytics: false, marketing: true }, null],
      [null, { analytics: false, marketing: true }],
    ]);
    expect(write).not.toHaveBeenCalled();
    expect(clear).not.toHaveBeenCalled();
  });

  it('sees a newer decision with the same choices as a change', () => {
    const first = createRecord('2', { analytics: true, marketing: true }, now);
    const cookie = memory(first);
    const store = createStore(config, cookie, () => now);
    const seen = vi.fn();
    store.subscribe(seen);
    cookie.value = createRecord('2', { analytics: true, marketing: true }, now);
    store.refresh();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(store.record!.id).toBe(cookie.value.id);
  });

  it('treats what another revision stored as no decision', () => {
    const cookie = memory(createRecord('2', { analytics: true, marketing: true }, now));
    const store = createStore(config, cookie, () => now);
    cookie.value = createRecord('3', { analytics: true, marketing: true }, now);
    store.refresh();
    expect(store.record).toBeNull();
    expect(store.needsDecision()).toBe(true);
  });

  it('follows another tab that withdrew a choice made here, once this one was seen stored', async () => {
    const cookie = memory();
    const store = createStore(config, cookie, () => now);
    store.decide({ marketing: true });
    // The read-back that confirms the jar took it comes after the next paint, off the click's path.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 1)));
    cookie.value = null;
    store.refresh();
    expect(store.record).toBeNull();
  });

  it('keeps a choice the browser would not store for the rest of the page view', () => {
    const refusing: CookieStore = { read: () => null, write: () => false, clear: () => {} };
    const store = createStore(config, refusing, () => now);
    store.decide({ marketing: true });
    store.refresh();
    expect(store.granted('marketing')).toBe(true);
  });

  describe('never lets a consent widen silently', () => {
    const both = { privacyUrl: '/p/', googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ', revision: '2' };
    const decided = () => {
      const cookie = memory();
      createStore(config, cookie, () => now).decide({ analytics: true, marketing: true });
      return cookie;
    };
    const meta = { id: 'meta', name: 'Meta', purpose: 'marketing', provider: 'Meta Platforms Ireland Limited', description: 'Annonser.' };

    it('asks again about a granted purpose that gained a service, and only that one', () => {
      const wider = validate({ ...both, services: [meta] }, place);
      const store = createStore(wider, decided(), () => now);
      expect(store.needsDecision()).toBe(true);
      expect(store.granted('marketing')).toBe(false);
      expect(store.granted('analytics')).toBe(true);
      expect(store.record!.choices).toEqual({ analytics: true });
      // What the answer still standing covered is kept; the withdrawn one's is gone with it.
      expect(Object.keys(store.record!.covered)).toEqual(['analytics']);
      expect(store.record!.covered.analytics).toEqual(decided().read()!.covered.analytics);
    });

    it('asks again when a service names another provider', () => {
      const moved = validate({ ...both, googleAds: undefined, services: [{ ...meta, id: 'google-ads', provider: 'Google LLC' }] }, place);
      const store = createStore(moved, decided(), () => now);
      expect(store.granted('marketing')).toBe(false);
    });

    it('takes back a grant at once when a detected tag joins the services it covered', () => {
      const cookie = memory();
      const only = validate({ ...both, googleAds: undefined, embeds: 'youtube' }, place);
      createStore(only, cookie, () => now).decide({ analytics: true, marketing: true });
      const later = validate({ ...both, googleAds: undefined, embeds: 'youtube' }, place);
      const store = createStore(later, cookie, () => now);
      expect(store.granted('marketing')).toBe(true);
      const seen: unknown[] = [];
      store.subscribe((next) => seen.push(next?.choices));
      addService(later, googleAds(['AW-987654321']));
      store.refresh();
      expect(store.granted('marketing')).toBe(false);
      expect(store.needsDecision()).toBe(true);
      expect(seen).toEqual([{ analytics: true }]);
    });

    it('asks nothing when a service is removed', () => {
      const fewer = validate({ ...both, googleAnalytics: undefined }, place);
      const store = createStore(fewer, decided(), () => now);
      expect(store.needsDecision()).toBe(false);
      expect(store.granted('marketing')).toBe(true);
    });
  });
});
