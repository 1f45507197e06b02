import { PGlite } from '@electric-sql/pglite';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Sql } from './db.js';

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, its cluster in `dataDir`.
 *
 * PGlite writes each page straight to the host file with a synchronous write, so a
 * committed row is in the kernel before the query resolves and survives the process being
 * killed. Its PostgreSQL's own fsync calls are no-ops under WebAssembly, though, so to
 * survive a power cut as well `durable()` fsyncs the WAL segment holding the commit from
 * the host side. Concurrent callers share one fsync (group commit).
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const pg = await PGlite.create({ dataDir });
  const wal = join(dataDir, 'pg_wal');
  let lastSegment: string | null = null;

  const fsyncFile = (path: string) => {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  const syncWal = async () => {
    const [row] = (await pg.query<{ segment: string }>('SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS segment')).rows;
    const segment = row!.segment;
    // A commit whose records began in the previous segment needs that one on disk too.
    if (lastSegment !== null && lastSegment !== segment) {
      fsyncFile(join(wal, lastSegment));
      fsyncFile(wal);
    }
    fsyncFile(join(wal, segment));
    lastSegment = segment;
  };

  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const durable = (): Promise<void> => {
    if (!running) {
      running = syncWal().finally(() => (running = null));
      return running;
    }
    // A sync already under way may have started before our commit: wait for the one after it.
    next ??= running.then(() => {
      next = null;
      return durable();
    });
    return next;
  };

  const sql: Sql = { query: async (text, params) => (await pg.query(text, params as unknown[])).rows as never };
  return {
    ...sql,
    transaction: (fn) => pg.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never })),
    durable,
    close: () => pg.close(),
  };
}
