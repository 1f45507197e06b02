import type { ConsentStore } from '../core/store';
import { summary, view } from '../core/public-state';
import { CHANGE_EVENT } from '../markup';
import { dataLayer } from './gtag';

/**
 * Tells the page about each decision: `samtykke:change` on window (D1) for scripts, and a
 * `samtykke_update` dataLayer event for Google Tag Manager triggers (GCM-09).
 */
export function announceChanges(store: ConsentStore): void {
  store.subscribe((next) => {
    window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: view(next) }));
    dataLayer().push({ event: 'samtykke_update', samtykke: summary(next) });
  });
}
