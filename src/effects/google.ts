import type { Config, OptionalPurpose, Purpose } from '../config/types';
import { INERT_TYPE, purposesOf } from '../markup';
import { toSignals } from '../consent/signals';
import type { ConsentStore } from '../core/store';
import { whenParsed } from '../core/ready';
import { gtag, inLayer, injectScript } from './gtag';

const GTAG_URL = 'https://www.googletagmanager.com/gtag/js?id=';

/**
 * GCM-01: the denied default, sent once, synchronously while the tag is parsed, so it is in
 * dataLayer before any Google script can exist. The engine sends it whether or not the owner's
 * settings could be read (with the default wait then).
 */
export function consentDefault(config: Config): void {
  gtag('consent', 'default', { ...toSignals({}), wait_for_update: config.waitForUpdate });
}

/**
 * Google Consent Mode v2 after the default: the stored decision follows at once (GCM-05), and
 * each later decision sends exactly one update with all seven signals (GCM-06). In basic mode
 * gtag.js is requested only for ids whose purpose is granted.
 */
export function googleConsentMode(config: Config, store: ConsentStore, ran: Set<OptionalPurpose>): void {
  gtag('set', 'ads_data_redaction', config.adsDataRedaction);
  gtag('set', 'url_passthrough', config.urlPassthrough);
  if (store.record) gtag('consent', 'update', toSignals(store.record.choices));

  const google = config.services.filter((s) => s.googleIds.length);
  const configured = new Set<string>();
  let loaded = false;

  const load = () => {
    const ids: string[] = [];
    for (const service of google) {
      const granted = store.granted(service.purpose);
      if (!granted && config.mode === 'basic') continue;
      for (const id of service.googleIds) {
        if (configured.has(id)) continue;
        configured.add(id);
        ids.push(id);
      }
      if (granted) ran.add(service.purpose as OptionalPurpose);
    }
    if (!ids.length) return;
    // A Google snippet pasted into the page brings its own gtag.js (released by the blocker with
    // its purpose) and queues its own `js` and `config`: loaded or sent twice, every visit
    // would count twice. Waiting for the parsed page lets that snippet show itself first.
    whenParsed(() => {
      if (!loaded && !pasted(store)) injectScript(GTAG_URL + encodeURIComponent(ids[0]!), config.nonce);
      loaded = true;
      if (!inLayer('js')) gtag('js', new Date());
      for (const id of ids) if (!inLayer('config', id)) gtag('config', id);
    });
  };

  load();
  store.subscribe((next) => {
    gtag('consent', 'update', toSignals(next?.choices ?? {}));
    load();
  });
}

/** A gtag.js already in the page that runs now or is being released by this decision. */
function pasted(store: ConsentStore): boolean {
  return Array.from(document.scripts).some((s) => {
    if (!s.src.startsWith(GTAG_URL)) return false;
    const purposes = purposesOf(s);
    return s.type !== INERT_TYPE || (purposes.length > 0 && purposes.every((p) => store.granted(p as Purpose)));
  });
}
