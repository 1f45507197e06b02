import { OPTIONAL_PURPOSES } from '../../../src/config/purposes';
import type { Entry } from '../entry.js';
import { silentLog, type Log } from '../log.js';
import type { Db } from './db.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface StoredEntry extends Entry {
  /** When the receiver stored it (server clock, ISO 8601). */
  readonly receivedAt: string;
  /** The site it was posted from, one of ALLOWED_ORIGINS at the time. */
  readonly origin: string;
}

export interface DayStats {
  readonly day: string;
  readonly revision: string;
  readonly lang: string;
  readonly acceptAll: number;
  readonly rejectAll: number;
  readonly custom: number;
  readonly withdrawals: number;
}

/** What storing an entry did; `conflict` is the same id and time with different content. */
export type InsertResult = 'created' | 'replayed' | 'conflict';

const COLUMNS = 'id, time, revision, services_hash, choices, lang, version, texts_hash, path, previous_id, received_at, origin';
const PAGE = 1000;

interface Row {
  id: string;
  time: Date;
  revision: string;
  services_hash: string;
  choices: Entry['choices'];
  lang: Entry['lang'];
  version: string;
  texts_hash: string;
  path: string;
  previous_id: string | null;
  received_at: Date;
  origin: string;
}

const toEntry = (r: Row): StoredEntry => ({
  id: r.id,
  time: r.time.toISOString(),
  revision: r.revision,
  servicesHash: r.services_hash,
  choices: r.choices,
  lang: r.lang,
  version: r.version,
  textsHash: r.texts_hash,
  path: r.path,
  previousId: r.previous_id,
  receivedAt: r.received_at.toISOString(),
  origin: r.origin,
});

// jsonb may reorder an object's keys, so choices compare purpose by purpose. The origin is
// where it came from, not what it says: the same entry sent from the site's other origin is a replay.
const sameContent = (stored: Entry, sent: Entry) =>
  (Object.keys(sent) as (keyof Entry)[]).every((k) => k === 'choices' || stored[k] === sent[k]) &&
  OPTIONAL_PURPOSES.every((p) => stored.choices[p] === sent.choices[p]);

export class ConsentStore {
  /** Snapshot hashes known to be stored; a snapshot is never deleted, so this only grows (by a few a release). */
  private readonly knownSnapshots = new Set<string>();
  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<ConsentStore> {
    await migrate(db);
    return new ConsentStore(db);
  }

  /** Resolves only once a new row is durable, so the caller may answer 201. */
  async insert(e: Entry, origin: string): Promise<InsertResult> {
    const inserted = await this.db.query(
      `INSERT INTO consent_log (id, time, revision, services_hash, choices, lang, version, texts_hash, path, previous_id, origin)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id, time) DO NOTHING RETURNING id`,
      [e.id, e.time, e.revision, e.servicesHash, JSON.stringify(e.choices), e.lang, e.version, e.textsHash, e.path, e.previousId, origin],
    );
    await this.db.durable();
    if (inserted.length) return 'created';
    const [stored] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM consent_log WHERE id = $1 AND time = $2`, [e.id, e.time]);
    return stored && sameContent(toEntry(stored), e) ? 'replayed' : 'conflict';
  }

  /** Which of the entry's snapshot hashes the log has no content for; an entry needs both. */
  async missingSnapshots(e: Entry): Promise<('servicesHash' | 'textsHash')[]> {
    const wanted = (['servicesHash', 'textsHash'] as const).filter((k) => !this.knownSnapshots.has(e[k]));
    if (!wanted.length) return [];
    const rows = await this.db.query<{ hash: string }>('SELECT hash FROM snapshots WHERE hash = ANY($1)', [wanted.map((k) => e[k])]);
    for (const { hash } of rows) this.knownSnapshots.add(hash);
    return wanted.filter((k) => !this.knownSnapshots.has(e[k]));
  }

  /** Keeps a snapshot's content under its hash, once; resolves once durable. */
  async putSnapshot(hash: string, content: string): Promise<'created' | 'replayed'> {
    const inserted = await this.db.query('INSERT INTO snapshots (hash, content) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING RETURNING hash', [hash, content]);
    await this.db.durable();
    this.knownSnapshots.add(hash);
    return inserted.length ? 'created' : 'replayed';
  }

  /** Every entry of one consent id, oldest first, each with what its visitor was shown. */
  async byId(id: string): Promise<(StoredEntry & { shown: { services: unknown; texts: unknown } })[]> {
    const rows = await this.db.query<Row & { services: string | null; texts: string | null }>(
      `SELECT ${COLUMNS.split(', ').map((c) => 'l.' + c).join(', ')}, s.content AS services, t.content AS texts
       FROM consent_log l LEFT JOIN snapshots s ON s.hash = l.services_hash LEFT JOIN snapshots t ON t.hash = l.texts_hash
       WHERE l.id = $1 ORDER BY l.time`,
      [id],
    );
    const parse = (content: string | null): unknown => (content === null ? null : JSON.parse(content));
    return rows.map((r) => ({ ...toEntry(r), shown: { services: parse(r.services), texts: parse(r.texts) } }));
  }

  /** Entries with `from <= time < to`, oldest first, read a page at a time. */
  async *range(from: Date | null, to: Date | null): AsyncGenerator<StoredEntry> {
    let after: [Date, string] | null = null;
    for (;;) {
      const rows: Row[] = await this.db.query<Row>(
        `SELECT ${COLUMNS} FROM consent_log
         WHERE ($1::timestamptz IS NULL OR time >= $1) AND ($2::timestamptz IS NULL OR time < $2)
           AND ($3::timestamptz IS NULL OR (time, id) > ($3, $4))
         ORDER BY time, id LIMIT ${PAGE}`,
        [from, to, after?.[0] ?? null, after?.[1] ?? null],
      );
      for (const row of rows) yield toEntry(row);
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1]!;
      after = [last.time, last.id];
    }
  }

  /** The entries received on one UTC day (YYYY-MM-DD), for its digest. */
  async receivedOn(day: string): Promise<StoredEntry[]> {
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM consent_log WHERE received_at >= $1::date AND received_at < $1::date + 1 ORDER BY received_at, id, time`,
      [day],
    );
    return rows.map(toEntry);
  }

  /**
   * Decisions per UTC day (of the decision's time), revision and language: "Godta alle" (every
   * purpose asked granted), "Avvis alle" (every one refused), custom choices (some of each), and
   * withdrawals (a reset: no choices left).
   */
  async stats(from: Date | null, to: Date | null): Promise<DayStats[]> {
    const rows = await this.db.query<{ day: string; revision: string; lang: string; accept_all: string; reject_all: string; custom: string; withdrawals: string }>(
      `SELECT to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, revision, lang,
              count(*) FILTER (WHERE choices <> '{}' AND NOT choices @? '$.* ? (@ == false)') AS accept_all,
              count(*) FILTER (WHERE choices <> '{}' AND NOT choices @? '$.* ? (@ == true)') AS reject_all,
              count(*) FILTER (WHERE choices @? '$.* ? (@ == true)' AND choices @? '$.* ? (@ == false)') AS custom,
              count(*) FILTER (WHERE choices = '{}') AS withdrawals
       FROM consent_log
       WHERE ($1::timestamptz IS NULL OR time >= $1) AND ($2::timestamptz IS NULL OR time < $2)
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [from, to],
    );
    return rows.map((r) => ({ day: r.day, revision: r.revision, lang: r.lang, acceptAll: Number(r.accept_all), rejectAll: Number(r.reject_all), custom: Number(r.custom), withdrawals: Number(r.withdrawals) }));
  }

  /** Restores an exported entry as it was, `receivedAt` and origin included; false when already stored. */
  async restore(e: StoredEntry): Promise<boolean> {
    const inserted = await this.db.query(
      `INSERT INTO consent_log (id, time, revision, services_hash, choices, lang, version, texts_hash, path, previous_id, received_at, origin)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id, time) DO NOTHING RETURNING id`,
      [e.id, e.time, e.revision, e.servicesHash, JSON.stringify(e.choices), e.lang, e.version, e.textsHash, e.path, e.previousId, e.receivedAt, e.origin],
    );
    return inserted.length > 0;
  }

  /** Erasure at a visitor's request: every entry of one consent id; returns how many. */
  async erase(id: string): Promise<number> {
    const rows = await this.db.query('DELETE FROM consent_log WHERE id = $1 RETURNING 1', [id]);
    await this.db.durable();
    return rows.length;
  }

  /** Makes what was written so far durable (after a batch of `restore`s). */
  durable(): Promise<void> {
    return this.db.durable();
  }

  /** Retention: removes entries received before `cutoff`; returns how many. */
  async deleteReceivedBefore(cutoff: Date): Promise<number> {
    const rows = await this.db.query('DELETE FROM consent_log WHERE received_at < $1 RETURNING 1', [cutoff]);
    await this.db.durable();
    // The embedded store never vacuums by itself: without this the deleted rows' space is never reused.
    if (rows.length) await this.db.query('VACUUM consent_log');
    return rows.length;
  }

  async healthy(): Promise<boolean> {
    return this.db.query('SELECT 1').then(() => true, () => false);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** `DATABASE_URL` set: that PostgreSQL server; otherwise the embedded store in `dataDir`. */
export async function openStore(where: { databaseUrl: string | null; dataDir: string }, log: Log = silentLog): Promise<ConsentStore> {
  const db = where.databaseUrl ? await openPostgres(where.databaseUrl, { log }) : await openPglite(where.dataDir, { log });
  try {
    return await ConsentStore.open(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}
