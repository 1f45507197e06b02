import { foreignHost, type Tracker } from '../../config/trackers';
import { report } from '../../core/report';
import type { Config } from '../../config/types';
import type { ConsentStore } from '../../core/store';

/**
 * The blocker's one decision, free of the DOM: given what a URL loads (`classify`), the tracker
 * it must wait for, or null when it may load now (not a tracker; Google's tags in advanced
 * Consent Mode, which load denied and wait for the signals; a declared service whose purpose
 * is granted).
 */
export function mustWait(tracker: Tracker | null, config: Config, store: ConsentStore): Tracker | null {
  if (!tracker) return null;
  if ((tracker.google && config.mode === 'advanced') || (tracker.declared && store.granted(tracker.service.purpose))) return null;
  return tracker;
}

/**
 * A script or frame from another site, at an address no service or preset claims (`classify`
 * found nothing). It loads, and the owner is told once per host and page view; with `strict` it
 * is held instead, never released by a grant (the visitor was told of nothing), a frame
 * loadable from its placeholder.
 */
export function stranger(src: string, config: Config, warned: Set<string>): Tracker | null {
  const host = foreignHost(src, location.hostname, config.cookieDomain);
  if (!host) return null;
  if (config.strict) return { service: { id: host, name: host, purpose: 'marketing', provider: host, description: host, cookies: [], src: [], googleIds: [], block: [] }, declared: false, stranger: true };
  if (!warned.has(host)) {
    warned.add(host);
    report('warn', 'host.unknown', host);
  }
  return null;
}
