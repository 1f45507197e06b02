import { PURPOSES, type Purpose } from '../config/purposes';
import type { Config, OptionalPurpose } from '../config/types';
import type { ConsentStore } from '../core/store';
import { report } from '../core/report';
import { INERT_TYPE, PURPOSES_ATTR, SRC_ATTR, purposesOf } from '../markup';
import { injectScript } from './gtag';
import { release } from './inert';

const SELECTOR = `script[type="${INERT_TYPE}"][${PURPOSES_ATTR}],[${PURPOSES_ATTR}][${SRC_ATTR}]`;

/**
 * Releases what the owner held back in markup — `<script type="text/plain" data-samtykke>`
 * and `<iframe data-samtykke data-src>` — once every purpose it names is granted, and loads
 * owner services' own scripts. Scripts run once each, in document order: an external one is
 * awaited before the next starts, as the parser would have done.
 */
export function activateBlocked(config: Config, store: ConsentStore, ran: Set<OptionalPurpose>): () => void {
  let queue: Promise<void> = Promise.resolve();
  const loadedServices = new Set<string>();

  const checkedPurposesOf = (el: Element): Purpose[] | null => {
    const names = purposesOf(el);
    const unknown = names.filter((n) => !PURPOSES.includes(n as Purpose));
    if (unknown.length || !names.length) {
      report('error', 'markup.purposes', names.join(' '), el.localName);
      el.removeAttribute(PURPOSES_ATTR);
      return null;
    }
    return names as Purpose[];
  };

  const run = () => {
    for (const el of Array.from(document.querySelectorAll(SELECTOR))) {
      const purposes = checkedPurposesOf(el);
      if (!purposes || !purposes.every((p) => store.granted(p))) continue;
      // Claim it now, so a second run before the queue reaches it cannot release it twice.
      el.removeAttribute(PURPOSES_ATTR);
      queue = queue.then(() => {
        for (const p of purposes) if (p !== 'necessary') ran.add(p);
        return new Promise<void>((done) => release(el, done));
      });
    }
    for (const service of config.services) {
      if (!service.src.length || loadedServices.has(service.id) || !store.granted(service.purpose)) continue;
      loadedServices.add(service.id);
      if (service.purpose !== 'necessary') ran.add(service.purpose);
      for (const src of service.src) queue = queue.then(() => new Promise<void>((done) => void injectScript(src, config.nonce, done)));
    }
  };

  store.subscribe(run);
  return run;
}
