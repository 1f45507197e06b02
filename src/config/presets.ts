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

export function googleAds(ids: readonly string[]): Service {
  return {
    id: 'google-ads',
    name: 'Google Ads',
    purpose: 'marketing',
    provider: GOOGLE,
    description: '',
    transfer: true,
    privacyUrl: GOOGLE_PRIVACY,
    cookies: adsCookies,
    src: [],
    googleIds: ids,
    block: [],
  };
}

export function googleAnalytics(ids: readonly string[]): Service {
  return {
    id: 'google-analytics',
    name: 'Google Analytics',
    purpose: 'analytics',
    provider: GOOGLE,
    description: '',
    transfer: true,
    privacyUrl: GOOGLE_PRIVACY,
    cookies: analyticsCookies,
    src: [],
    googleIds: ids,
    block: [],
  };
}

/**
 * Meta's pixel, named by `metaPixel`. The owner pastes Meta's snippet unchanged: it inserts
 * fbevents.js from connect.facebook.net by code and reports to www.facebook.com/tr, and both
 * are held until Markedsføring is granted. Without the setting they are held all the same. The
 * pixel id itself is only checked: Meta's snippet carries its own.
 */
export function metaPixel(): Service {
  return {
    id: 'meta-pixel',
    name: 'Meta Pixel',
    purpose: 'marketing',
    provider: 'Meta Platforms Ireland Limited',
    transfer: true,
    description: '',
    privacyUrl: 'https://www.facebook.com/privacy/policy/',
    cookies: [cookie('_fbp'), cookie('fr', 'thirdParty')],
    src: [],
    googleIds: [],
    block: ['connect.facebook.net', 'www.facebook.com/tr'],
  };
}

/** samtykke's own cookie: strictly necessary, because it is how a refusal is remembered. */
export function ownService(cookieName: string, site: string): Service {
  return {
    id: 'samtykke',
    name: 'Samtykke',
    purpose: 'necessary',
    // The choice never leaves the site: its only recipient is the site itself.
    provider: site,
    description: '',
    cookies: [cookie(cookieName)],
    src: [],
    googleIds: [],
    block: [],
  };
}

// Each embed's provider is Google or Vimeo, both of which may move the data to the USA.
const embed = (id: string, name: string, purpose: Service['purpose'], provider: string, privacyUrl: string, cookies: readonly CookieInfo[], block: readonly string[]): Service => ({
  id,
  name,
  purpose,
  provider,
  transfer: true,
  description: '',
  privacyUrl,
  cookies,
  src: [],
  googleIds: [],
  block,
});

/**
 * Video and map embeds, held back with a placeholder wherever they appear. The owner lists the
 * ones the site uses (`embeds`), which names them in the preferences so a purpose grant covers
 * them; one not listed can still be shown, one at a time, from its placeholder.
 */
export const embedPresets: readonly Service[] = [
  embed(
    'youtube',
    'YouTube',
    'marketing',
    GOOGLE,
    GOOGLE_PRIVACY,
    [cookie('VISITOR_INFO1_LIVE', 'thirdParty'), cookie('YSC', 'thirdParty')],
    ['www.youtube.com/embed/', 'youtube.com/embed/', 'www.youtube-nocookie.com/embed/'],
  ),
  embed(
    'vimeo',
    'Vimeo',
    'analytics',
    'Vimeo.com, Inc.',
    'https://vimeo.com/privacy',
    [cookie('vuid', 'thirdParty')],
    ['player.vimeo.com/video/'],
  ),
  embed(
    'google-maps',
    'Google Maps',
    'marketing',
    GOOGLE,
    GOOGLE_PRIVACY,
    [cookie('NID', 'thirdParty')],
    ['www.google.com/maps/embed', 'maps.google.com/maps'],
  ),
];
