import type { Config } from '../config/types';
import { hash } from '../consent/fingerprint';
import type { ConsentRecord } from '../consent/record';
import { afterPaint, afterPaintOrLeave } from '../core/ready';
import { say } from '../core/report';
import type { ConsentStore } from '../core/store';
import { visitorLang } from '../i18n/lang';
import { logQueueKey } from '../markup';
import { logQueue, sameEntry, type LogEntry } from '../storage/log-queue';

const short = (text: string) => hash(text).toString(36);

/** A decision made on this page before the sender was here (next, previous), and when. */
export type EarlyChange = readonly [next: ConsentRecord | null, prev: ConsentRecord | null, time: string];
/** What `samtykke-log.js` hands the engine (shell/log.ts). */
export type LogDecisions = typeof logDecisions;

/**
 * Sends each decision, change, withdrawal and reset made on this page to the owner's consent
 * log (`logUrl`), once, after the paint. An entry stays queued until the log acknowledges it
 * (200 or 201) and is sent again on the next page view; one the log refuses for good (a 4xx
 * other than 429) is dropped. Nothing that identifies the visitor is sent: the consent id is
 * the one already in their cookie. `earlier`: the decisions made on this page before the sender
 * arrived (the tag fetches it as a part, shell/log.ts), logged first.
 */
export function logDecisions(config: Config, store: ConsentStore, version: string, earlier: readonly EarlyChange[] = []): void {
  const url = config.logUrl;
  if (!url) return;
  const queue = logQueue(logQueueKey(config.cookieName));
  const sending: LogEntry[] = [];

  const send = (entry: LogEntry) => {
    if (sending.some((e) => sameEntry(e, entry))) return;
    sending.push(entry);
    // A CORS request (fetch's default), so the status can be read; text/plain needs no
    // preflight; credentials omitted, so no cookie goes with it. `keepalive` outlives a page being
    // left, which cannot read the answer: the entry stays queued until a later page view hears it
    // acknowledged. Never a beacon: it always carries the cookies of the log's site, on a log on
    // the site's own domain every cookie of the visitor's.
    fetch(url, { method: 'POST', body: JSON.stringify(entry), keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain' } })
      .then(async (response) => {
        const { status } = response;
        if (status === 200 || status === 201) return queue.remove(entry);
        if (status < 400 || status > 499 || status === 429) return;
        queue.remove(entry);
        const reason = await response.json().then((b: { error?: string }) => b.error, () => '');
        // The sender's own message, in full: it travels with the sender, on sites that log only.
        say('error', `logUrl: the log refused an entry: ${status} ${reason ?? ''}`);
      })
      // Unreachable (or the page went away): kept for the next page view.
      .catch(() => {})
      .finally(() => sending.splice(sending.indexOf(entry), 1));
  };

  const lang = visitorLang(config);
  const entryOf = (record: ConsentRecord, time: string): LogEntry => ({
    id: record.id,
    time,
    revision: record.revision,
    // The consent fingerprint: the codes of the services each granted purpose covered.
    servicesHash: short(JSON.stringify(record.covered)),
    choices: record.choices,
    lang,
    version,
    // The built-in texts are the version's; the rest the visitor read is the owner's overrides.
    textsHash: short(lang + JSON.stringify(config.texts[lang] ?? {})),
    path: location.pathname.slice(0, 512),
  });

  const log = (next: ConsentRecord | null, prev: ConsentRecord | null, time: string) => {
    if (!(next ?? prev)) return;
    // A reset withdraws the decision it forgets, at that moment, leaving no choices.
    const entry = next ? entryOf(next, next.time) : entryOf({ ...prev!, choices: {}, covered: {} }, time);
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
