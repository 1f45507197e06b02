import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../../src/config/validate';
import type { ConsentRecord } from '../../../src/consent/record';
import { createStore, type ConsentStore } from '../../../src/core/store';
import { logDecisions } from '../../../src/effects/log-sender';
import { syncTabs } from '../../../src/effects/tabs';
import { MAX_QUEUED, type LogEntry } from '../../../src/storage/log-queue';
import type { CookieStore } from '../../../src/storage/cookie';
import { startLog } from '../../../src/shell/consent-log';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
const LOG = 'https://log.stressfri.no/v1/consents';
const QUEUE = 'samtykke:log:samtykke';
const FIELDS = ['choices', 'id', 'lang', 'path', 'previousId', 'revision', 'servicesHash', 'textsHash', 'time', 'version'];

let jar: ConsentRecord | null;
const cookie: CookieStore = { read: () => jar, write: (r) => void (jar = r), clear: () => void (jar = null) };

/** What the fake receiver answers next (a status, or 0 for a network error), and what it got. */
let answer: number;
let posted: { url: string; init: RequestInit; entry: LogEntry }[];

function page(input: Record<string, unknown> = {}): ConsentStore {
  const config = validate({ privacyUrl: '/p/', googleAnalytics: 'G-ABC123XYZ', googleAds: 'AW-123456789', logUrl: LOG, ...input }, place);
  const store = createStore(config, cookie);
  logDecisions(config, store, '1.2.3');
  return store;
}

/** After the next paint and the fetches it started have been answered. */
const settled = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
const queued = (): LogEntry[] => JSON.parse(localStorage.getItem(QUEUE) ?? '[]');

beforeEach(() => {
  jar = null;
  answer = 201;
  posted = [];
  localStorage.clear();
  history.replaceState(null, '', '/om-oss?utm_source=x#top');
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    posted.push({ url, init, entry: JSON.parse(init.body as string) });
    if (!answer) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer < 300 ? { status: 'stored' } : { error: '"lang" must be one of nb, nn, en' }), { status: answer });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the consent log', () => {
  it('sends a decision once, after the paint, with the documented fields and nothing else', async () => {
    const store = page();
    const record = store.decide({ analytics: true });
    expect(posted).toEqual([]);
    await settled();
    expect(posted).toHaveLength(1);
    const [{ url, init, entry }] = posted as [(typeof posted)[0]];
    expect(url).toBe(LOG);
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain' } });
    expect(Object.keys(entry).sort()).toEqual(FIELDS);
    expect(entry).toMatchObject({ id: record.id, time: record.time, revision: '1', choices: { analytics: true, marketing: false }, lang: 'nb', version: '1.2.3', path: '/om-oss' });
    expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(entry.servicesHash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(entry.previousId).toBeNull();
    expect(queued()).toEqual([]);
  });

  it('logs a change as its own entry and a reset as the withdrawal of the decision it forgets', async () => {
    const store = page();
    const first = store.decide({ analytics: true, marketing: true });
    await settled();
    store.reset();
    await settled();
    expect(posted.map((p) => p.entry.choices)).toEqual([{ analytics: true, marketing: true }, {}]);
    expect(posted[1]!.entry.id).toBe(first.id);
    expect(posted[1]!.entry.time > first.time).toBe(true);
  });

  it('tells apart what the visitor was shown: the services covered and the texts', async () => {
    page().decide({ marketing: true });
    page({ metaPixel: '123456789012345' }).decide({ marketing: true });
    page({ texts: { nb: { title: 'Informasjonskapsler' } } }).decide({ marketing: true });
    page({ texts: { en: { title: 'Cookies' } } }).decide({ marketing: true });
    await settled();
    const [plain, otherService, ownText, otherLangText] = posted.map((p) => p.entry);
    expect(otherService!.servicesHash).not.toBe(plain!.servicesHash);
    expect(otherService!.textsHash).toBe(plain!.textsHash);
    expect(ownText!.textsHash).not.toBe(plain!.textsHash);
    // The visitor saw bokmål, so an English override changed nothing they read.
    expect(otherLangText!.textsHash).toBe(plain!.textsHash);
  });

  it('names the decision a change replaced', async () => {
    const store = page();
    const first = store.decide({ analytics: true, marketing: true });
    await settled();
    const second = store.decide({ analytics: false, marketing: false });
    await settled();
    expect(posted.map((p) => [p.entry.id, p.entry.previousId])).toEqual([
      [first.id, null],
      [second.id, first.id],
    ]);
  });

  it('posts what the visitor was shown when the log lacks it (428), then the entry again', async () => {
    const snapshots: { url: string; body: string }[] = [];
    let known = false;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const body = init.body as string;
      if (url.endsWith('/v1/snapshots')) {
        snapshots.push({ url, body });
        known = true;
        return new Response('{"status":"stored"}', { status: 201 });
      }
      posted.push({ url, init, entry: JSON.parse(body) });
      return known ? new Response('{"status":"stored"}', { status: 201 }) : new Response('{"error":"no snapshot","need":["servicesHash","textsHash"]}', { status: 428 });
    });
    page({ texts: { nb: { title: 'Informasjonskapsler' } } }).decide({ analytics: true });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    await vi.waitFor(() => expect(queued()).toEqual([]));
    expect(snapshots.map((s) => s.url)).toEqual(['https://log.stressfri.no/v1/snapshots', 'https://log.stressfri.no/v1/snapshots']);
    const [services, texts] = snapshots.map((s) => JSON.parse(s.body));
    expect(services.kind).toBe('services');
    expect(services.services).toContainEqual(expect.objectContaining({ id: 'google-analytics', provider: expect.stringMatching(/Google/), purpose: 'analytics' }));
    expect(texts).toEqual({ kind: 'texts', lang: 'nb', version: '1.2.3', overrides: { title: 'Informasjonskapsler' } });
    // Each hash the entry names is the SHA-256 of the text posted for it.
    const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
    expect(posted[0]!.entry.servicesHash).toBe(sha(snapshots[0]!.body));
    expect(posted[0]!.entry.textsHash).toBe(sha(snapshots[1]!.body));
    // samtykke-log.js hands the face files' hashes over: the snapshot names the visitor's language's.
    snapshots.length = 0;
    known = false; // a log that has not seen this page's texts yet
    localStorage.clear();
    const config = validate({ privacyUrl: '/p/', googleAnalytics: 'G-ABC123XYZ', logUrl: LOG, lang: 'en' }, place);
    const store = createStore(config, cookie);
    logDecisions(config, store, '1.2.3', [], { nb: 'sha384-nb', nn: 'sha384-nn', en: 'sha384-en' });
    store.decide({ analytics: true });
    await vi.waitFor(() => expect(snapshots).toHaveLength(2));
    expect(JSON.parse(snapshots[1]!.body)).toEqual({ kind: 'texts', lang: 'en', version: '1.2.3', face: 'sha384-en', overrides: {} });
  });

  it('sends nothing for a decision another tab made', async () => {
    const store = page();
    syncTabs(store, 'samtykke');
    const elsewhere = createStore(validate({ privacyUrl: '/p/', googleAnalytics: 'G-ABC123XYZ', googleAds: 'AW-123456789' }, place), cookie);
    elsewhere.decide({ analytics: true });
    store.refresh();
    await settled();
    expect(store.record?.id).toBe(elsewhere.record?.id);
    expect(posted).toEqual([]);
  });

  it.each([[503], [429], [500], [0]])('keeps an entry not acknowledged (%i) and sends it on the next page view, once', async (status) => {
    answer = status;
    const record = page().decide({ analytics: false });
    await settled();
    expect(queued().map((e) => e.id)).toEqual([record.id]);
    answer = 200;
    posted = [];
    page();
    await settled();
    expect(posted.map((p) => p.entry.id)).toEqual([record.id]);
    expect(queued()).toEqual([]);
    page();
    await settled();
    expect(posted).toHaveLength(1);
  });

  it('drops an entry the log refuses as malformed, with one console error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    answer = 400;
    page().decide({ analytics: true });
    await settled();
    expect(queued()).toEqual([]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatch(/^\[samtykke\] logUrl: .*400 "lang" must be one of nb, nn, en/);
  });

  it('keeps at most a handful, the newest, and resends them oldest first', async () => {
    answer = 503;
    const store = page();
    const ids: string[] = [];
    for (let i = 0; i < MAX_QUEUED + 2; i++) {
      ids.push(store.decide({ analytics: i % 2 === 0 }).id);
      await settled();
    }
    expect(queued().map((e) => e.id)).toEqual(ids.slice(2));
    answer = 201;
    posted = [];
    page();
    await settled();
    expect(posted.map((p) => p.entry.id)).toEqual(ids.slice(2));
  });

  it('sends a decision made as the page is left at once, as a fetch that outlives the page with no cookie (never a beacon), and again on the next page view', async () => {
    answer = 0;
    const beacon = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon });
    const record = page().decide({ marketing: true });
    dispatchEvent(new Event('pagehide'));
    expect(posted.map((p) => [p.entry.id, p.init.keepalive, p.init.credentials])).toEqual([[record.id, true, 'omit']]);
    // A beacon would carry every cookie of the log's site: the site's own, for a log on its domain.
    expect(beacon).not.toHaveBeenCalled();
    dispatchEvent(new Event('pageshow'));
    answer = 201;
    posted = [];
    page();
    await settled();
    expect(posted.map((p) => p.entry.id)).toEqual([record.id]);
  });

  it('without logUrl, or with a wrong one, sends nothing and says which setting is wrong', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    page({ logUrl: undefined }).decide({ analytics: true });
    page({ logUrl: 'javascript:alert(1)' }).decide({ analytics: true });
    await settled();
    expect(posted).toEqual([]);
    expect(localStorage.length).toBe(0);
    expect(error.mock.calls).toEqual([[expect.stringMatching(/^\[samtykke\] logUrl: /)]]);
  });

  it('keeps working when the browser refuses localStorage', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    answer = 0;
    const store = page();
    expect(() => store.decide({ analytics: true })).not.toThrow();
    await settled();
    expect(posted).toHaveLength(1);
  });
});

describe('the sender as a part fetched by the tag (shell/consent-log.ts)', () => {
  /** A page whose sender arrives when `arrive` is called (or never, or as nothing). */
  function partPage(input: Record<string, unknown> = {}) {
    const config = validate({ privacyUrl: '/p/', googleAnalytics: 'G-ABC123XYZ', logUrl: LOG, ...input }, place);
    const store = createStore(config, cookie);
    const fetches = vi.fn();
    let arrive: (sender: typeof logDecisions | null) => void = () => {};
    startLog(config, store, (done) => {
      fetches();
      arrive = done;
    }, '1.2.3');
    return { store, fetches, arrive: (sender: typeof logDecisions | null) => arrive(sender) };
  }

  it('is not even asked for without logUrl', () => {
    expect(partPage({ logUrl: undefined }).fetches).not.toHaveBeenCalled();
  });

  it('is asked for once, in idle time after the first paint, not while the page loads', async () => {
    const { fetches } = partPage();
    expect(fetches).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fetches).toHaveBeenCalledTimes(1));
  });

  it('logs the decisions made before it arrived, in order, the reset at the time it was made, then the later ones', async () => {
    const { store, fetches, arrive } = partPage();
    expect(fetches).not.toHaveBeenCalled();
    const first = store.decide({ analytics: true });
    // A decision asks for it at once: it need not wait for idle time.
    expect(fetches).toHaveBeenCalledTimes(1);
    const resetAt = new Date().toISOString();
    store.reset();
    await settled();
    expect(posted).toEqual([]);
    await settled();
    expect(fetches).toHaveBeenCalledTimes(1);
    arrive(logDecisions);
    await settled();
    expect(posted.map((p) => [p.entry.id, p.entry.choices])).toEqual([
      [first.id, { analytics: true }],
      [first.id, {}],
    ]);
    expect(Date.parse(posted[1]!.entry.time)).toBeLessThanOrEqual(Date.parse(resetAt) + 5);
    const later = store.decide({ analytics: false });
    await settled();
    expect(posted.map((p) => p.entry.id)).toEqual([first.id, first.id, later.id]);
  });

  it('that cannot be had: one error naming logUrl, and the page goes on', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store, arrive } = partPage();
    store.decide({ analytics: true });
    arrive(null);
    await settled();
    expect(posted).toEqual([]);
    expect(error.mock.calls.map((c) => c[0])).toEqual([expect.stringMatching(/^\[samtykke\] logUrl: could not load samtykke-log\.js/)]);
  });
});
