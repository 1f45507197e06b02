import { OPTIONAL_PURPOSES } from '../../src/config/purposes';
import type { StoredEntry } from './entry.js';

export type Format = 'ndjson' | 'csv';
export const CONTENT_TYPE: Record<Format, string> = { ndjson: 'application/x-ndjson', csv: 'text/csv; charset=utf-8' };

/** `format=` wins; otherwise CSV when the Accept header asks for it; NDJSON by default. */
export function pickFormat(query: string | undefined, accept: string | undefined): Format | null {
  if (query !== undefined) return query === 'csv' || query === 'ndjson' ? query : null;
  return /\btext\/csv\b/.test(accept ?? '') ? 'csv' : 'ndjson';
}

const HEADER = ['id', 'time', 'revision', 'servicesHash', ...OPTIONAL_PURPOSES, 'lang', 'version', 'textsHash', 'path', 'previousId', 'receivedAt', 'origin'];

// RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet does not run it as a formula.
const cell = (v: string) => {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const csvHeader = () => HEADER.join(',') + '\r\n';

/** One line; a purpose not asked about is an empty cell. */
export function formatLine(e: StoredEntry & { shown?: unknown }, format: Format): string {
  if (format === 'ndjson') return JSON.stringify(e) + '\n';
  // The snapshots shown travel in NDJSON only: a CSV cell is no place for them.
  const answer = (p: (typeof OPTIONAL_PURPOSES)[number]) => (e.choices[p] === undefined ? '' : String(e.choices[p]));
  return [e.id, e.time, e.revision, e.servicesHash, ...OPTIONAL_PURPOSES.map(answer), e.lang, e.version, e.textsHash, e.path, e.previousId ?? '', e.receivedAt, e.origin].map(cell).join(',') + '\r\n';
}

/** The last line of a complete export: what a reader checks to know that nothing is missing. */
const endLine = (count: number, format: Format) => (format === 'ndjson' ? JSON.stringify({ count }) + '\n' : `#count,${count}\r\n`);

/** What an NDJSON export carries beside the entries. */
export interface ExportExtras {
  /** A snapshot's canonical text by hash (null: the log has none). */
  snapshot(hash: string): Promise<string | null>;
  /** Lines after the entries: in a whole export, the erasures' leaves and the chain of seals. */
  closing: () => AsyncIterable<object>;
  /** The line before the entries: in an export of some days, which days (`{"part":{…}}`). */
  opening?: object;
}

/**
 * An export as a response body: header, one line an entry, then the count line. In NDJSON,
 * each snapshot an entry names comes once, on the line before the first entry naming it, so
 * the file shows what its visitors were shown without the log (CSV holds the entries only).
 * A read that fails midway errors the stream, so the connection breaks instead of ending as
 * if complete.
 */
export function exportStream(entries: AsyncIterable<StoredEntry>, format: Format, extras: ExportExtras): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const lines = (async function* () {
    if (format === 'csv') yield csvHeader();
    else if (extras.opening) yield JSON.stringify(extras.opening) + '\n';
    const written = new Set<string>();
    let count = 0;
    for await (const e of entries) {
      count++;
      if (format === 'ndjson') {
        for (const hash of [e.servicesHash, e.textsHash]) {
          if (written.has(hash)) continue;
          written.add(hash);
          const content = await extras.snapshot(hash);
          // The stored text as it is: canonical JSON, the very text its hash was computed over.
          if (content !== null) yield `{"snapshot":${JSON.stringify(hash)},"content":${content}}\n`;
        }
      }
      yield formatLine(e, format);
    }
    if (format === 'ndjson') for await (const line of extras.closing()) yield JSON.stringify(line) + '\n';
    yield endLine(count, format);
  })();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await lines.return(undefined); // the client left: stop reading the store
    },
  });
}
