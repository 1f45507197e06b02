import { classify, foreignHost, webAddress } from '../config/trackers';
import type { Purpose } from '../config/types';
import { HELD_ATTR, PURPOSES_ATTR, SRC_ATTR, purposesOf } from '../markup';
import { ownHosts } from './addresses';
import { grantedAt, inForce } from './decisions';
import { bad, ok, saidOf, same, seconds, warn, type Line, type Look, type Section } from './model';
import { frameRequests } from './released';
import { purposeName, showLabel } from './texts';

/**
 * Every request this page view made to another site (Resource Timing), split at the moment of
 * the first decision, each marked by the decision in force when it was made (the visitor may
 * change it on the page): a tracker made while its purpose was not granted (before any choice,
 * after a refusal or a withdrawal) is red; one made while it was, green, even if the visitor has
 * withdrawn it since; anything else another site served, necessary or unknown. A frame samtykke
 * released while its purpose was not granted is green too: only the visitor's «Vis innhold» on
 * its placeholder does that (a grant releases at its decision), a consent to that one content.
 * The banner's own files (from its tag's host, or the project's site: `ownHosts`) are not
 * listed: they store nothing, and the guide's privacy text names where they come from. But a part that lists nothing says they were
 * fetched from another site, so «no requests to other sites» is not untrue.
 * Then everything held now.
 */
export function requests(look: Look): Section[] {
  const { t, config, decisions, tag, released } = look;
  const own = ownHosts(tag);
  const before: Line[] = [];
  const after: Line[] = [];
  // The other site the banner's own files came from, if any, before (index 0) and after (1) the first decision.
  const ownFetched: (string | null)[] = [null, null];
  // What the browser fetched ahead from the page's HTML before samtykke could hold it (the engine said so).
  const early = new Set(saidOf(look, 'leak.preload').map(([url]) => String(url)));
  const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).slice().sort((a, b) => a.startTime - b.startTime);
  const frames = Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[src]')).filter((el) => released.has(el));
  const shown = frameRequests(entries, frames.map((el) => el.src));
  for (const e of entries) {
    const host = foreignHost(e.name, location.hostname, config.cookieDomain);
    if (!host) continue;
    const at = performance.timeOrigin + e.startTime;
    const decided = inForce(decisions, at) !== undefined;
    if (own.has(host)) {
      ownFetched[+decided] ??= host;
      continue;
    }
    const label = t.request(host, kindOf(look, e.initiatorType), seconds(e.startTime));
    const tracker = classify(e.name, config);
    let line: Line;
    if (!tracker) line = warn(`${label}: ${t.unknown}`, t.unknownHostFix);
    else if (tracker.service.purpose === 'necessary') line = ok(`${label}: ${t.necessary}`);
    else if (grantedAt(decisions, at, tracker.service.purpose)) line = ok(`${label}: ${t.consented(purposeName(look, tracker.service.purpose))}`);
    else if (shown.has(e)) line = ok(`${label}: ${t.shown(showLabel(look))}`);
    else if (tracker.google && config.mode === 'advanced') line = ok(`${label}: ${t.advanced}`);
    else {
      const fix = e.initiatorType === 'iframe' ? t.frameFix : stillRunning(look, at, tracker.service.purpose) ? t.stillRunningFix : leakFix(look, e.name);
      line = { ...bad(`${label}: ${decided ? t.refused : early.has(e.name) ? t.leakEarly : t.leak}`, fix), about: e.name };
    }
    (decided ? after : before).push(line);
  }
  const requested = new Set(entries.map((e) => e.name));
  // The part whose red line shows a request for this address.
  const fault = (url: string) => ([[t.before, before], [t.after, after]] as const).find(([, lines]) => lines.some((l) => l.tone === 'bad' && l.about === url))?.[0];
  const none = (i: number) => [ok(t.noRequests(ownFetched[i] ?? null))];
  return [
    { title: t.before, lines: before.length ? before : none(0) },
    {
      title: t.after,
      ...(decisions.length > 1 && { note: t.afterChanged }),
      lines: decisions.length ? (after.length ? after : none(1)) : [ok(t.decisionNone)],
    },
    { title: t.held, lines: held(look, requested, fault) },
  ];
}

/**
 * Whether a request made at `at`, not granted then, can be code an earlier grant on this page let
 * run, still going after the visitor withdrew it: the paste is set not to reload the page on a
 * withdrawal (by default it reloads, and then such code is gone). A withdrawal must stop it (UI-10).
 */
function stillRunning({ config, decisions }: Look, at: number, purpose: Purpose): boolean {
  return !config.reloadOnWithdraw && decisions.some((d) => d.at <= at && grantedAt(decisions, d.at, purpose));
}

/**
 * The fix for a tracker fetched without consent: where its old code is, when the page shows it
 * (in the page's head, which only the Header field the guide names and Webnode's Google Analytics
 * field fill), and whether its Google ID is already given to samtykke (then removing is all).
 */
function leakFix(look: Look, url: string): string {
  const { t, config } = look;
  const old = Array.from(document.scripts).find((s) => s.getAttribute('src') === url || s.src === url);
  const id = new URL(url).searchParams.get('id');
  const given = !!id && config.services.some((s) => s.googleIds.includes(id));
  return t.leakFix(!!old && !!document.head?.contains(old), given ? id : null);
}

/** What a request or a held element fetches, in the owner's words (the browser's own word for anything else). */
const kindOf = ({ t }: Pick<Look, 't'>, kind: string): string => t.kinds[kind] ?? t.kinds.other!;

/**
 * Every loader samtykke holds in the page now (marked up by the owner, or held unmarked by the
 * engine: the markup's attributes say which), with its host and what would release it. One the
 * browser had fetched before it was held (a frame Chromium starts loading as the parser inserts
 * it, a file fetched ahead from the HTML) is held all the same, and listed: said so, and grey
 * when a red request line (`fault` names its part) shows that fetch, as that line is the fault.
 */
function held(look: Look, requested: Set<string>, fault: (url: string) => string | undefined): Line[] {
  const { t } = look;
  const lines: Line[] = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(`[${PURPOSES_ATTR}],[${HELD_ATTR}]`))) {
    const url = webAddress((el instanceof HTMLScriptElement ? el.getAttribute('src') : el.getAttribute(SRC_ATTR)) ?? '');
    if (!url) continue;
    const purposes = purposesOf(el).map((p) => purposeName(look, p));
    const wait = purposes.length ? t.heldWaits(purposes.join(', ')) : t.heldNever;
    const [host, kind] = [url.hostname, kindOf(look, el.localName)];
    if (!requested.has(url.href)) lines.push(ok(t.heldLine(host, kind, wait)));
    else {
      const place = fault(url.href) ?? null;
      lines.push((place ? same : ok)(t.heldFetched(host, kind, wait, place)));
    }
  }
  return lines.length ? lines : [ok(t.noneHeld)];
}

/** Each decision in a line, in order: when it was made (the first) or changed (each after it), and what it granted. */
export function decisionLines(look: Look): Line[] {
  const { t, decisions, config } = look;
  if (!decisions.length) return [ok(t.decisionNone)];
  return decisions.map(({ at, choices }, i) => {
    const names = config.purposes.filter((p) => choices?.[p] === true).map((p) => purposeName(look, p));
    const granted = !choices ? t.withdrawn : names.length ? t.granted(names.join(', ')) : t.rejected;
    const since = at - performance.timeOrigin;
    if (i) return ok(t.decisionChanged(seconds(since), granted));
    return ok(since >= 0 ? t.decisionHere(seconds(since), granted) : t.decisionEarlier(new Date(at).toLocaleString(t.locale), granted));
  });
}
