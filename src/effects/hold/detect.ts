import { googleAds, googleAnalytics } from '../../config/presets';
import { GOOGLE_ADS_ID, GOOGLE_ANALYTICS_ID } from '../../config/services';
import type { Tracker } from '../../config/trackers';
import type { Config } from '../../config/types';
import { addService } from '../../config/validate';
import { report } from '../../core/report';
import type { ConsentStore } from '../../core/store';

/**
 * A Google tag pasted into the page whose id the owner did not give (`gtag/js?id=AW-…`) is
 * taken as if they had: its preset joins the services, so the banner asks about it and a grant
 * releases the pasted tag itself (samtykke loads nothing more: the snippet brings its own tag
 * and commands). Only before the visitor is shown the question: a consent never covers more
 * than was shown. `tracker` is what `src` was classified as. True when it was taken.
 */
export function adoptGoogleTag(src: string, tracker: Tracker, config: Config, store: ConsentStore): boolean {
  if (!tracker.google || tracker.declared) return false;
  const id = new URL(src, document.baseURI).searchParams.get('id') ?? '';
  const [setting, preset] = GOOGLE_ADS_ID.test(id) ? ['data-google-ads', googleAds] : GOOGLE_ANALYTICS_ID.test(id) ? ['data-google-analytics', googleAnalytics] : [];
  if (!preset) return false;
  addService(config, preset([id]));
  // A visitor whose stored grant did not cover it is asked about its purpose again.
  store.refresh();
  report('warn', 'google.found', id, setting!);
  return true;
}
