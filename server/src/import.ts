import { jsonObject } from './json-object.js';
import { normaliseOrigin } from './config.js';
import { DAY, HEX, type DaySeal, type Erasure } from './digest.js';
import { parseEntry, type StoredEntry } from './entry.js';
import { parseSnapshot } from './snapshot.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isIso = (v: unknown): v is string => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v));

export type ImportedLine =
  | { ok: true; kind: 'entry'; entry: StoredEntry }
  | { ok: true; kind: 'snapshot'; hash: string; content: string }
  | { ok: true; kind: 'erased'; erasure: Erasure }
  | { ok: true; kind: 'seal'; seal: DaySeal }
  | { ok: true; kind: 'count'; count: number }
  | { ok: true; kind: 'part'; from: string; to: string }
  | { ok: false; reason: string };

/** Refuses an import as a whole: thrown inside its transaction, so nothing of it is kept. */
export class ImportRefused extends Error {
  constructor(
    readonly status: 400 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** A seal as `GET /v1/digest` gives it and a whole export carries it. */
export function parseSeal(value: unknown): DaySeal | null {
  const s = value as Partial<Record<keyof DaySeal, unknown>> | null;
  if (typeof s !== 'object' || s === null) return null;
  const ok =
    typeof s.day === 'string' && DAY.test(s.day) && Number.isInteger(s.count) && (s.count as number) >= 0 && typeof s.previous === 'string' && HEX.test(s.previous) &&
    typeof s.digest === 'string' && HEX.test(s.digest) && (s.expiredAt === null || isIso(s.expiredAt));
  return ok ? { day: s.day as string, count: s.count as number, previous: s.previous as string, digest: s.digest as string, expiredAt: s.expiredAt as string | null } : null;
}

/**
 * Reads one line of an NDJSON export back: an entry as the receiver gave it (with `receivedAt`
 * and `origin`; `shown` is left out), a snapshot an entry names, an erased entry's leaf, a
 * day's seal, the opening line of an export of some days, or the closing count line. The entry's own checks apply, its time window counted
 * from `receivedAt`; a snapshot must be the content its hash stands for.
 */
export function parseExportLine(line: string): ImportedLine {
  const read = jsonObject(line, 'the line');
  if (!read.ok) return read;
  const { receivedAt, origin, shown: _shown, ...sent } = read.value;
  const only = (...keys: string[]) => Object.keys(read.value).sort().join() === keys.sort().join();
  if (only('count') && Number.isInteger(sent.count)) return { ok: true, kind: 'count', count: sent.count as number };
  if (only('snapshot', 'content')) {
    const parsed = parseSnapshot(JSON.stringify(sent.content));
    if (!parsed.ok) return { ok: false, reason: `snapshot: ${parsed.reason}` };
    return parsed.hash === sent.snapshot ? { ok: true, kind: 'snapshot', hash: parsed.hash, content: parsed.content } : { ok: false, reason: `snapshot ${JSON.stringify(sent.snapshot)}: its content hashes to ${parsed.hash}` };
  }
  if (only('erased', 'day')) {
    const { erased, day } = sent;
    return typeof erased === 'string' && HEX.test(erased) && typeof day === 'string' && DAY.test(day)
      ? { ok: true, kind: 'erased', erasure: { day, leaf: erased } }
      : { ok: false, reason: 'an erasure line holds "erased" (a hex SHA-256) and "day" (YYYY-MM-DD)' };
  }
  if (only('part')) {
    const { from, to } = (sent.part ?? {}) as { from?: unknown; to?: unknown };
    return typeof from === 'string' && DAY.test(from) && typeof to === 'string' && DAY.test(to) && from <= to
      ? { ok: true, kind: 'part', from, to }
      : { ok: false, reason: 'a part line holds "part": {"from", "to"} (YYYY-MM-DD)' };
  }
  if (only('seal')) {
    const seal = parseSeal(sent.seal);
    return seal ? { ok: true, kind: 'seal', seal } : { ok: false, reason: 'a seal line holds "seal": {"day", "count", "previous", "digest", "expiredAt"}' };
  }
  if (!isIso(receivedAt)) return { ok: false, reason: '"receivedAt" must be an ISO 8601 UTC time' };
  if (origin !== '' && (typeof origin !== 'string' || normaliseOrigin(origin) !== origin)) return { ok: false, reason: '"origin" must be an origin like https://www.example.no, or ""' };
  // A path the receiver did not keep (STORE_PATHS off) is '' and stays so.
  const parsed = parseEntry(JSON.stringify(sent.path === '' ? { ...sent, path: '/' } : sent), Date.parse(receivedAt));
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, kind: 'entry', entry: { ...parsed.entry, path: sent.path === '' ? '' : parsed.entry.path, receivedAt, origin } };
}

/** The lines of a streamed body, without their line ends. */
export async function* linesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, end).replace(/\r$/, '');
      rest = rest.slice(end + 1);
    }
  }
  if (rest) yield rest;
}
