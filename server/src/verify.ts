import { readFileSync } from 'node:fs';
import { dayOf, GENESIS, leafOf, nextDay, previousDay, sealDigest, type DaySeal } from './digest.js';
import { parseExportLine, parseSeal } from './import.js';

/**
 * `samtykke-log verify <export.ndjson> [<digests.ndjson>]`: checks an export offline, whole or
 * of some days (`?days=`: a part of the chain, which starts from the digest of the day before
 * its first; a digest kept for that day vouches for the start).
 * - every entry's snapshots are in the file and are what their hashes stand for;
 * - the chain of seals runs day after day, each link over the one before, and each day's
 *   entries (with the leaves of erased ones) seal to that day's digest; a day retention took
 *   is shown as expired, its link still in the chain;
 * - the digests the owner kept away from the log (`GET /v1/digest` answers, one a line) are
 *   links of that chain: so the latest one kept vouches for every day before it.
 * Prints one line a check and exits 1 when anything differs, 2 when a file cannot be read.
 */
export function verify(exportText: string, digestText = ''): { lines: string[]; ok: boolean } {
  const entries = new Map<string, { leaves: string[]; erased: number }>(); // by the day received
  const named = new Set<string>();
  const snapshots = new Set<string>();
  const seals: DaySeal[] = [];
  let counted: number | null = null;
  let total = 0;
  let part: { from: string; to: string } | null = null;
  exportText.split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    const line = parseExportLine(text);
    if (!line.ok) throw new Error(`export line ${i + 1}: ${line.reason}`);
    if (line.kind === 'count') counted = line.count;
    else if (line.kind === 'part') part = { from: line.from, to: line.to };
    else if (line.kind === 'snapshot') snapshots.add(line.hash); // its hash checked against its content by the parser
    else if (line.kind === 'seal') seals.push(line.seal);
    else {
      const [day, leaf] = line.kind === 'erased' ? [line.erasure.day, line.erasure.leaf] : [dayOf(line.entry), leafOf(line.entry)];
      const of = entries.get(day) ?? { leaves: [], erased: 0 };
      of.leaves.push(leaf);
      entries.set(day, of);
      if (line.kind === 'erased') of.erased++;
      else {
        total++;
        named.add(line.entry.servicesHash).add(line.entry.textsHash);
      }
    }
  });
  if (counted !== total) throw new Error(`the export is incomplete: its count line says ${counted ?? 'nothing'}, it holds ${total} entries`);

  const lines: string[] = [];
  let ok = true;
  const say = (good: boolean, line: string) => {
    ok &&= good;
    lines.push(line);
  };
  const kept: DaySeal[] = digestText
    .split('\n')
    .filter((l) => l.trim())
    .map((text) => parseSeal(JSON.parse(text)) ?? fail(`not a digest line: ${text.slice(0, 80)}`));
  // Set inside the forEach above, which the compiler does not follow.
  const { from, to } = (part as { from: string; to: string } | null) ?? { from: null, to: null };
  if (from !== null) lines.push(`part  the days ${from} to ${to}`);
  const missing = [...named].filter((h) => !snapshots.has(h));
  say(!missing.length, missing.length ? `snapshots  MISSING  ${missing.join(', ')}` : `snapshots  ok  ${named.size} named, each in the file as its hash says`);

  seals.sort((a, b) => (a.day < b.day ? -1 : 1));
  const byDay = new Map(seals.map((s) => [s.day, s]));
  let before: DaySeal | null = null;
  for (const seal of seals) {
    const { leaves, erased } = entries.get(seal.day) ?? { leaves: [], erased: 0 };
    entries.delete(seal.day);
    const counts = `${leaves.length - erased} entries${erased ? `, ${erased} erased` : ''}`;
    // A part's first day follows a day outside the file: its start is checked below.
    const linked = before ? seal.previous === before.digest && seal.day === nextDay(before.day) : seal.previous === GENESIS || seal.day === from;
    if (!linked) say(false, `${seal.day}  BROKEN  its seal does not follow ${before ? `${before.day}'s` : `from the chain's start${from ? ` nor start the part on ${from}` : ''}`}: a day was removed from the chain or rewritten`);
    if (seal.expiredAt) say(linked && !leaves.length, `${seal.day}  expired  entries deleted by retention on ${seal.expiredAt.slice(0, 10)}${leaves.length ? `, yet ${leaves.length} in the file` : ''}`);
    else {
      const same = sealDigest(seal.day, seal.previous, leaves) === seal.digest;
      say(same, `${seal.day}  ${same ? 'ok' : 'CHANGED'}  ${counts}${same ? '' : ` (its seal says ${seal.count})`}`);
    }
    before = seal;
  }
  // Days after the last seal (today) are not sealed yet; a day before it without a seal was added.
  for (const [day, { leaves, erased }] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const counts = `${leaves.length - erased} entries${erased ? `, ${erased} erased` : ''}`;
    if (from !== null && (day < from || day > to!)) say(false, `${day}  OUTSIDE  ${counts}, received outside the part's days`);
    else {
      const late = before === null || day > before.day;
      say(late, `${day}  ${late ? 'not sealed yet' : 'ADDED'}  ${counts}`);
    }
  }

  // A part's start: the digest of the day before, which its first seal builds on.
  const first = seals[0];
  if (from !== null && first?.day === from && first.previous !== GENESIS) {
    const dayBefore = previousDay(from);
    const keptBefore = kept.find((k) => k.day === dayBefore);
    if (!keptBefore) lines.push(`${dayBefore}  not kept  the part starts from this day's digest ${first.previous}: compare it with the one you kept, or GET /v1/digest?day=${dayBefore}`);
    else say(keptBefore.digest === first.previous, `${dayBefore}  ${keptBefore.digest === first.previous ? 'kept digest ok  the part starts from it' : 'CHANGED  the part starts from another digest than the one kept'}`);
  }
  let outside = 0;
  for (const k of kept) {
    if (from !== null && (k.day < from || k.day > to!)) {
      outside += k.day === previousDay(from) ? 0 : 1;
      continue;
    }
    const link = byDay.get(k.day);
    const same = link?.digest === k.digest;
    say(same, `${k.day}  ${same ? 'kept digest ok' : link ? 'CHANGED  the digest kept differs from the chain in the file' : 'MISSING  the file has no seal for this day'}`);
  }
  if (outside) lines.push(`${outside} kept digests of days outside the part not checked`);
  return { lines, ok };
}

function fail(message: string): never {
  throw new Error(message);
}

export function verifyCommand(args: readonly string[]): number {
  const [exportFile, digestFile] = args;
  if (!exportFile) {
    console.error('usage: samtykke-log verify <export.ndjson> [<digests.ndjson>]');
    return 2;
  }
  try {
    const { lines, ok } = verify(readFileSync(exportFile, 'utf8'), digestFile ? readFileSync(digestFile, 'utf8') : '');
    for (const line of lines) console.log(line);
    return ok ? 0 : 1;
  } catch (error) {
    console.error(`samtykke-log verify: ${(error as Error).message}`);
    return 2;
  }
}
