import { PGlite } from '@electric-sql/pglite';
import { open, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLog, type Log } from '../log.js';
import { unpackTemplate } from './cluster-template.js';
import type { Db, Sql } from './db.js';
import { lockDir } from './dir-lock.js';

export interface PgliteOptions {
  /** Flushes one open file to stable storage; a test injects a failing one. */
  readonly fsync?: (path: string) => Promise<void>;
  /** WAL written since the last checkpoint that triggers the next one. */
  readonly checkpointBytes?: number;
  /** Longest time between checkpoints while anything is written. */
  readonly checkpointMs?: number;
  readonly log?: Log;
  /** The built receiver's folder, whose store template a first start unpacks (cluster-template.ts); by default this module's. */
  readonly builtDir?: string;
}

const MB = 1024 * 1024;

/**
 * Flushes one file or folder to stable storage, on the thread pool: the event loop (HTTP, and
 * PostgreSQL's next statements, which queue behind the commit) goes on meanwhile.
 */
async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, its cluster in `dataDir`, which this
 * process locks for itself first (dir-lock.ts). A new `dataDir` gets the cluster the build made
 * (cluster-template.ts) rather than PGlite's initdb, which took 750 MB.
 *
 * PGlite writes each page straight to the host file with a synchronous write, so a
 * committed row is in the kernel before the query resolves and survives the process being
 * killed. Its PostgreSQL's own fsync calls are no-ops under WebAssembly, though, so to
 * survive a power cut as well `durable()` fsyncs the WAL segment holding the commit from
 * the host side. Concurrent callers share one fsync (group commit).
 *
 * PGlite runs PostgreSQL in single-user mode, which never checkpoints by itself: the WAL would
 * grow without end and a crash would replay all of it. So the store checkpoints once
 * `checkpointBytes` of WAL were written or `checkpointMs` passed with writes, then fsyncs the
 * data files the checkpoint wrote; the WAL then stays at a few 16 MB segments.
 *
 * Memory: PostgreSQL's shared buffers are set to 16 MB (its default is 128 MB, inside the
 * process's WebAssembly memory, which never shrinks): the log's working set is the tail of one
 * table and its indexes, and the host's page cache holds the rest.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Db> {
  const { fsync = fsyncPath, checkpointBytes = 32 * MB, checkpointMs = 5 * 60_000, log = silentLog } = options;
  const unlock = await lockDir(dataDir);
  let pg: PGlite;
  try {
    const builtDir = options.builtDir ?? dirname(fileURLToPath(import.meta.url));
    // Without a template (a receiver run from its sources), PGlite's initdb creates the cluster.
    if (!existsSync(join(dataDir, 'PG_VERSION')) && !(await unpackTemplate(builtDir, dataDir))) {
      log('warn', 'no store template beside the receiver: creating the store with initdb, which takes about 750 MB of memory once', { builtDir });
    }
    // Few recycled segments kept (the default keeps 80 MB), checkpoints triggered below.
    pg = await PGlite.create({ dataDir, startParams: [...PGlite.defaultStartParams, '-c', 'min_wal_size=32MB', '-c', 'max_wal_size=64MB', '-c', 'shared_buffers=16MB'] });
  } catch (error) {
    await unlock();
    throw error;
  }
  const wal = join(dataDir, 'pg_wal');
  let lastSegment: string | null = null;

  /**
   * Flushes the files and folders of the cluster changed since `since` (ms; 0: all). Off the
   * event loop (the thread pool's fsync), so requests go on meanwhile: flushing all of a
   * cluster's thousand files synchronously held every request for seconds (the bench's p99).
   */
  const fsyncTree = async (dir: string, since: number): Promise<void> => {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) await fsyncTree(path, since);
      else if (item.isFile() && (await stat(path)).mtimeMs >= since) await fsync(path);
    }
    if ((await stat(dir)).mtimeMs >= since) await fsync(dir);
  };

  // The WAL position of the last checkpoint, and when it ran; what was written before `flushed` is on disk.
  let checkpointed = { lsn: '0/0', at: Date.now() };
  let flushed = 0;
  let checkpointing: Promise<void> | null = null;
  // The flushes of the data files, one after another, each after its checkpoint.
  let flushing: Promise<void> = Promise.resolve();
  const failed = (what: string) => (error: Error) => log('error', what, { error: error.name, code: String((error as NodeJS.ErrnoException).code ?? '') });
  /**
   * Writes every dirty page to the data files, then flushes them; old WAL segments are
   * recycled. The next checkpoint may start while a flush runs, so the WAL stays bounded
   * whatever the disk's speed.
   */
  const checkpoint = () =>
    (checkpointing ??= (async () => {
      // Less a margin for file systems that keep modification times coarsely.
      const started = Date.now() - 2_000;
      await pg.exec('CHECKPOINT');
      const [row] = (await pg.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows;
      checkpointed = { lsn: row!.lsn, at: Date.now() };
      flushing = flushing.then(async () => {
        await fsyncTree(dataDir, flushed);
        flushed = started;
      }).catch(failed('flushing the data files failed')); // retried whole by the next checkpoint, `flushed` unchanged
    })()
      // The entries are safe in the fsynced WAL meanwhile; the next trigger tries again.
      .catch(failed('checkpoint failed'))
      .finally(() => (checkpointing = null)));

  const syncWal = async () => {
    const [row] = (
      await pg.query<{ segment: string; lsn: string; since: string }>(
        'SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS segment, pg_current_wal_insert_lsn()::text AS lsn, pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS since',
        [checkpointed.lsn],
      )
    ).rows;
    const segment = row!.segment;
    // A commit whose records began in the previous segment needs that one on disk too.
    if (lastSegment !== null && lastSegment !== segment) {
      await fsync(join(wal, lastSegment));
      await fsync(wal);
    }
    await fsync(join(wal, segment));
    lastSegment = segment;
    // Off this commit's path: its entry is durable already.
    if (Number(row!.since) >= checkpointBytes) void checkpoint();
  };

  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const durable = (): Promise<void> => {
    if (!running) {
      running = syncWal().finally(() => (running = null));
      return running;
    }
    // A sync already under way may have started before our commit: wait for the one after it,
    // whether that one failed or not (a failure answers its own callers, not later ones).
    const after = () => {
      next = null;
      return durable();
    };
    next ??= running.then(after, after);
    return next;
  };

  const timer = setInterval(() => {
    if (Date.now() - checkpointed.at < checkpointMs) return;
    void pg
      .query<{ since: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS since', [checkpointed.lsn])
      .then(({ rows }) => (Number(rows[0]!.since) > 0 ? checkpoint() : undefined), () => {}); // a broken store shows in /healthz
  }, Math.min(checkpointMs, 60_000));
  timer.unref();

  const sql: Sql = { query: async (text, params) => (await pg.query(text, params as unknown[])).rows as never };
  return {
    ...sql,
    transaction: (fn) => pg.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never })),
    durable,
    async close() {
      clearInterval(timer);
      await checkpoint(); // a clean stop: nothing to replay at the next start
      await flushing;
      await pg.close();
      await unlock();
    },
  };
}
