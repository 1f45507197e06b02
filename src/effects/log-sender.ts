import type { Config, Lang } from '../config/types';
import type { ConsentRecord } from '../consent/record';
import { afterPaint, afterPaintOrLeave } from '../core/ready';
import { say } from '../core/report';
import type { ConsentStore } from '../core/store';
import { visitorLang } from '../i18n/lang';
import { logQueueKey } from '../markup';
import { logQueue, sameEntry, type LogEntry } from '../storage/log-queue';
import { canonicalJson, HASH_CHARS, snapshotsOf, type Snapshot } from './log-snapshot';

import { sha256 } from './sha256';

/** The receiver's name for a snapshot: the start of the base64url SHA-256 of its canonical text. */
const snapshotHash = (text: string) => btoa(String.fromCharCode(...sha256(text))).replace(/\+/g, '-').replace(/\//g, '_').slice(0, HASH_CHARS);
type Shown = Record<'servicesHash' | 'textsHash', { readonly hash: string; readonly text: string }>;

/** A decision made on this page before the sender was here (next, previous), and when. */
export type EarlyChange = readonly [next: ConsentRecord | null, prev: ConsentRecord | null, time: string];
/** What `samtykke-log.js` hands the engine (shell/consent-log.ts). */
export type LogDecisions = typeof logDecisions;

/**
 * Sends each decision, change, withdrawal and reset made on this page to the owner's consent
 * log (`logUrl`), once, after the paint. An entry stays queued until the log acknowledges it
 * (200 or 201) and is sent again on the next page view; one the log refuses for good (a 4xx
 * other than 429) is dropped. Each entry names what the visitor was shown by hashes
 * (log-snapshot.ts); a log that lacks one answers 428, and the sender posts it, once. Nothing
 * that identifies the visitor is sent: the consent id is the one already in their cookie. `earlier`: the decisions made on this page before the sender
 * arrived (the tag fetches it as a part, shell/consent-log.ts), logged first. `faces`: the face
 * files' SRI hashes, which samtykke-log.js carries (entries/log.ts), so the texts snapshot pins
 * the built-in wording the visitor was shown.
 */
export function logDecisions(config: Config, store: ConsentStore, version: string, earlier: readonly EarlyChange[] = [], faces?: Readonly<Record<Lang, string>>): void {
  const url = config.logUrl;
  if (!url) return;
  const queue = logQueue(logQueueKey(config.cookieName));
  const sending: LogEntry[] = [];
  const lang = visitorLang(config);
  const snapshots = snapshotsOf(config, lang, version, faces?.[lang]);
  const text = (snapshot: Snapshot) => ({ hash: snapshotHash(canonicalJson(snapshot)), text: canonicalJson(snapshot) });
  // Hashed once, at start (well under a millisecond for a typical site).
  const shown: Shown = { servicesHash: text(snapshots.services), textsHash: text(snapshots.texts) };

  // A CORS request (fetch's default), so the status can be read; text/plain needs no
  // preflight; credentials omitted, so no cookie goes with it. `keepalive` outlives a page being
  // left, which cannot read the answer: the entry stays queued until a later page view hears it
  // acknowledged. Never a beacon: it always carries the cookies of the log's site, on a log on
  // the site's own domain every cookie of the visitor's.
  const post = (body: string, to = url) => fetch(to, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain' } });

  /** The receiver lacks what the entry names (428): this page posts it, if it showed the same. */
  const postSnapshots = async (entry: LogEntry, need: unknown): Promise<boolean> => {
    const wanted = Array.isArray(need) ? (need as (keyof Shown)[]).map((k) => shown[k]) : [];
    // An entry queued by an earlier page view that showed something else cannot be proved here.
    if (!wanted.length || wanted.some((s, i) => !s || s.hash !== entry[(need as (keyof Shown)[])[i]!])) return false;
    const answers = await Promise.all(wanted.map((s) => post(s!.text, new URL('snapshots', url).href)));
    return answers.every((a) => a.ok); // 201 stored, or 200 stored before
  };

  const deliver = async (entry: LogEntry, again = false): Promise<void> => {
    const response = await post(JSON.stringify(entry));
    const { status } = response;
    if (status === 200 || status === 201) return queue.remove(entry);
    if (status < 400 || status > 499 || status === 429) return;
    const body = (await response.json().catch(() => ({}))) as { error?: string; need?: unknown };
    if (status === 428 && !again && (await postSnapshots(entry, body.need))) return deliver(entry, true);
    queue.remove(entry);
    // The sender's own message, in full: it travels with the sender, on sites that log only.
    say('error', `logUrl: the log refused an entry: ${status} ${body.error ?? ''}`);
  };

  const send = (entry: LogEntry) => {
    if (sending.some((e) => sameEntry(e, entry))) return;
    sending.push(entry);
    deliver(entry)
      // Unreachable (or the page went away): kept for the next page view.
      .catch(() => {})
      .finally(() => sending.splice(sending.indexOf(entry), 1));
  };

  const entryOf = (record: ConsentRecord, time: string, previousId: string | null): LogEntry => ({
    id: record.id,
    time,
    revision: record.revision,
    servicesHash: shown.servicesHash.hash,
    choices: record.choices,
    lang,
    version,
    textsHash: shown.textsHash.hash,
    path: location.pathname.slice(0, 512),
    previousId,
  });

  const log = (next: ConsentRecord | null, prev: ConsentRecord | null, time: string) => {
    if (!(next ?? prev)) return;
    // A reset withdraws the decision it forgets, at that moment, leaving no choices. A new
    // decision gets a new consent id; it names the one it replaced.
    const entry = next ? entryOf(next, next.time, prev && prev.id !== next.id ? prev.id : null) : entryOf({ ...prev!, choices: {}, covered: {} }, time, null);
    afterPaintOrLeave(() => {
      queue.add(entry);
      send(entry);
    });
  };
  for (const change of earlier) log(...change);
  store.subscribe((next, prev, local) => local && log(next, prev, new Date().toISOString()));
  // What earlier page views could not deliver, oldest first, off the load's path.
  afterPaint(() => queue.read().forEach(send));
}
