/**
 * One log entry: what the banner sends for each decision, change, withdrawal or reset.
 * The schema is strict on purpose: a field the receiver does not know could carry personal
 * data nobody meant to keep, so anything beyond these fields is refused, not ignored.
 */
// The banner's own tables: a purpose or language added there is taken here too, with no second list to forget.
import { jsonObject } from './json-object.js';
import { OPTIONAL_PURPOSES, type OptionalPurpose } from '../../src/config/purposes';
import { LANGS } from '../../src/config/settings';
import type { Lang } from '../../src/config/types';
import { REVISION_PATTERN } from '../../src/consent/record';
import { HASH_CHARS } from '../../src/effects/log-snapshot';

export interface Entry {
  /** The consent id in the visitor's cookie; the visitor quotes it when asking. */
  readonly id: string;
  /** When the decision was made, ISO 8601 in UTC with milliseconds (`Date#toISOString`). */
  readonly time: string;
  /** The owner's revision of the banner settings. */
  readonly revision: string;
  /** Hash of the snapshot of the services the visitor was shown (snapshot.ts). */
  readonly servicesHash: string;
  /** The answer for each purpose asked about; empty for a reset (no decision stands). */
  readonly choices: Readonly<Partial<Record<OptionalPurpose, boolean>>>;
  readonly lang: Lang;
  /** The samtykke version that showed the banner. */
  readonly version: string;
  /** Hash of the snapshot of the texts the visitor was shown. */
  readonly textsHash: string;
  /** The page's path, without query string or fragment; stored as '' unless STORE_PATHS=1. */
  readonly path: string;
  /** The consent id of the decision this one replaced; null for a first decision or a reset. */
  readonly previousId: string | null;
}

export interface StoredEntry extends Entry {
  /** When the receiver stored it (server clock, ISO 8601). */
  readonly receivedAt: string;
  /** The site it was posted from, one of ALLOWED_ORIGINS at the time. */
  readonly origin: string;
}

export type Parsed = { ok: true; entry: Entry } | { ok: false; reason: string };

const ID = /^[A-Za-z0-9]{8,32}$/;
const HASH = new RegExp(`^[A-Za-z0-9_-]{${HASH_CHARS}}$`);
const VERSION = /^[0-9A-Za-z.+-]{1,32}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// Printable ASCII without space, '?' or '#': a path as `location.pathname` gives it (percent-encoded).
const PATH = /^\/[!"$->@-~]{0,511}$/;

type Check = (value: unknown) => string | null;

const text = (pattern: RegExp, what: string): Check => (v) =>
  typeof v !== 'string' ? `must be a string (${what})` : pattern.test(v) ? null : `must be ${what}`;

const DAY_MS = 86_400_000;
/**
 * How far a decision's time may lie from the receiver's clock: a queued entry can arrive long
 * after it was made (up to a consent's longest life, 395 days), and a visitor's clock can run
 * a little ahead. Anything else is not a visitor's decision.
 */
const TIME_WINDOW = { pastDays: 400, futureDays: 1 } as const;

const fieldChecks = (now: number): Record<keyof Entry, Check> => ({
  id: text(ID, '8 to 32 letters or digits'),
  time: (v) => {
    const wrong = text(ISO_TIME, 'an ISO 8601 UTC time like 2026-01-31T12:00:00.000Z')(v);
    if (wrong) return wrong;
    const ms = Date.parse(v as string);
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== v) return 'must be a real date and time';
    return ms < now - TIME_WINDOW.pastDays * DAY_MS || ms > now + TIME_WINDOW.futureDays * DAY_MS
      ? `must lie within ${TIME_WINDOW.pastDays} days before and ${TIME_WINDOW.futureDays} day after the receiver's clock (${new Date(now).toISOString()})`
      : null;
  },
  revision: text(REVISION_PATTERN, '1 to 32 of A-Z a-z 0-9 _ -'),
  servicesHash: text(HASH, `a snapshot hash: ${HASH_CHARS} of A-Z a-z 0-9 _ -`),
  choices: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object of purpose: true/false';
    for (const [purpose, answer] of Object.entries(v)) {
      if (!(OPTIONAL_PURPOSES as readonly string[]).includes(purpose)) return `has an unknown purpose "${purpose.slice(0, 40)}" (use ${OPTIONAL_PURPOSES.join(', ')})`;
      if (typeof answer !== 'boolean') return `.${purpose} must be true or false`;
    }
    return null;
  },
  lang: (v) => ((LANGS as readonly unknown[]).includes(v) ? null : `must be one of ${LANGS.join(', ')}`),
  version: text(VERSION, '1 to 32 of A-Z a-z 0-9 . + -'),
  textsHash: text(HASH, `a snapshot hash: ${HASH_CHARS} of A-Z a-z 0-9 _ -`),
  path: text(PATH, 'a path starting with "/", at most 512 characters, without query string, fragment or spaces'),
  previousId: (v) => (v === null ? null : text(ID, '8 to 32 letters or digits, or null')(v)),
});
/** Fields an older sender leaves out; read as null. */
const OPTIONAL: readonly (keyof Entry)[] = ['previousId'];
const NAMES = Object.keys(fieldChecks(0)) as (keyof Entry)[];

/** Reads a request body received at `now`; the reason names the first field that is wrong. */
export function parseEntry(body: string, now: number): Parsed {
  const FIELDS = fieldChecks(now);
  const read = jsonObject(body, 'body');
  if (!read.ok) return read;
  const record = read.value;
  const unknown = Object.keys(record).find((k) => !(NAMES as string[]).includes(k));
  if (unknown !== undefined) return { ok: false, reason: `unknown field "${unknown.slice(0, 40)}"` };
  for (const name of NAMES) {
    if (!(name in record)) {
      if (OPTIONAL.includes(name)) continue;
      return { ok: false, reason: `missing field "${name}"` };
    }
    const wrong = FIELDS[name](record[name]);
    if (wrong) return { ok: false, reason: `"${name}" ${wrong}` };
  }
  const choices = record.choices as Record<OptionalPurpose, boolean>;
  // Rebuilt field by field, so nothing but the checked values travels on.
  const entry: Entry = {
    id: record.id as string,
    time: record.time as string,
    revision: record.revision as string,
    servicesHash: record.servicesHash as string,
    choices: Object.fromEntries(OPTIONAL_PURPOSES.filter((p) => p in choices).map((p) => [p, choices[p]])),
    lang: record.lang as Lang,
    version: record.version as string,
    textsHash: record.textsHash as string,
    path: record.path as string,
    previousId: (record.previousId as string | null | undefined) ?? null,
  };
  return { ok: true, entry };
}
