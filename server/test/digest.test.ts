import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { NO_PROXY } from '../src/client-address.js';
import { silentLog } from '../src/log.js';
import type { ConsentStore } from '../src/store/store.js';
import { STORES } from './stores.js';
import { entry, SNAPSHOTS } from './support/load.mjs';
import { ORIGIN, TOKEN } from './support/receiver.mjs';

const BIN = join(import.meta.dirname, '..', 'bin', 'samtykke-log.mjs');
const dir = mkdtempSync(join(tmpdir(), 'samtykke-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(STORES)('digests and stats on the $name store', (kind) => {
  let store: ConsentStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await kind.open(await kind.place());
    app = createApp({ store, config: { token: TOKEN, allowedOrigins: [ORIGIN], ratePerMinute: 0, globalRatePerMinute: 0, proxy: NO_PROXY, storePaths: true }, log: silentLog });
    const post = (body: string, path = '/v1/consents') => app.request(path, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body });
    for (const body of Object.values(SNAPSHOTS)) await post(body, '/v1/snapshots');
    for (const n of [1, 2, 3]) expect((await post(JSON.stringify(entry(n)))).status).toBe(201);
  }, 60_000);
  afterAll(() => store.close());

  const read = (path: string) => app.request(path, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const verify = (exported: string, digests: string) => {
    writeFileSync(join(dir, 'export.ndjson'), exported);
    writeFileSync(join(dir, 'digests.ndjson'), digests);
    return promisify(execFile)(process.execPath, [BIN, 'verify', join(dir, 'export.ndjson'), join(dir, 'digests.ndjson')]).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );
  };

  it('seals a day\'s entries, and the offline check tells a kept export from a changed one', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await read(`/v1/digest?day=${today}`);
    const digest = await res.json();
    expect(digest).toEqual({ day: today, count: 3, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await read('/v1/digest?day=yesterday')).status).toBe(400);
    expect((await app.request(`/v1/digest?day=${today}`)).status).toBe(401);

    const exported = await (await read('/v1/consents')).text();
    const kept = JSON.stringify(digest) + '\n';
    expect(await verify(exported, kept)).toEqual({ code: 0, out: `${today}  ok  3 entries\n` });
    // One answer changed after the fact: the day no longer matches what was kept.
    const forged = exported.replace('"analytics":false', '"analytics":true');
    expect(forged).not.toBe(exported);
    expect(await verify(forged, kept)).toEqual({ code: 1, out: `${today}  CHANGED  3 entries (the digest kept says 3)\n` });
    // An entry removed, with the count line fixed up to hide it.
    const lines = exported.trim().split('\n');
    const removed = [...lines.slice(1, -1), '{"count":2}'].join('\n');
    expect(await verify(removed, kept)).toMatchObject({ code: 1, out: expect.stringContaining('CHANGED  2 entries (the digest kept says 3)') });
    expect(await verify(lines.slice(0, -1).join('\n'), kept)).toMatchObject({ code: 2, out: expect.stringContaining('the export is incomplete') });
  });

  it('counts each day\'s decisions by revision and language: Godta alle, Avvis alle, custom, withdrawals', async () => {
    const post = (e: object) => app.request('/v1/consents', { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body: JSON.stringify(e) });
    const day = entry(100).time.slice(0, 10);
    const on = (n: number, choices: object, more: object = {}) => post({ ...entry(100 + n), choices, ...more });
    for (const [n, choices, more] of [
      [0, { analytics: true, marketing: true }, {}],
      [1, { analytics: true, marketing: true }, {}],
      [2, { analytics: false, marketing: false }, {}],
      [3, { analytics: true, marketing: false }, {}],
      [4, {}, {}],
      [5, { analytics: true }, { lang: 'en' }],
      [6, { analytics: false, marketing: false }, { revision: 'r2' }],
    ] as const) expect((await on(n, choices, more)).status).toBe(201);
    const res = await read(`/v1/stats?from=${entry(100).time}&to=${day}T23:59:59Z`); // after the entries above
    expect(await res.json()).toEqual({
      days: [
        { day, revision: 'r1', lang: 'en', acceptAll: 1, rejectAll: 0, custom: 0, withdrawals: 0 },
        { day, revision: 'r1', lang: 'nb', acceptAll: 2, rejectAll: 1, custom: 1, withdrawals: 1 },
        { day, revision: 'r2', lang: 'nb', acceptAll: 0, rejectAll: 1, custom: 0, withdrawals: 0 },
      ],
    });
    expect((await app.request('/v1/stats')).status).toBe(401);
  });
});
