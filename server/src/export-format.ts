import { OPTIONAL_PURPOSES } from '../../src/config/purposes';
import type { StoredEntry } from './store/store.js';

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

/**
 * An export as a response body: header, one line an entry, then the count line. A read that
 * fails midway errors the stream, so the connection breaks instead of ending as if complete.
 */
export function exportStream(entries: AsyncIterable<StoredEntry>, format: Format): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const lines = (async function* () {
    if (format === 'csv') yield csvHeader();
    let count = 0;
    for await (const e of entries) {
      count++;
      yield formatLine(e, format);
    }
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
