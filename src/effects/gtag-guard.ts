import type { Config } from '../config/types';
import type { ConsentStore } from '../core/store';
import { describe, report } from '../core/report';
import { isArguments } from '../core/gtag-layer';
import { dataLayer } from './gtag';

/**
 * GCM-13: a Google tag installed outside samtykke (a pasted snippet, Webnode's own field)
 * shows up as `gtag('js'|'config')` before consent. Say so, once a call, so the owner can
 * find and remove it. gtag.js replaces `push` when it loads, which ends the watch — by then
 * the visitor has consented, or the owner chose advanced mode, where such calls are expected.
 */
export function guardGtag(config: Config, store: ConsentStore): void {
  if (config.mode !== 'basic') return;
  const purposeOf = (id: unknown) =>
    config.services.find((s) => s.googleIds.includes(id as string))?.purpose ?? (typeof id === 'string' && id.startsWith('AW-') ? 'marketing' : 'analytics');
  const layer = dataLayer();
  const push = layer.push;
  const warnIfEarly = (item: unknown) => {
    if (!isArguments(item) || (item[0] !== 'js' && item[0] !== 'config')) return;
    const allowed = item[0] === 'js' ? store.granted('marketing') || store.granted('analytics') : store.granted(purposeOf(item[1]));
    if (!allowed) report('warn', 'gtag.withoutConsent', item[0], item[0] === 'js' ? '' : describe(item[1]));
  };
  layer.push = function (...items: unknown[]) {
    // The page's own call goes through whatever it holds: watching must never make it throw.
    for (const item of items) {
      try {
        warnIfEarly(item);
      } catch {
        /* an odd argument is the page's business; it is pushed as given */
      }
    }
    return push.apply(this, items);
  };
}
