import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { NO_PROXY } from '../src/client-address.js';
import { silentLog } from '../src/log.js';
import { templatePath } from '../src/store/cluster-template.js';
import { SCHEMA_VERSION } from '../src/store/migrations.js';
import { openPglite } from '../src/store/pglite.js';
import { ConsentStore } from '../src/store/store.js';
import { BUILT } from './stores.js';
import { entry, SNAPSHOTS } from './support/load.mjs';
import { ORIGIN, startReceiver, TOKEN } from './support/receiver.mjs';

/** What only the embedded store has: a folder it must own, and a disk it must look after itself. */
const temps: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'samtykke-log-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the embedded store', () => {
  it('starts a new DATA_DIR from the template the build made, migrated and working, without initdb', async () => {
    expect(existsSync(templatePath(BUILT))).toBe(true); // `npm run build -w server` makes it
    const env = { DATA_DIR: folder(), RATE_LIMIT_PER_MINUTE: '0' };
    const first = await startReceiver(env);
    expect(first.startLog).not.toContain('initdb'); // the warning of a start without the template
    const post = (path: string, body: string) => fetch(first.url + path, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body });
    for (const body of Object.values(SNAPSHOTS)) expect((await post('/v1/snapshots', body)).status).toBe(201);
    expect((await post('/v1/consents', JSON.stringify(entry(1)))).status).toBe(201);
    await first.kill('SIGKILL');
    const again = await startReceiver(env);
    const read = await fetch(`${again.url}/v1/consents/${entry(1).id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(read.status).toBe(200);
    await again.kill('SIGTERM');
    const db = await openPglite(env.DATA_DIR, { builtDir: BUILT });
    try {
      expect(await db.query('SELECT max(version) AS v FROM schema_migrations')).toEqual([{ v: SCHEMA_VERSION }]);
    } finally {
      await db.close();
    }
  });

  it('unpacks the template again over a first start that was killed before it finished', async () => {
    const dir = folder();
    await (await openPglite(dir, { builtDir: BUILT })).close();
    // What a kill midway leaves: no PG_VERSION (it is put in place last), a file half written.
    unlinkSync(join(dir, 'PG_VERSION'));
    writeFileSync(join(dir, 'global', 'pg_control'), 'half');
    const store = await ConsentStore.open(await openPglite(dir, { builtDir: BUILT }));
    try {
      expect(await store.healthy()).toBe(true);
      expect(await store.byId(entry(1).id)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses a second receiver on the same DATA_DIR with one clear message, and takes over after a kill', async () => {
    const env = { DATA_DIR: folder(), RATE_LIMIT_PER_MINUTE: '0' };
    const first = await startReceiver(env);
    await expect(startReceiver(env)).rejects.toThrow(/exited with 1: samtykke-log: cannot open the embedded store: DATA_DIR .* is in use by another samtykke-log process/);
    await first.kill('SIGKILL'); // leaves its lock socket behind
    const second = await startReceiver(env);
    await second.kill('SIGTERM');
  });

  it('answers again once a failed fsync is over, for concurrent requests too', async () => {
    let failing = false;
    const db = await openPglite(folder(), {
      builtDir: BUILT,
      fsync: async () => {
        if (failing) throw Object.assign(new Error('I/O error'), { code: 'EIO' });
      },
    });
    const store = await ConsentStore.open(db);
    const app = createApp({ store, config: { token: null, allowedOrigins: [ORIGIN], ratePerMinute: 0, globalRatePerMinute: 0, proxy: NO_PROXY, storePaths: true }, log: silentLog });
    const burst = (from: number) =>
      Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const res = await app.request('/v1/consents', { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body: JSON.stringify(entry(from + i)) });
          return res.status;
        }),
      );
    try {
      for (const body of Object.values(SNAPSHOTS)) {
        expect((await app.request('/v1/snapshots', { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body })).status).toBe(201);
      }
      failing = true;
      expect(await burst(0)).toContain(503);
      failing = false;
      expect(await burst(100)).toEqual([201, 201, 201, 201, 201, 201]);
    } finally {
      await store.close();
    }
  });

  it('keeps its WAL to a few segments under a long load, by checkpointing', { timeout: 120_000 }, async () => {
    const dir = folder();
    const db = await openPglite(dir, { builtDir: BUILT });
    const segments = () => readdirSync(join(dir, 'pg_wal')).filter((f) => /^[0-9A-F]{24}$/.test(f)).length;
    try {
      await db.query('CREATE TABLE filler (n int, pad text)');
      let most = 0;
      // About 200 MB of WAL in commits of 0.6 MB, each made durable as an entry is.
      for (let i = 0; i < 320; i++) {
        await db.query("INSERT INTO filler SELECT g, repeat('x', 500) FROM generate_series(1, 1000) g");
        await db.durable();
        most = Math.max(most, segments());
      }
      const [{ written }] = await db.query<{ written: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0') AS written");
      expect(Number(written)).toBeGreaterThan(190 * 2 ** 20);
      expect(most * 16).toBeLessThanOrEqual(112); // MB: 16 MB segments, against 200 MB unchecked
    } finally {
      await db.close();
    }
  });
});
