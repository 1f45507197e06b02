import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/effects/log-snapshot';
import type { StoredEntry } from './store/store.js';

/** One day's seal: the entries received that UTC day, counted and hashed in a fixed order. */
export interface DayDigest {
  readonly day: string;
  readonly count: number;
  /** Hex SHA-256 over each entry's canonical JSON and a newline, ordered by receivedAt, id, time. */
  readonly digest: string;
}

export const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const dayOf = (e: StoredEntry) => e.receivedAt.slice(0, 10);

const order = (a: StoredEntry, b: StoredEntry) =>
  a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0;

/**
 * Computed the same by the receiver (`GET /v1/digest`) and by `samtykke-log verify` from an
 * export, so a copy of the digests kept away from the log shows whether an entry of that day
 * was changed, added or removed since.
 */
export function dayDigest(day: string, entries: readonly StoredEntry[]): DayDigest {
  const hash = createHash('sha256');
  const sorted = [...entries].sort(order);
  for (const e of sorted) hash.update(canonicalJson({ ...e, shown: undefined }) + '\n');
  return { day, count: sorted.length, digest: hash.digest('hex') };
}
