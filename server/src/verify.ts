import { readFileSync } from 'node:fs';
import { DAY, dayDigest, dayOf, type DayDigest } from './digest.js';
import { parseExportLine } from './import.js';
import type { StoredEntry } from './store/store.js';

/**
 * `samtykke-log verify <export.ndjson> <digests.ndjson>`: checks an export offline against the
 * daily digests the owner kept (one `GET /v1/digest?day=` answer a line). Prints one line a day
 * and exits 1 when any day differs, 2 when a file cannot be read.
 */
export function verify(exportText: string, digestText: string): { lines: string[]; ok: boolean } {
  const byDay = new Map<string, StoredEntry[]>();
  let counted: number | null = null;
  let entries = 0;
  exportText.split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    const line = parseExportLine(text);
    if (!line.ok) throw new Error(`export line ${i + 1}: ${line.reason}`);
    if ('count' in line) counted = line.count;
    else {
      entries++;
      byDay.set(dayOf(line.entry), [...(byDay.get(dayOf(line.entry)) ?? []), line.entry]);
    }
  });
  if (counted !== entries) throw new Error(`the export is incomplete: its count line says ${counted ?? 'nothing'}, it holds ${entries} entries`);
  const lines: string[] = [];
  let ok = true;
  for (const text of digestText.split('\n').filter((l) => l.trim())) {
    const kept = JSON.parse(text) as DayDigest;
    if (!DAY.test(kept.day)) throw new Error(`digest line without a day: ${text.slice(0, 80)}`);
    const now = dayDigest(kept.day, byDay.get(kept.day) ?? []);
    const same = now.digest === kept.digest && now.count === kept.count;
    ok &&= same;
    lines.push(`${kept.day}  ${same ? 'ok' : 'CHANGED'}  ${now.count} entries${same ? '' : ` (the digest kept says ${kept.count})`}`);
  }
  return { lines, ok };
}

export function verifyCommand(args: readonly string[]): number {
  const [exportFile, digestFile] = args;
  if (!exportFile || !digestFile) {
    console.error('usage: samtykke-log verify <export.ndjson> <digests.ndjson>');
    return 2;
  }
  try {
    const { lines, ok } = verify(readFileSync(exportFile, 'utf8'), readFileSync(digestFile, 'utf8'));
    for (const line of lines) console.log(line);
    return ok ? 0 : 1;
  } catch (error) {
    console.error(`samtykke-log verify: ${(error as Error).message}`);
    return 2;
  }
}
