import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/effects/log-snapshot';
import type { StoredEntry } from './entry.js';

/**
 * One UTC day's link in the log's chain of seals. Each day's digest covers the day before's,
 * so a copy of the latest digest kept away from the log vouches for every day before it: a day
 * changed, added or deleted whole breaks every link after it.
 */
export interface DaySeal {
  readonly day: string;
  /** Entries received that day, erased ones included (each leaves its leaf, see erasures). */
  readonly count: number;
  /** The digest of the day before; GENESIS for the log's first sealed day. */
  readonly previous: string;
  /** Hex SHA-256 of `previous`, the day, and the day's leaves sorted (leafOf), one a line. */
  readonly digest: string;
  /** When retention deleted the day's entries (ISO 8601); null while they are kept. */
  readonly expiredAt: string | null;
}

/** An erased entry's trace: the day it was received and its leaf (leafOf). */
export interface Erasure {
  readonly day: string;
  readonly leaf: string;
}

export const GENESIS = '0'.repeat(64);
export const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const HEX = /^[0-9a-f]{64}$/;
const DAY_MS = 86_400_000;

export const dayOf = (e: StoredEntry) => e.receivedAt.slice(0, 10);
export const nextDay = (day: string) => new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10);
export const previousDay = (day: string) => new Date(Date.parse(day) - DAY_MS).toISOString().slice(0, 10);
/** The UTC day's bounds as instants, so no database's time zone setting can shift them. */
export const dayBounds = (day: string): [string, string] => [`${day}T00:00:00.000Z`, `${nextDay(day)}T00:00:00.000Z`];

/**
 * The last day that may be sealed at `now`: a day is sealed five minutes after it ends, so an
 * entry whose transaction began before midnight has committed first.
 */
export const lastSealable = (now: number) => new Date(Math.floor((now - 5 * 60_000) / DAY_MS) * DAY_MS - DAY_MS).toISOString().slice(0, 10);

/**
 * An entry's leaf: the hex SHA-256 of its canonical JSON (receivedAt and origin included). An
 * erasure keeps only this, which says nothing about the visitor once the entry is gone, so the
 * day it was received still seals to the same digest.
 */
export const leafOf = (e: StoredEntry) => createHash('sha256').update(canonicalJson({ ...e, shown: undefined })).digest('hex');

/** A day's digest: computed the same by the receiver and by `samtykke-log verify` from an export. */
export function sealDigest(day: string, previous: string, leaves: readonly string[]): string {
  return createHash('sha256').update([previous, day, ...[...leaves].sort()].join('\n')).digest('hex');
}
