import type { CookieInfo, Service } from './types';

/**
 * Built-in services, as data: a preset is a registry entry (purpose, provider, cookie names, how
 * it loads), never a special code path. What visitors read about them (descriptions, what each
 * cookie is for and how long it lives) is in preset-texts.ts, which only the face carries: the
 * engine needs the names alone, to hold back and to delete.
 */

/** A cookie as the engine knows it: its name, and whether it is set on another domain (not ours to delete). */
const cookie = (name: string, thirdParty?: true): CookieInfo => ({ name, purpose: '', lifetime: '', ...(thirdParty && { thirdParty }) });
const adsCookies = [cookie('_gcl_au'), cookie('_gcl_aw'), cookie('_gcl_dc'), cookie('IDE', true)];
const analyticsCookies = [cookie('_ga'), cookie('_ga_*'), cookie('_gac_*')];

const GOOGLE = 'Google Ireland Limited';
const GOOGLE_PRIVACY = 'https://policies.google.com/technologies/partner-sites';

export function googleAds(ids: readonly string[]): Service {
  return {
    id: 'google-ads',
    name: 'Google Ads',
    purpose: 'marketing',
    provider: GOOGLE,
    description: '',
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
    privacyUrl: GOOGLE_PRIVACY,
    cookies: analyticsCookies,
    src: [],
    googleIds: ids,
    block: [],
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

const embed = (id: string, name: string, purpose: Service['purpose'], provider: string, privacyUrl: string, cookies: readonly CookieInfo[], block: readonly string[]): Service => ({
  id,
  name,
  purpose,
  provider,
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
    [cookie('VISITOR_INFO1_LIVE', true), cookie('YSC', true)],
    ['www.youtube.com/embed/', 'youtube.com/embed/', 'www.youtube-nocookie.com/embed/'],
  ),
  embed(
    'vimeo',
    'Vimeo',
    'analytics',
    'Vimeo.com, Inc.',
    'https://vimeo.com/privacy',
    [cookie('vuid', true)],
    ['player.vimeo.com/video/'],
  ),
  embed(
    'google-maps',
    'Google Maps',
    'marketing',
    GOOGLE,
    GOOGLE_PRIVACY,
    [cookie('NID', true)],
    ['www.google.com/maps/embed', 'maps.google.com/maps'],
  ),
];
