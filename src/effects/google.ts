import type { Config, OptionalPurpose } from '../config/types';
import { toSignals } from '../consent/signals';
import type { ConsentStore } from '../core/store';
import { gtag, injectScript } from './gtag';

export const GTAG_URL = 'https://www.googletagmanager.com/gtag/js?id=';

/**
 * Google Consent Mode v2. Runs synchronously when the tag is parsed: the denied default goes
 * into dataLayer before any Google script can exist (GCM-01), the stored decision follows at
 * once (GCM-05), and each later decision sends exactly one update with all seven signals
 * (GCM-06). In basic mode gtag.js is requested only for ids whose purpose is granted.
 */
export function googleConsentMode(config: Config, store: ConsentStore, ran: Set<OptionalPurpose>): void {
  gtag('consent', 'default', { ...toSignals({}), wait_for_update: config.waitForUpdate });
  gtag('set', 'ads_data_redaction', config.adsDataRedaction);
  gtag('set', 'url_passthrough', config.urlPassthrough);
  if (store.record) gtag('consent', 'update', toSignals(store.record.choices));

  const google = config.services.filter((s) => s.googleIds.length);
  const configured = new Set<string>();
  let loaded = false;

  const load = () => {
    for (const service of google) {
      const granted = store.granted(service.purpose);
      if (!granted && config.mode === 'basic') continue;
      for (const id of service.googleIds) {
        if (configured.has(id)) continue;
        if (!loaded) {
          injectScript(GTAG_URL + encodeURIComponent(id), config.nonce);
          gtag('js', new Date());
          loaded = true;
        }
        gtag('config', id);
        configured.add(id);
      }
      if (granted) ran.add(service.purpose as OptionalPurpose);
    }
  };

  load();
  store.subscribe((next) => {
    gtag('consent', 'update', toSignals(next?.choices ?? {}));
    load();
  });
}
