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
}

export type Choices = Partial<Record<OptionalPurpose, boolean>>;

// One letter a purpose keeps the cookie short and free of characters cookies must escape.
const LETTERED = PURPOSE_TABLE.filter((row) => row.letter) as readonly { id: OptionalPurpose; letter: string }[];
const PURPOSE_OF: Record<string, OptionalPurpose> = Object.fromEntries(LETTERED.map((row) => [row.letter, row.id]));

export const REVISION_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
// schema . revision . id . seconds (base 36) . one letter and 0/1 per purpose answered
const STORED = new RegExp(`^1\\.([A-Za-z0-9_-]{1,32})\\.([A-Za-z0-9]{8,32})\\.([0-9a-z]{1,9})\\.((?:[${Object.keys(PURPOSE_OF).join('')}][01]){0,${LETTERED.length}})$`);
/** Guards against a clock that moved backwards a little; beyond it a record is forged or foreign. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const DAY_MS = 86_400_000;

export function createRecord(revision: string, choices: Choices, now: Date, id = randomId()): ConsentRecord {
  // Whole seconds: the stored form has no milliseconds, so the record must not either.
  const time = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
  return { schema: 1, revision, id, time, choices: { ...choices } };
}

export function encode(record: ConsentRecord): string {
  const flags = LETTERED.filter(({ id }) => record.choices[id] !== undefined)
    .map(({ id, letter }) => letter + (record.choices[id] ? '1' : '0'))
    .join('');
  const seconds = Math.floor(Date.parse(record.time) / 1000).toString(36);
  return ['1', record.revision, record.id, seconds, flags].join('.');
}

/**
 * Reads a stored value. Anything unexpected, however close to valid, is `null`: a garbled
 * cookie means "ask again", never "accepted".
 */
export function decode(value: string | undefined | null): ConsentRecord | null {
  if (typeof value !== 'string' || value.length > 120) return null;
  const m = STORED.exec(value);
  if (!m) return null;
  const [, revision, id, seconds, flags] = m as unknown as [string, string, string, string, string];
  const choices: Choices = {};
  for (let i = 0; i < flags.length; i += 2) {
    const purpose = PURPOSE_OF[flags[i]!]!;
    if (purpose in choices) return null;
    choices[purpose] = flags[i + 1] === '1';
  }
  const ms = parseInt(seconds, 36) * 1000;
  return { schema: 1, revision, id, time: new Date(ms).toISOString(), choices };
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
