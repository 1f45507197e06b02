import type { Db } from './db.js';

/**
 * The schema, one step a release. Both stores run the same steps, in order, each once;
 * a step is never edited after release, a change is a new step.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE consent_log (
     id            text        NOT NULL,
     time          timestamptz NOT NULL,
     revision      text        NOT NULL,
     services_hash text        NOT NULL,
     choices       jsonb       NOT NULL,
     lang          text        NOT NULL,
     version       text        NOT NULL,
     texts_hash    text        NOT NULL,
     path          text        NOT NULL,
     received_at   timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (id, time)
   );
   CREATE INDEX consent_log_time ON consent_log (time, id);
   CREATE INDEX consent_log_received_at ON consent_log (received_at);`,
  // The site the entry was posted from (its Origin header); '' for entries stored before.
  `ALTER TABLE consent_log ADD COLUMN origin text NOT NULL DEFAULT ''`,
  // What the visitor was shown, once per hash, in the canonical text the hash was computed over;
  // and the decision an entry replaced.
  `CREATE TABLE snapshots (
     hash        text        PRIMARY KEY,
     content     text        NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now()
   );
   ALTER TABLE consent_log ADD COLUMN previous_id text`,
  // The chain of daily seals (digest.ts), and the leaf each erased entry leaves behind so the
  // day it was received still seals to the same digest. Days are UTC dates as text (YYYY-MM-DD),
  // so no driver turns them into a local midnight.
  `CREATE TABLE day_seals (
     day        text        PRIMARY KEY,
     count      integer     NOT NULL,
     previous   text        NOT NULL,
     digest     text        NOT NULL,
     expired_at timestamptz
   );
   CREATE TABLE erasures (
     day       text        NOT NULL,
     leaf      text        NOT NULL,
     erased_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (day, leaf)
   )`,
];

/** The schema's version once every step ran; part of the name of the store template made with them. */
export const SCHEMA_VERSION = MIGRATIONS.length;

// Any fixed number: receivers sharing one database take turns migrating.
const MIGRATION_LOCK = 7_115_846;

export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const [row] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    for (let version = (row?.v ?? 0) + 1; version <= MIGRATIONS.length; version++) {
      for (const statement of MIGRATIONS[version - 1]!.split(';').filter((s) => s.trim())) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
  });
  await db.durable();
}
