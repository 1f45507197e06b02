import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Log } from '../src/log.js';
import type { StoredEntry } from '../src/entry.js';
import { openPostgres } from '../src/store/postgres.js';
import { STORES } from './stores.js';
import { entry } from './support/load.mjs';
import { ORIGIN } from './support/receiver.mjs';

const postgresql = STORES.find((s) => s.name === 'postgresql')!;

describe('the PostgreSQL store', () => {
  it('commits synchronously and bounds each statement, whatever the database default', async () => {
    const { DATABASE_URL: url } = await postgresql.place();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${new URL(url!).pathname.slice(1)} SET synchronous_commit = off`);
    await admin.end();
    const db = await openPostgres(url!, { statementMs: 300 });
    try {
      expect(await db.query('SHOW synchronous_commit')).toEqual([{ synchronous_commit: 'on' }]);
      await expect(db.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await db.close();
    }
  });

  it('gives up on a server that accepts the connection but never answers', async () => {
    const silent = createServer(() => {}).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    try {
      await expect(openPostgres(`postgresql://postgres@127.0.0.1:${port}/x`, { connectMs: 300 })).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      silent.close();
    }
  });

  it('logs a pooled connection the server drops, and goes on with a new one', async () => {
    const { DATABASE_URL: url } = await postgresql.place();
    let logged: (entry: Parameters<Log>) => void = () => {};
    const lost = new Promise<Parameters<Log>>((resolve) => (logged = resolve));
    const db = await openPostgres(url!, { log: (...entry) => logged(entry) });
    try {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      await admin.end();
      expect(await lost).toEqual(['error', 'database connection lost', { error: 'error', code: '57P01' }]);
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('seals each day once, in one chain, when two receivers on one database seal at the same time', async () => {
    const place = await postgresql.place();
    const [a, b] = [await postgresql.open(place), await postgresql.open(place)];
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    try {
      // entry(n) is a valid entry, typed loosely as the body it is.
      for (const n of [1, 2]) await a.restore({ ...entry(n), receivedAt: `${ago(3)}T10:00:0${n}.000Z`, origin: ORIGIN } as unknown as StoredEntry);
      await Promise.all([a.seal(ago(1)), b.seal(ago(1))]);
      const seals = await a.seals();
      expect(seals.map((s) => [s.day, s.count])).toEqual([
        [ago(3), 2],
        [ago(2), 0],
        [ago(1), 0],
      ]);
      expect(seals[1]!.previous).toBe(seals[0]!.digest);
      expect(await b.seals()).toEqual(seals);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
