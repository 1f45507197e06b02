import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { NO_PROXY } from '../src/client-address.js';
import { silentLog } from '../src/log.js';
import { leafOf, sealDigest } from '../src/digest.js';
import type { StoredEntry } from '../src/entry.js';
import type { ConsentStore } from '../src/store/store.js';
import { STORES } from './stores.js';
import { entry, hashOf, SNAPSHOTS } from './support/load.mjs';
import { ORIGIN, TOKEN } from './support/receiver.mjs';

const BIN = join(import.meta.dirname, '..', 'bin', 'samtykke-log.mjs');
const dir = mkdtempSync(join(tmpdir(), 'samtykke-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const configOf = () => ({ token: TOKEN, allowedOrigins: [ORIGIN], ratePerMinute: 0, globalRatePerMinute: 0, proxy: NO_PROXY, storePaths: true });

describe.each(STORES)('digests and stats on the $name store', (kind) => {
  let store: ConsentStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await kind.open(await kind.place());
    app = createApp({ store, config: configOf(), log: silentLog });
    const post = (body: string, path = '/v1/consents') => app.request(path, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body });
    for (const body of Object.values(SNAPSHOTS)) await post(body, '/v1/snapshots');
    for (const n of [1, 2, 3]) expect((await post(JSON.stringify(entry(n)))).status).toBe(201);
  }, 60_000);
  afterAll(() => store.close());

  const read = (path: string) => app.request(path, { headers: { Authorization: `Bearer ${TOKEN}` } });
  const verify = (exported: string, digests: string): Promise<{ code: number; out: string }> => {
    writeFileSync(join(dir, 'export.ndjson'), exported);
    writeFileSync(join(dir, 'digests.ndjson'), digests);
    return promisify(execFile)(process.execPath, [BIN, 'verify', join(dir, 'export.ndjson'), join(dir, 'digests.ndjson')]).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );
  };

  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const lines = (text: string) => text.split('\n').filter(Boolean);

  it('chains the days\' seals, and the offline check finds a day changed, removed or rewritten', async () => {
    // Entries received on past days, as an import restores them: day 5 ago, none 4 ago, one 3 ago.
    const [d5, d4, d3] = [ago(5), ago(4), ago(3)];
    // entry(n) is a valid entry (it is posted elsewhere), typed loosely as the body it is.
    const past = (n: number, day: string) => ({ ...entry(n), receivedAt: `${day}T10:00:0${n % 10}.000Z`, origin: ORIGIN }) as unknown as StoredEntry;
    for (const e of [past(21, d5), past(22, d5), past(23, d3)]) expect(await store.restore(e)).toBe(true);

    const link = async (day: string) => (await read(`/v1/digest?day=${day}`)).json();
    const seal3 = await link(d3);
    expect(seal3).toEqual({ day: d3, count: 1, previous: (await link(d4)).digest, digest: expect.stringMatching(/^[0-9a-f]{64}$/), expiredAt: null });
    expect(await link(d4)).toMatchObject({ count: 0, previous: (await link(d5)).digest });
    expect(await link(d5)).toMatchObject({ count: 2, previous: '0'.repeat(64) });
    const today = new Date().toISOString().slice(0, 10);
    expect((await read(`/v1/digest?day=${today}`)).status).toBe(404); // sealed once the day is over
    expect((await read(`/v1/digest?day=${ago(6)}`)).status).toBe(404); // before the log's first day
    expect((await read('/v1/digest?day=yesterday')).status).toBe(400);
    expect((await app.request(`/v1/digest?day=${d3}`)).status).toBe(401);

    const exported = await (await read('/v1/consents')).text();
    const kept = JSON.stringify(seal3) + '\n';
    const days = [5, 4, 3, 2, 1].map(ago);
    const counts: Record<string, number> = { [d5]: 2, [d3]: 1 };
    expect(await verify(exported, kept)).toEqual({
      code: 0,
      out: ['snapshots  ok  2 named, each in the file as its hash says', ...days.map((d) => `${d}  ok  ${counts[d] ?? 0} entries`), `${today}  not sealed yet  3 entries`, `${d3}  kept digest ok`, ''].join('\n'),
    });
    // One answer changed after the fact.
    const forged = exported.replace(/("id":"load00000021".*?"analytics":)false/, '$1true');
    expect(forged).not.toBe(exported);
    expect(await verify(forged, kept)).toMatchObject({ code: 1, out: expect.stringContaining(`${d5}  CHANGED  2 entries (its seal says 2)`) });
    // A whole day taken out, its entries and its seal.
    const withoutD5 = lines(exported).filter((l) => !l.includes(`${d5}T`) && !l.includes(`"day":"${d5}"`));
    const gone = [...withoutD5.slice(0, -1), `{"count":${withoutD5.filter((l) => l.startsWith('{"id"')).length}}`].join('\n');
    expect(await verify(gone, kept)).toMatchObject({ code: 1, out: expect.stringContaining(`${d4}  BROKEN  its seal does not follow from the chain's start`) });
    // The chain rewritten without that day (a log that never had it): the digest kept says so.
    const rewritten = await kind.open(await kind.place());
    try {
      for (const l of lines(exported).filter((l) => l.startsWith('{"id"') && !l.includes(`"receivedAt":"${d5}`))) {
        const e = JSON.parse(l);
        await rewritten.restore(e);
      }
      await rewritten.seal(ago(1));
      const exportOf = async (s: ConsentStore) => (await createApp({ store: s, config: configOf(), log: silentLog }).request('/v1/consents', { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      for (const body of Object.values(SNAPSHOTS)) await rewritten.putSnapshot(hashOf(body), body);
      expect(await verify(await exportOf(rewritten), kept)).toMatchObject({ code: 1, out: expect.stringContaining(`${d3}  CHANGED  the digest kept differs from the chain in the file`) });
    } finally {
      await rewritten.close();
    }
    expect(await verify(lines(exported).slice(0, -1).join('\n'), kept)).toMatchObject({ code: 2, out: expect.stringContaining('the export is incomplete') });
  });

  it('checks an export of some days (?days=) against its part of the chain, from the digest of the day before', async () => {
    const [d5, d4, d3, d2, d1] = [5, 4, 3, 2, 1].map(ago);
    const digestOf = async (day: string) => JSON.stringify(await (await read(`/v1/digest?day=${day}`)).json()) + '\n';
    const keptD4 = await digestOf(d4!);
    const part = await (await read(`/v1/consents?days=${d3}/${d2}`)).text();
    expect(lines(part)[0]).toBe(`{"part":{"from":"${d3}","to":"${d2}"}}`);
    expect(lines(part).filter((l) => l.startsWith('{"id"')).map((l) => JSON.parse(l).id)).toEqual([entry(23).id]); // received on d3; d5's and today's are outside
    expect(await verify(part, keptD4)).toEqual({
      code: 0,
      out: [`part  the days ${d3} to ${d2}`, 'snapshots  ok  2 named, each in the file as its hash says', `${d3}  ok  1 entries`, `${d2}  ok  0 entries`, `${d4}  kept digest ok  the part starts from it`, ''].join('\n'),
    });
    // Every digest the owner kept, in one file: those of days outside the part are set aside.
    const keptAll = (await Promise.all([d5, d4, d3, d2, d1].map((d) => digestOf(d!)))).join('');
    expect(await verify(part, keptAll)).toMatchObject({ code: 0, out: expect.stringContaining(`${d2}  kept digest ok\n2 kept digests of days outside the part not checked`) });
    // Without a digest kept for the day before, the start is named, not vouched for.
    expect(await verify(part, '')).toMatchObject({ code: 0, out: expect.stringContaining(`${d4}  not kept  the part starts from this day's digest`) });
    expect((await read(`/v1/consents?days=${d2}/${d3}`)).status).toBe(400);
    expect((await read(`/v1/consents?days=${d3}&from=${d3}`)).status).toBe(400);

    // An entry changed inside the part, on its first day.
    const forged = part.replace(/("id":"load00000023".*?"lang":)"nb"/, '$1"en"');
    expect(forged).not.toBe(part);
    expect(await verify(forged, keptD4)).toMatchObject({ code: 1, out: expect.stringContaining(`${d3}  CHANGED  1 entries (its seal says 1)`) });
    // The chain recomputed over the changed entry: the file holds together, the digests kept do not.
    const rechained = (text: string, start: string) => {
      let previous = start;
      const leaves = lines(text).filter((l) => l.startsWith('{"id"')).map((l) => leafOf(JSON.parse(l) as StoredEntry));
      return lines(text)
        .map((l) => {
          if (!l.startsWith('{"seal"')) return l;
          const { seal } = JSON.parse(l) as { seal: { day: string } };
          const digest = sealDigest(seal.day, previous, seal.day === d3 ? leaves : []);
          const line = JSON.stringify({ seal: { ...seal, previous, digest } });
          previous = digest;
          return line;
        })
        .join('\n');
    };
    const startOf = (JSON.parse(lines(part).find((l) => l.includes(`"day":"${d3}"`))!) as { seal: { previous: string } }).seal.previous;
    expect(await verify(rechained(forged, startOf), '')).toMatchObject({ code: 0 }); // why digests are kept
    expect(await verify(rechained(forged, startOf), keptAll)).toMatchObject({ code: 1, out: expect.stringContaining(`${d3}  CHANGED  the digest kept differs from the chain in the file`) });
    // The part's first day made to start from another history: the digest kept for the day before says so.
    expect(await verify(rechained(part, 'f'.repeat(64)), keptD4)).toMatchObject({ code: 1, out: expect.stringContaining(`${d4}  CHANGED  the part starts from another digest than the one kept`) });
    // A part is no restore: its chain starts in the middle.
    const other = await kind.open(await kind.place());
    try {
      const res = await createApp({ store: other, config: configOf(), log: silentLog }).request('/v1/import', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: part });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/import a whole export/);
    } finally {
      await other.close();
    }
  });

  it('refuses, whole, an import that would change a day this log has sealed, and names the days', async () => {
    const [d4, d3, d2, d1] = [4, 3, 2, 1].map(ago) as [string, string, string, string];
    const importing = (body: string) => app.request('/v1/import', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body });
    const before = await (await read('/v1/consents')).text();
    // Its own export again: every entry and seal already there, alike.
    const entries = lines(before).filter((l) => l.startsWith('{"id"')).length;
    expect(await (await importing(before)).json()).toEqual({ status: 'imported', imported: 0, alreadyStored: entries });

    // Another log's entries, received on days this log has sealed, and one received today.
    const other = await kind.open(await kind.place());
    try {
      const past = (n: number, at: string) => ({ ...entry(n), receivedAt: at, origin: ORIGIN }) as unknown as StoredEntry;
      for (const e of [past(31, `${d4}T09:00:00.000Z`), past(32, `${d3}T09:00:00.000Z`), past(33, new Date().toISOString())]) expect(await other.restore(e)).toBe(true);
      for (const body of Object.values(SNAPSHOTS)) await other.putSnapshot(hashOf(body), body);
      const otherApp = createApp({ store: other, config: configOf(), log: silentLog });
      const exportOf = async (query: string) => (await otherApp.request(`/v1/consents${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      // Its whole export: its entries and its own chain, which starts where this log's differs.
      const refusedWhole = await importing(await exportOf(''));
      expect(refusedWhole.status).toBe(409);
      expect((await refusedWhole.json()).error).toBe(
        `this log has sealed ${d4}, ${d3}, ${d2}, ${d1}, and the import would change them, breaking the chain of seals: nothing was imported; import into a new log, or leave those days out`,
      );
      // Its entries alone (a range of decision times carries no seals): the sealed days they fall on.
      const refused = await importing(await exportOf(`?from=${entry(31).time}`));
      expect(refused.status).toBe(409);
      expect((await refused.json()).error).toMatch(new RegExp(`^this log has sealed ${d4}, ${d3}, and the import would change them`));
      // Nothing of either was kept: the log exports as before and still verifies.
      expect(await (await read('/v1/consents')).text()).toBe(before);
      expect((await verify(before, '')).code).toBe(0);

      // An entry received today, a day not sealed yet, is imported.
      const today = await exportOf(`?from=${entry(33).time}&to=${entry(34).time}`);
      expect(await (await importing(today)).json()).toEqual({ status: 'imported', imported: 1, alreadyStored: 0 });
      expect(await verify(await (await read('/v1/consents')).text(), '')).toMatchObject({ code: 0, out: expect.stringContaining(`${ago(0)}  not sealed yet  4 entries`) });
    } finally {
      await other.close();
    }

    // An export that broke off stores nothing, in a new log too.
    const fresh = await kind.open(await kind.place());
    try {
      const cut = lines(before).slice(0, -1).join('\n');
      const res = await createApp({ store: fresh, config: configOf(), log: silentLog }).request('/v1/import', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: cut });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/the export is incomplete: its count line says nothing, .*: nothing was imported/);
      expect(await fresh.byId(entry(23).id)).toEqual([]);
    } finally {
      await fresh.close();
    }
    // The entry imported above, out again, so the tests after this one find the log as before.
    expect((await app.request(`/v1/consents/${entry(33).id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('keeps the chain whole through an erasure and retention, and through export, import and verify', async () => {
    const [d5, d4, d3] = [ago(5), ago(4), ago(3)];
    const kept = JSON.stringify(await (await read(`/v1/digest?day=${d3}`)).json()) + '\n';
    const erased = await app.request(`/v1/consents/${entry(22).id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(await erased.json()).toEqual({ status: 'erased', erased: 1 });
    const afterErasure = await (await read('/v1/consents')).text();
    expect(afterErasure).toMatch(new RegExp(`\\{"erased":"[0-9a-f]{64}","day":"${d5}"\\}`));
    expect((await verify(afterErasure, kept)).out).toContain(`${d5}  ok  1 entries, 1 erased\n`);

    // Retention takes the oldest day whole: its seal stays in the chain, marked expired.
    expect(await store.deleteReceivedBefore(new Date(`${d4}T00:00:00Z`))).toBe(1);
    const exported = await (await read('/v1/consents')).text();
    const checked = await verify(exported, kept);
    expect(checked).toMatchObject({ code: 0, out: expect.stringContaining(`${d5}  expired  entries deleted by retention on ${ago(0)}\n${d4}  ok  0 entries\n`) });
    expect(checked.out).toContain(`${d3}  kept digest ok`);

    // Export, import into a new log, export again: the same file, snapshots and chain included.
    const other = await kind.open(await kind.place());
    try {
      const restored = createApp({ store: other, config: configOf(), log: silentLog });
      const res = await restored.request('/v1/import', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: exported });
      expect(await res.json()).toEqual({ status: 'imported', imported: lines(exported).filter((l) => l.startsWith('{"id"')).length, alreadyStored: 0 });
      const again = await (await restored.request('/v1/consents', { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      expect(again).toBe(exported);
      expect(await verify(again, kept)).toMatchObject({ code: 0 });
      // A snapshot that is not what its hash says is refused.
      const snapshotLine = lines(exported).find((l) => l.startsWith('{"snapshot"'))!;
      const bad = await restored.request('/v1/import', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: snapshotLine.replace('Google', 'Gogle') + '\n{"count":0}\n' });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/its content hashes to/);
    } finally {
      await other.close();
    }
    // An entry whose snapshot is missing from the file is named.
    const noSnapshots = lines(exported).filter((l) => !l.startsWith('{"snapshot"')).join('\n');
    expect(await verify(noSnapshots, kept)).toMatchObject({ code: 1, out: expect.stringContaining('snapshots  MISSING') });
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
