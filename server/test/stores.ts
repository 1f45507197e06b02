import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openPglite } from '../src/store/pglite.js';
import { openPostgres } from '../src/store/postgres.js';
import type { Db } from '../src/store/db.js';
import { ConsentStore } from '../src/store/store.js';
import { startCluster, type Cluster } from './support/cluster.mjs';

/**
 * Each receiver test runs against both stores. The PostgreSQL cluster starts on first use
 * and stops after the file; a missing PostgreSQL fails the test, it never skips it.
 */
export interface StoreKind {
  readonly name: 'embedded' | 'postgresql';
  /** Where a receiver process keeps its data: DATA_DIR or DATABASE_URL. */
  place(): Promise<Record<string, string>>;
  /** The bare database, for tests that look under the store. */
  openDb(place: Record<string, string>): Promise<Db>;
  open(place: Record<string, string>): Promise<ConsentStore>;
}

/** The built receiver, whose store template a new embedded store starts from, as in production. */
export const BUILT = join(import.meta.dirname, '..', 'dist');

let cluster: Promise<Cluster> | null = null;
const temps: string[] = [];
afterAll(async () => {
  await (await cluster)?.stop();
  cluster = null;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const STORES: readonly StoreKind[] = [
  {
    name: 'embedded',
    async place() {
      const dir = mkdtempSync(join(tmpdir(), 'samtykke-log-'));
      temps.push(dir);
      return { DATA_DIR: dir };
    },
    openDb: (p) => openPglite(p.DATA_DIR!, { builtDir: BUILT }),
    open: async (p) => ConsentStore.open(await openPglite(p.DATA_DIR!, { builtDir: BUILT })),
  },
  {
    name: 'postgresql',
    async place() {
      cluster ??= startCluster();
      return { DATABASE_URL: await (await cluster).createDatabase() };
    },
    openDb: (p) => openPostgres(p.DATABASE_URL!),
    open: async (p) => ConsentStore.open(await openPostgres(p.DATABASE_URL!)),
  },
];
