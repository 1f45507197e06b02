import { PURPOSE_TABLE, type OptionalPurpose } from '../config/purposes';

/** What a visitor decided: the proof GDPR Art. 7(1) asks the site to be able to show. */
export interface ConsentRecord {
  /** Format of the stored value; a different one reads as "no decision". */
  readonly schema: 1;
  /** The owner's revision at the time of the decision; a new one asks again. */
  readonly revision: string;
  /** Random id the visitor can quote when asking about their consent. */
  readonly id: string;
  /** When the decision was made (ISO 8601). */
  readonly time: string;
  /** Each purpose the visitor was asked about and the answer; `necessary` is implied. */
  readonly choices: Readonly<Partial<Record<OptionalPurpose, boolean>>>;
  /** For each granted purpose, the codes of the services it covered (fingerprint.ts), sorted. */
  readonly covered: Readonly<Partial<Record<OptionalPurpose, readonly string[]>>>;
}

export type Choices = Partial<Record<OptionalPurpose, boolean>>;

// One letter a purpose keeps the cookie short and free of characters cookies must escape.
const LETTERED = PURPOSE_TABLE.filter((row) => row.letter) as readonly { id: OptionalPurpose; letter: string }[];
const PURPOSE_OF: Record<string, OptionalPurpose> = Object.fromEntries(LETTERED.map((row) => [row.letter, row.id]));

export const REVISION_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** More services than this under one purpose do not fit the cookie; such a consent is asked again. */
const MAX_CODES = 24;
// schema . revision . id . seconds (base 36) . per purpose answered: its letter, then 0, or 1 and
// the codes of the services it covered (upper case, so never read as the next purpose's letter)
const STORED = new RegExp(`^1\\.([A-Za-z0-9_-]{1,32})\\.([A-Za-z0-9]{8,32})\\.([0-9a-z]{1,9})\\.((?:[${Object.keys(PURPOSE_OF).join('')}](?:0|1(?:[0-9A-Z]{3}){0,${MAX_CODES}})){0,${LETTERED.length}})$`);
const FLAG = /([a-z])(0|1(?:[0-9A-Z]{3})*)/g;
/** Guards against a clock that moved backwards a little; beyond it a record is forged or foreign. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const DAY_MS = 86_400_000;
/** The latest time a Date can hold. */
const MAX_TIME_MS = 8.64e15;

export function createRecord(revision: string, choices: Choices, now: Date, covered: ConsentRecord['covered'] = {}, id = randomId()): ConsentRecord {
  // Whole seconds: the stored form has no milliseconds, so the record must not either.
  const time = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
  // Only a grant covers anything; the codes are kept sorted, the one form decode() accepts.
  const kept: Partial<Record<OptionalPurpose, readonly string[]>> = {};
  for (const p of Object.keys(choices) as OptionalPurpose[]) if (choices[p]) kept[p] = [...new Set(covered[p] ?? [])].sort();
  return { schema: 1, revision, id, time, choices: { ...choices }, covered: kept };
}

export function encode(record: ConsentRecord): string {
  const flags = LETTERED.filter(({ id }) => record.choices[id] !== undefined)
    .map(({ id, letter }) => letter + (record.choices[id] ? '1' + (record.covered[id] ?? []).join('') : '0'))
    .join('');
  const seconds = Math.floor(Date.parse(record.time) / 1000).toString(36);
  return ['1', record.revision, record.id, seconds, flags].join('.');
}

/**
 * Reads a stored value. Anything unexpected, however close to valid, is `null`: a garbled
 * cookie means "ask again", never "accepted".
 */
export function decode(value: string | undefined | null): ConsentRecord | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  const m = STORED.exec(value);
  if (!m) return null;
  const [, revision, id, seconds, flags] = m as unknown as [string, string, string, string, string];
  const choices: Choices = {};
  const covered: Partial<Record<OptionalPurpose, string[]>> = {};
  for (const [, letter, answer] of flags.matchAll(FLAG)) {
    // A purpose given twice is refused below: it is not the form samtykke writes.
    const purpose = PURPOSE_OF[letter!]!;
    choices[purpose] = answer !== '0';
    if (answer === '0') continue;
    const codes = answer!.slice(1).match(/.{3}/g) ?? [];
    // One order only (sorted, each once), so a value has one reading and one writing.
    if (codes.some((c, i) => i > 0 && c <= codes[i - 1]!)) return null;
    covered[purpose] = codes;
  }
  const ms = parseInt(seconds, 36) * 1000;
  if (!(Math.abs(ms) <= MAX_TIME_MS)) return null;
  const record: ConsentRecord = { schema: 1, revision, id, time: new Date(ms).toISOString(), choices, covered };
  // Only the one form samtykke writes (flags in table order, seconds without leading zeros,
  // codes sorted):
  // any other spelling of a decision was not written by samtykke.
  return encode(record) === value ? record : null;
}

/**
 * Whether a decoded record still stands for this site: same owner revision, not from the
 * future, not older than the validity period.
 */
export function isCurrent(record: ConsentRecord, revision: string, validityDays: number, now: Date): boolean {
  const made = Date.parse(record.time);
  const t = now.getTime();
  return record.revision === revision && made <= t + FUTURE_SLACK_MS && t - made < validityDays * DAY_MS;
}

/** A purpose in use that the record has no answer for must be asked about. */
export function coversAll(record: ConsentRecord, purposes: readonly OptionalPurpose[]): boolean {
  return purposes.every((p) => record.choices[p] !== undefined);
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('') + Date.now().toString(36).slice(-4);
}
