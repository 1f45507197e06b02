import { OPTIONAL_PURPOSES } from '../../../src/config/purposes';
import { dayBounds, dayOf, GENESIS, lastSealable, leafOf, nextDay, previousDay, sealDigest, type DaySeal, type Erasure } from '../digest.js';
import type { Entry, StoredEntry } from '../entry.js';
import { ImportRefused } from '../import.js';
import { silentLog, type Log } from '../log.js';
import type { Db, Sql } from './db.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';


export interface DayStats {
  readonly day: string;
  readonly revision: string;
  readonly lang: string;
  readonly acceptAll: number;
  readonly rejectAll: number;
  readonly custom: number;
  readonly withdrawals: number;
}

/** What an import stores, line by line, inside one transaction (ConsentStore.importing). */
export interface Importer {
  snapshot(hash: string, content: string): Promise<void>;
  /** False when the entry was stored already. */
  entry(e: StoredEntry): Promise<boolean>;
  erasure(e: Erasure): Promise<void>;
  seal(s: DaySeal): Promise<void>;
}

/** Stores an exported entry as it was, `receivedAt` and origin included; false when already stored. */
async function restoreEntry(sql: Sql, e: StoredEntry): Promise<boolean> {
  const inserted = await sql.query(
    `INSERT INTO consent_log (id, time, revision, services_hash, choices, lang, version, texts_hash, path, previous_id, received_at, origin)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id, time) DO NOTHING RETURNING id`,
    [e.id, e.time, e.revision, e.servicesHash, JSON.stringify(e.choices), e.lang, e.version, e.textsHash, e.path, e.previousId, e.receivedAt, e.origin],
  );
  return inserted.length > 0;
}

/** What what received on `day` seals over: its entries' leaves and the leaves erased entries left. */
async function leavesOf(sql: Sql, day: string): Promise<string[]> {
  const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM consent_log WHERE received_at >= $1 AND received_at < $2`, dayBounds(day));
  const erased = await sql.query<{ leaf: string }>('SELECT leaf FROM erasures WHERE day = $1', [day]);
  return [...rows.map((r) => leafOf(toEntry(r))), ...erased.map((e) => e.leaf)];
}

/** What storing an entry did; `conflict` is the same id and time with different content. */
export type InsertResult = 'created' | 'replayed' | 'conflict';

// Any fixed number, other than the migrations': receivers sharing one database seal in turn.
const SEAL_LOCK = 7_115_847;

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

  /** A snapshot's canonical text, or null when the log has none under that hash. */
  async snapshot(hash: string): Promise<string | null> {
    const [row] = await this.db.query<{ content: string }>('SELECT content FROM snapshots WHERE hash = $1', [hash]);
    return row?.content ?? null;
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
  range(from: Date | null, to: Date | null): AsyncGenerator<StoredEntry> {
    return this.pages(from, to, 'time');
  }

  /** Entries received on the UTC days `from` to `to` (both included), the days their seals cover. */
  received(from: string, to: string): AsyncGenerator<StoredEntry> {
    return this.pages(new Date(dayBounds(from)[0]), new Date(dayBounds(to)[1]), 'received_at');
  }

  private async *pages(from: Date | null, to: Date | null, by: 'time' | 'received_at'): AsyncGenerator<StoredEntry> {
    // (time, id) is the key; received_at is not unique, so it pages with the key after it.
    const order = by === 'time' ? 'time, id' : 'received_at, time, id';
    const after = by === 'time' ? '($3, $4)' : '($5::timestamptz, $3, $4)';
    let last: Row | null = null;
    for (;;) {
      const rows: Row[] = await this.db.query<Row>(
        `SELECT ${COLUMNS} FROM consent_log
         WHERE ($1::timestamptz IS NULL OR ${by} >= $1) AND ($2::timestamptz IS NULL OR ${by} < $2)
           AND ($3::timestamptz IS NULL OR (${order}) > ${after})
         ORDER BY ${order} LIMIT ${PAGE}`,
        [from, to, last?.time ?? null, last?.id ?? null, ...(by === 'time' ? [] : [last?.received_at ?? null])],
      );
      for (const row of rows) yield toEntry(row);
      if (rows.length < PAGE) return;
      last = rows[rows.length - 1]!;
    }
  }

  /**
   * Seals every day not sealed yet, through `through` (YYYY-MM-DD), each over the one before:
   * from the day after the last seal, or from the first day anything was received. Receivers
   * sharing a database take turns; a day is sealed once and its seal never changes.
   */
  async seal(through: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK]);
      const [last] = await tx.query<{ day: string; digest: string }>('SELECT day, digest FROM day_seals ORDER BY day DESC LIMIT 1');
      const [first] = await tx.query<{ day: string | null }>(
        "SELECT least((SELECT min(day) FROM erasures), to_char(min(received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS day FROM consent_log",
      );
      let day = last ? nextDay(last.day) : first?.day;
      let previous = last?.digest ?? GENESIS;
      for (; day && day <= through; day = nextDay(day)) {
        const leaves = await leavesOf(tx, day);
        const digest = sealDigest(day, previous, leaves);
        await tx.query('INSERT INTO day_seals (day, count, previous, digest) VALUES ($1, $2, $3, $4)', [day, leaves.length, previous, digest]);
        previous = digest;
      }
    });
    await this.db.durable();
  }

  /** One day's seal, or null when that day is not sealed. */
  async sealOf(day: string): Promise<DaySeal | null> {
    return (await this.readSeals('WHERE day = $1', [day]))[0] ?? null;
  }

  /** The seals of the days `from` to `to` (both included; all when null), oldest first: the chain, or a part of it. */
  seals(from: string | null = null, to: string | null = null): Promise<DaySeal[]> {
    return this.readSeals('WHERE ($1::text IS NULL OR day >= $1) AND ($2::text IS NULL OR day <= $2)', [from, to]);
  }

  private async readSeals(where: string, params: unknown[], sql: Sql = this.db): Promise<DaySeal[]> {
    const rows = await sql.query<{ day: string; count: number; previous: string; digest: string; expired_at: Date | null }>(
      `SELECT day, count, previous, digest, expired_at FROM day_seals ${where} ORDER BY day`,
      params,
    );
    return rows.map((r) => ({ day: r.day, count: Number(r.count), previous: r.previous, digest: r.digest, expiredAt: r.expired_at?.toISOString() ?? null }));
  }

  /** The leaves erased entries left on the days `from` to `to` (all when null), by day, for an export. */
  erasures(from: string | null = null, to: string | null = null): Promise<Erasure[]> {
    return this.db.query<Erasure>('SELECT day, leaf FROM erasures WHERE ($1::text IS NULL OR day >= $1) AND ($2::text IS NULL OR day <= $2) ORDER BY day, leaf', [from, to]);
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
  restore(e: StoredEntry): Promise<boolean> {
    return restoreEntry(this.db, e);
  }

  /**
   * Runs an import in one transaction, all or nothing, while no day is sealed (the seal's lock).
   * An import may not change a day this log has sealed: a new entry or erased leaf received on
   * a sealed day (or before the first, which can never be sealed), or a seal for such a day that
   * differs, would break the chain, and `verify` would call the day CHANGED or ADDED. So the
   * import is refused whole with an ImportRefused (409) naming those days. A seal it brings
   * for a day this log has not sealed must follow the log's chain and hold the entries the log
   * then has for that day. Entries already stored, and seals the log holds alike, pass.
   */
  async importing<T>(fn: (importer: Importer) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK]);
      const [last] = await tx.query<{ day: string | null }>('SELECT max(day) AS day FROM day_seals');
      const sealed = (day: string) => last?.day != null && day <= last.day;
      const changed = new Set<string>();
      const seals = new Map<string, DaySeal>();
      const sealOf = async (day: string) => seals.get(day) ?? (await this.readSeals('WHERE day = $1', [day], tx))[0] ?? null;
      const refuse = (day: string, why: string): never => {
        throw new ImportRefused(409, `the import's seal for ${day} ${why}: nothing was imported; import this export into a new log`);
      };
      const out = await fn({
        snapshot: async (hash, content) => void (await tx.query('INSERT INTO snapshots (hash, content) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [hash, content])),
        async entry(e) {
          const added = await restoreEntry(tx, e);
          if (added && sealed(dayOf(e))) changed.add(dayOf(e));
          return added;
        },
        async erasure(e) {
          const added = (await tx.query('INSERT INTO erasures (day, leaf) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [e.day, e.leaf])).length > 0;
          if (added && sealed(e.day)) changed.add(e.day);
        },
        async seal(s) {
          const stored = await sealOf(s.day);
          if (stored) {
            if (stored.digest !== s.digest || stored.previous !== s.previous) changed.add(s.day);
            return;
          }
          const before = await sealOf(previousDay(s.day));
          if (before ? before.digest !== s.previous : s.previous !== GENESIS || sealed(s.day)) refuse(s.day, "does not follow this log's chain");
          // A chain that starts here would leave what the log received before it unsealed for good.
          if (!before && (await tx.query('SELECT 1 FROM consent_log WHERE received_at < $1 LIMIT 1', [dayBounds(s.day)[0]])).length) refuse(s.day, 'starts a chain after entries this log has received');
          // A day retention took holds no entries to check it by.
          if (!s.expiredAt && sealDigest(s.day, s.previous, await leavesOf(tx, s.day)) !== s.digest) refuse(s.day, 'does not hold the entries this log has for that day');
          await tx.query('INSERT INTO day_seals (day, count, previous, digest, expired_at) VALUES ($1, $2, $3, $4, $5)', [s.day, s.count, s.previous, s.digest, s.expiredAt]);
          seals.set(s.day, s);
        },
      });
      if (changed.size) {
        const days = [...changed].sort();
        throw new ImportRefused(409, `this log has sealed ${days.join(', ')}, and the import would change ${days.length > 1 ? 'them' : 'it'}, breaking the chain of seals: nothing was imported; import into a new log, or leave those days out`);
      }
      return out;
    });
    await this.db.durable();
    return result;
  }

  /**
   * Erasure at a visitor's request: every entry of one consent id; returns how many. Each
   * leaves its leaf, so the day's seal still holds and the chain shows that an entry went.
   */
  async erase(id: string): Promise<number> {
    const erased = await this.db.transaction(async (tx) => {
      const rows = await tx.query<Row>(`DELETE FROM consent_log WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
      for (const e of rows.map(toEntry)) await tx.query('INSERT INTO erasures (day, leaf) VALUES ($1, $2) ON CONFLICT DO NOTHING', [e.receivedAt.slice(0, 10), leafOf(e)]);
      return rows.length;
    });
    await this.db.durable();
    return erased;
  }

  /** Makes what was written so far durable (after a batch of `restore`s). */
  durable(): Promise<void> {
    return this.db.durable();
  }

  /**
   * Retention: removes entries received before `cutoff`; returns how many. The days it empties
   * are sealed first and their seals stay, marked expired: the chain runs on unbroken, and
   * says which days retention took.
   */
  async deleteReceivedBefore(cutoff: Date): Promise<number> {
    await this.seal(lastSealable(Date.now()));
    const whole = cutoff.toISOString().slice(0, 10); // days before this one are gone whole
    const rows = await this.db.transaction(async (tx) => {
      const deleted = await tx.query('DELETE FROM consent_log WHERE received_at < $1 RETURNING 1', [cutoff]);
      await tx.query('DELETE FROM erasures WHERE day < $1', [whole]);
      await tx.query('UPDATE day_seals SET expired_at = now() WHERE day < $1 AND expired_at IS NULL', [whole]);
      return deleted;
    });
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
