import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, encode } from '../../../src/consent/record';
import { cookieStore, type CookieOptions } from '../../../src/storage/cookie';
import { cookieNames, removeCookie } from '../../../src/storage/jar';

/**
 * samtykke's cookie as the browser is told to keep it: the string each write hands to
 * `document.cookie` carries the attributes a visitor's browser acts on (where it is sent, for
 * how long). The browser suites prove the same against real cookie jars; these run in the
 * mutation tests too.
 */
const DAY_MS = 86_400_000;
const OPTIONS: CookieOptions = { cookieName: 'samtykke', cookieDomain: null, validityDays: 182 };
const record = createRecord('1', { analytics: true, marketing: false }, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), { analytics: ['GA4'] }, 'abcdefghijklmnop');

/** The page's own `document.cookie`, found before any test replaces it. */
const COOKIE = ((): PropertyDescriptor => {
  for (let o: object | null = document; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'cookie');
    if (d) return d;
  }
  throw new Error('no document.cookie');
})();

/** Every string written to `document.cookie`, as [name=value, the attributes by name]. */
function watchWrites(): [string, Record<string, string>][] {
  const writes: [string, Record<string, string>][] = [];
  vi.spyOn(document, 'cookie', 'set').mockImplementation(function (this: Document, value: string) {
    const [pair, ...rest] = value.split('; ');
    writes.push([pair!, Object.fromEntries(rest.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=').slice(1).join('=')]))]);
    COOKIE.set!.call(this, value);
  });
  return writes;
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

beforeEach(() => setUrl('https://www.stressfri.no/'));
afterEach(() => {
  vi.restoreAllMocks();
  for (const name of cookieNames()) removeCookie(name);
});

describe("samtykke's cookie", () => {
  it('is written with path /, SameSite=Lax, Secure on https and an expiry validityDays ahead', () => {
    const writes = watchWrites();
    const before = Date.now();
    cookieStore({ ...OPTIONS, validityDays: 30 }).write(record);
    expect(writes).toHaveLength(1);
    const [pair, attributes] = writes[0]!;
    expect(pair).toBe(`samtykke=${encode(record)}`);
    expect(Object.keys(attributes).sort()).toEqual(['expires', 'path', 'samesite', 'secure']);
    expect(attributes).toMatchObject({ path: '/', samesite: 'Lax' });
    // js-cookie writes the expiry to the second: 30 days from now, give or take that second.
    const expires = Date.parse(attributes.expires!);
    expect(expires).toBeGreaterThan(before + 30 * DAY_MS - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
  });

  it('is not marked Secure on plain http, where the browser would refuse it', () => {
    setUrl('http://www.stressfri.no/');
    const writes = watchWrites();
    cookieStore(OPTIONS).write(record);
    expect(Object.keys(writes[0]![1]).sort()).toEqual(['expires', 'path', 'samesite']);
  });

  it('goes on the cookie domain when one is set, and is cleared there with the same attributes', () => {
    const writes = watchWrites();
    const store = cookieStore({ ...OPTIONS, cookieDomain: 'stressfri.no' });
    store.write(record);
    store.clear();
    expect(writes.map(([, a]) => a.domain)).toEqual(['stressfri.no', 'stressfri.no']);
    const [pair, cleared] = writes[1]!;
    expect(pair).toBe('samtykke=');
    expect(cleared).toMatchObject({ path: '/', samesite: 'Lax', domain: 'stressfri.no' });
    expect('secure' in cleared).toBe(true);
    // Expired: in the past.
    expect(Date.parse(cleared.expires!)).toBeLessThan(Date.now());
  });

  it('has no Domain attribute without a cookie domain, so it stays on the host', () => {
    const writes = watchWrites();
    const store = cookieStore(OPTIONS);
    store.write(record);
    store.clear();
    expect(writes.map(([, a]) => 'domain' in a)).toEqual([false, false]);
  });

  it('reads back what it wrote, under its own name only, and nothing once cleared', () => {
    const store = cookieStore(OPTIONS);
    expect(store.read()).toBeNull();
    store.write(record);
    expect(store.read()).toEqual(record);
    expect(cookieStore({ ...OPTIONS, cookieName: 'annet' }).read()).toBeNull();
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('reads the value exactly as stored: quoted or percent-encoded, it is no decision', () => {
    const value = encode(record);
    document.cookie = `samtykke="${value}"; path=/`;
    expect(cookieStore(OPTIONS).read()).toBeNull();
    document.cookie = `samtykke=${value.replace(/\./g, '%2E')}; path=/`;
    expect(cookieStore(OPTIONS).read()).toBeNull();
    document.cookie = `samtykke=${value}; path=/`;
    expect(cookieStore(OPTIONS).read()).toEqual(record);
  });

  it('never throws where the browser refuses cookies: nothing read, the write and the clear let go', () => {
    cookieStore(OPTIONS).write(record);
    const refuse = () => {
      throw new DOMException('sandboxed', 'SecurityError');
    };
    // As a sandboxed frame's document does: reading and writing both throw.
    Object.defineProperty(document, 'cookie', { configurable: true, get: refuse, set: refuse });
    try {
      const store = cookieStore(OPTIONS);
      expect(store.read()).toBeNull();
      expect(() => store.write(record)).not.toThrow();
      expect(() => store.clear()).not.toThrow();
      expect(cookieNames()).toEqual([]);
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
  });
});

describe('the cookie jar', () => {
  it('names the cookies the page can see, and expires one on the host or on a parent domain', () => {
    const writes = watchWrites();
    document.cookie = '_ga=GA1.1.42.42; path=/';
    document.cookie = '_gcl_au=1.1.42.42; path=/';
    expect(cookieNames().sort()).toEqual(['_ga', '_gcl_au']);
    removeCookie('_ga');
    removeCookie('_gcl_au', 'stressfri.no');
    expect(writes.slice(2).map(([pair, a]) => [pair, a.path, a.domain, Date.parse(a.expires!) < Date.now()])).toEqual([
      ['_ga=', '/', undefined, true],
      ['_gcl_au=', '/', 'stressfri.no', true],
    ]);
    expect(cookieNames()).toEqual(['_gcl_au']);
  });
});
