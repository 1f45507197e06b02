import { serviceCodes } from '../../../src/consent/fingerprint';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../../src/config/validate';
import type { ConsentRecord } from '../../../src/consent/record';
import { createStore, type ConsentStore } from '../../../src/core/store';
import { syncTabs } from '../../../src/effects/tabs';
import type { CookieStore } from '../../../src/storage/cookie';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ' }, place);

/** Every channel of every "tab" in this test; delivery is synchronous, which a loop would turn into a stack overflow. */
class FakeChannel {
  static open: FakeChannel[] = [];
  static posted: string[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown) {
    FakeChannel.posted.push(this.name);
    // Like the real one, the sender does not hear itself.
    for (const c of FakeChannel.open) if (c !== this && c.name === this.name) c.onmessage?.(new MessageEvent('message', { data }));
  }
}

/** One cookie jar shared by every tab, as in a browser profile. */
let jar: ConsentRecord | null;
const cookie: CookieStore = { read: () => jar, write: (r) => void (jar = r), clear: () => void (jar = null) };

let hidden = false;
const listeners: [string, EventListenerOrEventListenerObject][] = [];

let tabs = 0;
function tab(): ConsentStore {
  tabs++;
  const store = createStore(config, cookie);
  syncTabs(store, config.cookieName);
  return store;
}

/** Each tab opens its channel in idle time after the first paint: until all `n` are open, a ping reaches fewer. */
const opened = (n: number) => vi.waitFor(() => expect(FakeChannel.open).toHaveLength(n));

/** The ping leaves after the next paint (once the store has read its cookie back). */
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 1)));

function show(visible: boolean) {
  hidden = !visible;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  tabs = 0;
  jar = null;
  hidden = false;
  FakeChannel.open = [];
  FakeChannel.posted = [];
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  const add = document.addEventListener.bind(document);
  vi.spyOn(document, 'addEventListener').mockImplementation((type: string, fn: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    listeners.push([type, fn]);
    add(type, fn, options);
  });
});

afterEach(() => {
  for (const [type, fn] of listeners.splice(0)) document.removeEventListener(type, fn);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('other tabs, over BroadcastChannel', () => {
  beforeEach(() => vi.stubGlobal('BroadcastChannel', FakeChannel));
  // Every tab of a test has opened its channel before the next test counts channels.
  afterEach(() => opened(tabs));

  it('take up a decision made in one tab, and a withdrawal after it', async () => {
    const [a, b] = [tab(), tab()];
    await opened(2);
    const seen: [unknown, unknown][] = [];
    b.subscribe((next, prev) => seen.push([next?.choices ?? null, prev?.choices ?? null]));
    a.decide({ analytics: true, marketing: true });
    await painted();
    expect(b.granted('marketing')).toBe(true);
    expect(b.needsDecision()).toBe(false);
    a.decide({ analytics: true });
    await painted();
    expect(b.granted('marketing')).toBe(false);
    a.reset();
    await painted();
    expect(b.record).toBeNull();
    expect(b.needsDecision()).toBe(true);
    expect(seen).toEqual([
      [{ analytics: true, marketing: true }, null],
      [{ analytics: true, marketing: false }, { analytics: true, marketing: true }],
      [null, { analytics: true, marketing: false }],
    ]);
  });

  it('ping once per decision on the cookie-named channel, after the paint, and never send a received one on', async () => {
    const [a] = [tab(), tab(), tab()];
    a.decide({ marketing: true });
    expect(FakeChannel.posted).toEqual([]);
    await painted();
    expect(FakeChannel.posted).toEqual([`samtykke:${config.cookieName}`]);
  });

  it('a tab whose channel was not open yet when another decided takes the decision up as it opens it, without pinging back', async () => {
    const a = tab();
    await opened(1);
    const b = tab();
    a.decide({ analytics: true, marketing: true });
    expect(b.record).toBeNull();
    await opened(2);
    await vi.waitFor(() => expect(b.granted('marketing')).toBe(true));
    expect(FakeChannel.posted).toEqual([`samtykke:${config.cookieName}`]);
  });

  it('do not ping when a tab only caught up on becoming visible', () => {
    const a = tab();
    jar = { schema: 1, revision: config.revision, id: 'abcdefgh12345678', time: new Date().toISOString().replace(/\.\d+/, '.000'), choices: { analytics: true, marketing: true }, covered: { analytics: serviceCodes(config.services, 'analytics'), marketing: serviceCodes(config.services, 'marketing') } };
    show(true);
    expect(a.granted('marketing')).toBe(true);
    expect(FakeChannel.posted).toEqual([]);
  });
});

describe('without BroadcastChannel (Safari before 15.4)', () => {
  it('the other tab follows when it becomes visible, not while hidden', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const [a, b] = [tab(), tab()];
    hidden = true;
    a.decide({ analytics: true, marketing: true });
    expect(b.record).toBeNull();
    show(false);
    expect(b.record).toBeNull();
    show(true);
    expect(b.granted('marketing')).toBe(true);
  });

  it('a channel the browser refuses costs nothing but the ping', () => {
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor() {
          throw new DOMException('denied', 'SecurityError');
        }
      },
    );
    const [a, b] = [tab(), tab()];
    expect(() => a.decide({ marketing: true })).not.toThrow();
    show(true);
    expect(b.granted('marketing')).toBe(true);
  });
});
