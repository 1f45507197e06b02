import { PRESET_BLOCKS } from './hosts';
import type { CookieInfo, Service } from './types';

/**
 * Built-in services, as data: a preset is a registry entry (purpose, provider, cookie names, how
 * it loads), never a special code path. What visitors read about them (descriptions, what each
 * cookie is for and how long it lives) is in preset-texts.ts, which only the face carries: the
 * engine needs the names alone, to hold back and to delete, and whether data may go to the USA.
 */

/**
 * A cookie as the engine knows it: its name, and whether it is set on another domain (not ours
 * to delete) or kept in localStorage (removed from there on withdrawal).
 */
const cookie = (name: string, where?: 'thirdParty' | 'local'): CookieInfo => ({ name, purpose: '', lifetime: '', ...(where && { [where]: true }) });
// `_gac_*` holds the Ads click id, so it belongs to Markedsføring even when Analytics writes it;
// `_gcl_*` is one prefix for _gcl_au, _gcl_aw, _gcl_dc, _gcl_gs and _gcl_gb.
const adsCookies = [cookie('_gcl_*'), cookie('_gac_*'), cookie('_gcl_ls', 'local'), cookie('IDE', 'thirdParty')];
const analyticsCookies = [cookie('_ga'), cookie('_ga_*')];

// Google Ireland is the contracting party in the EEA; Google LLC in the USA receives the data too.
const GOOGLE = 'Google Ireland Limited';
const GOOGLE_PRIVACY = 'https://policies.google.com/technologies/partner-sites';

/** A built-in service: nothing to load, no Google ids and no patterns unless `more` gives them. */
function preset(id: string, name: string, purpose: Service['purpose'], provider: string, cookies: readonly CookieInfo[], more: Partial<Service> = {}): Service {
  return { id, name, purpose, provider, description: '', cookies, src: [], googleIds: [], block: [], ...more };
}

/** A third party's service: Google, Meta and Vimeo all may move the data to the USA. */
const thirdParty = (id: string, name: string, purpose: Service['purpose'], provider: string, privacyUrl: string, cookies: readonly CookieInfo[], more: Partial<Service>): Service =>
  preset(id, name, purpose, provider, cookies, { transfer: true, privacyUrl, ...more });

export const googleAds = (ids: readonly string[]): Service => thirdParty('google-ads', 'Google Ads', 'marketing', GOOGLE, GOOGLE_PRIVACY, adsCookies, { googleIds: ids });

export const googleAnalytics = (ids: readonly string[]): Service =>
  thirdParty('google-analytics', 'Google Analytics', 'analytics', GOOGLE, GOOGLE_PRIVACY, analyticsCookies, { googleIds: ids });

/**
 * Meta's pixel, named by `metaPixel`. The owner pastes Meta's snippet unchanged: it inserts
 * fbevents.js from connect.facebook.net by code and reports to www.facebook.com/tr, and both
 * are held until Markedsføring is granted. Without the setting they are held all the same. The
 * pixel id itself is only checked: Meta's snippet carries its own.
 */
export const metaPixel = (): Service =>
  thirdParty('meta-pixel', 'Meta Pixel', 'marketing', 'Meta Platforms Ireland Limited', 'https://www.facebook.com/privacy/policy/', [cookie('_fbp'), cookie('fr', 'thirdParty')], {
    block: PRESET_BLOCKS.meta,
  });

/**
 * samtykke's own cookie: strictly necessary, because it is how a refusal is remembered. The
 * choice never leaves the site: its only recipient is the site itself.
 */
export const ownService = (cookieName: string, site: string): Service => preset('samtykke', 'Samtykke', 'necessary', site, [cookie(cookieName)]);

/**
 * Video and map embeds, held back with a placeholder wherever they appear. The owner lists the
 * ones the site uses (`embeds`), which names them in the preferences so a purpose grant covers
 * them; one not listed can still be shown, one at a time, from its placeholder.
 */
export const embedPresets: readonly Service[] = [
  thirdParty('youtube', 'YouTube', 'marketing', GOOGLE, GOOGLE_PRIVACY, [cookie('VISITOR_INFO1_LIVE', 'thirdParty'), cookie('YSC', 'thirdParty')], {
    block: PRESET_BLOCKS.youtube,
  }),
  thirdParty('vimeo', 'Vimeo', 'analytics', 'Vimeo.com, Inc.', 'https://vimeo.com/privacy', [cookie('vuid', 'thirdParty')], { block: PRESET_BLOCKS.vimeo }),
  thirdParty('google-maps', 'Google Maps', 'marketing', GOOGLE, GOOGLE_PRIVACY, [cookie('NID', 'thirdParty')], { block: PRESET_BLOCKS.maps }),
];
