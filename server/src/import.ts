import { jsonObject } from './json-object.js';
import { normaliseOrigin } from './config.js';
import { parseEntry } from './entry.js';
import type { StoredEntry } from './store/store.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export type ImportedLine = { ok: true; entry: StoredEntry } | { ok: true; count: number } | { ok: false; reason: string };

/**
 * Reads one line of an NDJSON export back: an entry as the receiver gave it (with `receivedAt`
 * and `origin`; `shown` is left out, the snapshots are not part of a range export), or the
 * closing count line. The entry's own checks apply, its time window counted from `receivedAt`.
 */
export function parseExportLine(line: string): ImportedLine {
  const read = jsonObject(line, 'the line');
  if (!read.ok) return read;
  const { receivedAt, origin, shown: _shown, ...sent } = read.value;
  if (Object.keys(sent).length === 1 && typeof sent.count === 'number') return { ok: true, count: sent.count };
  if (typeof receivedAt !== 'string' || !ISO.test(receivedAt) || Number.isNaN(Date.parse(receivedAt))) return { ok: false, reason: '"receivedAt" must be an ISO 8601 UTC time' };
  if (origin !== '' && (typeof origin !== 'string' || normaliseOrigin(origin) !== origin)) return { ok: false, reason: '"origin" must be an origin like https://www.example.no, or ""' };
  // A path the receiver did not keep (STORE_PATHS off) is '' and stays so.
  const parsed = parseEntry(JSON.stringify(sent.path === '' ? { ...sent, path: '/' } : sent), Date.parse(receivedAt));
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, entry: { ...parsed.entry, path: sent.path === '' ? '' : parsed.entry.path, receivedAt, origin } };
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
