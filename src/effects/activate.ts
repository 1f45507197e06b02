import type { Config, OptionalPurpose, Purpose } from '../config/types';
import type { ConsentStore } from '../core/store';
import { report } from '../core/report';
import { injectScript } from './gtag';
import { trusted } from './hold';

const PURPOSES: readonly Purpose[] = ['necessary', 'functional', 'analytics', 'marketing'];
const SELECTOR = 'script[type="text/plain"][data-samtykke],[data-samtykke][data-src]';

/**
 * Releases what the owner held back in markup — `<script type="text/plain" data-samtykke>`
 * and `<iframe data-samtykke data-src>` — once every purpose it names is granted, and loads
 * owner services' own scripts. Scripts run once each, in document order: an external one is
 * awaited before the next starts, as the parser would have done.
 */
export function activateBlocked(config: Config, store: ConsentStore, ran: Set<OptionalPurpose>): () => void {
  let queue: Promise<void> = Promise.resolve();
  const loadedServices = new Set<string>();

  const purposesOf = (el: Element): Purpose[] | null => {
    const names = (el.getAttribute('data-samtykke') || '').split(/\s+/).filter(Boolean);
    const unknown = names.filter((n) => !PURPOSES.includes(n as Purpose));
    if (unknown.length || !names.length) {
      report('error', `data-samtykke="${names.join(' ')}" on a <${el.localName}>: use ${PURPOSES.join(', ')} (several separated by spaces). It stays blocked.`);
      el.removeAttribute('data-samtykke');
      return null;
    }
    return names as Purpose[];
  };

  const release = (el: Element, purposes: Purpose[]): Promise<void> => {
    for (const p of purposes) if (p !== 'necessary') ran.add(p);
    if (!(el instanceof HTMLScriptElement)) {
      trusted.add(el);
      el.setAttribute('src', el.getAttribute('data-src')!);
      el.removeAttribute('data-src');
      return Promise.resolve();
    }
    return new Promise((done) => {
      const script = document.createElement('script');
      // The owner's markup (or hold.ts's) named the purpose and it is granted: let it load.
      trusted.add(script);
      for (const { name, value } of Array.from(el.attributes)) {
        if (name !== 'type' && name !== 'data-samtykke' && name !== 'data-type') script.setAttribute(name, value);
      }
      const type = el.getAttribute('data-type');
      if (type) script.type = type;
      // The parser hides a nonce from getAttribute; only the property still has it.
      if (el.nonce) script.nonce = el.nonce;
      if (el.src) {
        script.async = el.async;
        script.onload = script.onerror = () => done();
      } else script.text = el.text;
      el.replaceWith(script);
      if (!el.src) done();
    });
  };

  const run = () => {
    for (const el of Array.from(document.querySelectorAll(SELECTOR))) {
      const purposes = purposesOf(el);
      if (!purposes || !purposes.every((p) => store.granted(p))) continue;
      // Claim it now, so a second run before the queue reaches it cannot release it twice.
      el.removeAttribute('data-samtykke');
      queue = queue.then(() => release(el, purposes));
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
