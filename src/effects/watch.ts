import { classify } from '../config/trackers';
import type { Config } from '../config/types';
import { whenLoaded, whenParsed } from '../core/ready';
import { report } from '../core/report';
import type { ConsentStore } from '../core/store';
import { HELD_ATTR, PURPOSES_ATTR } from '../markup';
import { trusted } from './inert';
import { cookieNames } from '../storage/jar';
import { GOOGLE_COOKIES, matchesCookie } from './withdraw';

const googleCookies = (): string[] => cookieNames().filter((name) => Object.values(GOOGLE_COOKIES).flat().some((p) => matchesCookie(p, name)));

/**
 * What blocking cannot stop — a tag placed before ours, code Webnode itself injects, the
 * browser fetching a script ahead of the parser, Chromium starting a frame in the HTML as the
 * parser inserts it (connected to its host, at times the request sent, before the observer
 * takes it out) — is at least seen: a tracker request made
 * before its purpose was granted, or a Google cookie present at load with no choice, logs one
 * warning naming it, so the owner can find and fix it.
 */
export function watchLeaks(config: Config, store: ConsentStore, ours: Element | null): void {
  const warned = new Set<string>();
  /** Once per address (or once for the cookies). */
  const warn = (key: string, say: () => void) => {
    if (warned.has(key)) return;
    warned.add(key);
    say();
  };

  /** When the purpose was granted, as epoch ms (Infinity while it is not). */
  const grantedAt = (src: string): number | null => {
    const t = classify(src, config);
    if (!t) return null;
    return store.record && t.declared && store.granted(t.service.purpose) ? Date.parse(store.record.time) : Infinity;
  };

  // The tags before ours are all in the page already; looking can wait for the parsed page.
  // (Without our own tag, as in a bundler build, there is no "before" to speak of.)
  // The page's list of scripts, read only up to ours: no search through the whole page.
  if (ours) whenParsed(() => {
    for (const s of document.scripts) {
      if (s === ours) break;
      // A tag a loader put before ours after we ran is one we hold (or released on grant).
      if (!s.src || s.hasAttribute(PURPOSES_ATTR) || s.hasAttribute(HELD_ATTR) || trusted.has(s)) continue;
      if (grantedAt(s.src) === Infinity) warn(s.src, () => report('warn', 'leak.before', s.src));
    }
  });

  // Judged once the page is parsed: a fetch the preload scanner made is reported before the
  // parser has reached (and the blocker has held) the tag it came from.
  const judge = (e: PerformanceResourceTiming) => {
    const at = grantedAt(e.name);
    if (at === null || performance.timeOrigin + e.startTime >= at) return;
    // Loaded on purpose: the owner's markup released it, or the visitor asked for it.
    if (Array.from(document.querySelectorAll<HTMLIFrameElement>('[src]')).some((el) => trusted.has(el) && el.src === e.name)) return;
    const held = Array.from(document.querySelectorAll<HTMLScriptElement>(`script[${PURPOSES_ATTR}],script[${HELD_ATTR}]`)).some((s) => s.src === e.name);
    warn(e.name, () => (held ? report('warn', 'leak.preload', e.name) : report('warn', 'leak.request', e.name, e.initiatorType)));
  };
  try {
    new PerformanceObserver((list) => {
      const entries = list.getEntries() as PerformanceResourceTiming[];
      whenParsed(() => entries.forEach(judge));
    }).observe({ type: 'resource', buffered: true });
  } catch {
    // No Resource Timing: nothing to watch with, and nothing is blocked any less.
  }

  // Looked at once the page has loaded, not at parse time, where every document.cookie read
  // is a synchronous round trip the visitor waits for.
  whenLoaded(() => {
    if (!store.needsDecision()) return;
    const found = googleCookies();
    if (found.length) warn('cookies', () => report('warn', 'leak.cookies', found.join(', ')));
  });
}
