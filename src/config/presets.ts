import type { CookieInfo, LocalText, Service } from './types';

/**
 * Built-in services, as data: a preset is a registry entry (purpose, provider, cookies, how it
 * loads), never a special code path. Cookie lifetimes follow Google's and scanners' published
 * figures (REQUIREMENTS F3.10); update them here when Google changes them.
 */

const GOOGLE = 'Google Ireland Limited';
const GOOGLE_PRIVACY = 'https://policies.google.com/technologies/partner-sites';

const days90 = { nb: '90 dager', nn: '90 dagar', en: '90 days' };
const years2 = { nb: '2 år', nn: '2 år', en: '2 years' };
const byGoogle = { nb: 'Bestemmes av Google (inntil 13 måneder)', nn: 'Avgjort av Google (inntil 13 månader)', en: 'Set by Google (up to 13 months)' };

const adsCookies: readonly CookieInfo[] = [
  {
    name: '_gcl_au',
    purpose: { nb: 'Kobler annonseklikk til besøk, for å måle om annonsene virker.', nn: 'Koplar annonseklikk til besøk, for å måle om annonsane verkar.', en: 'Links ad clicks to visits, to measure whether ads work.' },
    lifetime: days90,
  },
  {
    name: '_gcl_aw',
    purpose: { nb: 'Husker hvilken Google-annonse du klikket på.', nn: 'Hugsar kva Google-annonse du klikka på.', en: 'Remembers which Google ad you clicked.' },
    lifetime: days90,
  },
  {
    name: '_gcl_dc',
    purpose: { nb: 'Husker klikk på annonser i Googles visningsnettverk.', nn: 'Hugsar klikk på annonsar i Googles visingsnettverk.', en: "Remembers clicks on ads in Google's display network." },
    lifetime: days90,
  },
  {
    name: 'IDE',
    purpose: { nb: 'Googles annonsecookie på doubleclick.net, brukt til å vise og måle annonser.', nn: 'Googles annonsecookie på doubleclick.net, brukt til å vise og måle annonsar.', en: "Google's ad cookie on doubleclick.net, used to show and measure ads." },
    lifetime: byGoogle,
    thirdParty: true,
  },
];

const analyticsCookies: readonly CookieInfo[] = [
  {
    name: '_ga',
    purpose: { nb: 'Skiller besøkende fra hverandre i statistikken.', nn: 'Skil besøkjande frå kvarandre i statistikken.', en: 'Tells visitors apart in the statistics.' },
    lifetime: years2,
  },
  {
    name: '_ga_*',
    purpose: { nb: 'Husker økten din for statistikken.', nn: 'Hugsar økta di for statistikken.', en: 'Keeps your session for the statistics.' },
    lifetime: years2,
  },
  {
    name: '_gac_*',
    purpose: { nb: 'Kobler annonsekampanjer til statistikken.', nn: 'Koplar annonsekampanjar til statistikken.', en: 'Links ad campaigns to the statistics.' },
    lifetime: days90,
  },
];

export function googleAds(ids: readonly string[]): Service {
  return {
    id: 'google-ads',
    name: 'Google Ads',
    purpose: 'marketing',
    provider: GOOGLE,
    description: {
      nb: 'Måler om annonsene våre på Google fører til henvendelser, og kan vise deg våre annonser senere.',
      nn: 'Måler om annonsane våre på Google fører til førespurnader, og kan vise deg annonsane våre seinare.',
      en: 'Measures whether our Google ads lead to enquiries, and may show you our ads later.',
    },
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
    description: {
      nb: 'Teller besøk og viser hvilke sider som brukes, slik at vi kan gjøre nettstedet bedre.',
      nn: 'Tel besøk og viser kva sider som blir brukte, slik at vi kan gjere nettstaden betre.',
      en: 'Counts visits and shows which pages are used, so we can improve the site.',
    },
    privacyUrl: GOOGLE_PRIVACY,
    cookies: analyticsCookies,
    src: [],
    googleIds: ids,
    block: [],
  };
}

/** samtykke's own cookie: strictly necessary, because it is how a refusal is remembered. */
export function ownService(cookieName: string, validityDays: number, site: string): Service {
  return {
    id: 'samtykke',
    name: 'Samtykke',
    purpose: 'necessary',
    // The choice never leaves the site: its only recipient is the site itself.
    provider: site,
    description: {
      nb: 'Husker valget ditt om informasjonskapsler, slik at vi ikke spør på hver side.',
      nn: 'Hugsar valet ditt om informasjonskapslar, slik at vi ikkje spør på kvar side.',
      en: 'Remembers your cookie choice, so we do not ask on every page.',
    },
    cookies: [
      {
        name: cookieName,
        purpose: { nb: 'Lagrer valget ditt og når du tok det.', nn: 'Lagrar valet ditt og når du tok det.', en: 'Stores your choice and when you made it.' },
        lifetime: { nb: `${validityDays} dager`, nn: `${validityDays} dagar`, en: `${validityDays} days` },
      },
    ],
    src: [],
    googleIds: [],
    block: [],
  };
}

const embed = (id: string, name: string, purpose: Service['purpose'], provider: string, privacyUrl: string, description: LocalText, cookies: readonly CookieInfo[], block: readonly string[]): Service => ({
  id,
  name,
  purpose,
  provider,
  description,
  privacyUrl,
  cookies,
  src: [],
  googleIds: [],
  block,
});

const months6 = { nb: '6 måneder', nn: '6 månader', en: '6 months' };
const session = { nb: 'Økten', nn: 'Økta', en: 'Session' };

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
    { nb: 'Viser videoer fra YouTube. Google får vite at du så videoen, og kan bruke det til annonser.', nn: 'Viser videoar frå YouTube. Google får vite at du såg videoen, og kan bruke det til annonsar.', en: 'Shows videos from YouTube. Google learns that you watched, and may use it for ads.' },
    [
      { name: 'VISITOR_INFO1_LIVE', purpose: { nb: 'YouTube kjenner igjen nettleseren din.', nn: 'YouTube kjenner att nettlesaren din.', en: 'YouTube recognises your browser.' }, lifetime: months6, thirdParty: true },
      { name: 'YSC', purpose: { nb: 'YouTube teller visninger.', nn: 'YouTube tel visingar.', en: 'YouTube counts views.' }, lifetime: session, thirdParty: true },
    ],
    ['www.youtube.com/embed/', 'youtube.com/embed/', 'www.youtube-nocookie.com/embed/'],
  ),
  embed(
    'vimeo',
    'Vimeo',
    'analytics',
    'Vimeo.com, Inc.',
    'https://vimeo.com/privacy',
    { nb: 'Viser videoer fra Vimeo, som måler hvordan de blir sett.', nn: 'Viser videoar frå Vimeo, som måler korleis dei blir sette.', en: 'Shows videos from Vimeo, which measures how they are watched.' },
    [{ name: 'vuid', purpose: { nb: 'Vimeo skiller seere fra hverandre.', nn: 'Vimeo skil sjåarar frå kvarandre.', en: 'Vimeo tells viewers apart.' }, lifetime: years2, thirdParty: true }],
    ['player.vimeo.com/video/'],
  ),
  embed(
    'google-maps',
    'Google Maps',
    'marketing',
    GOOGLE,
    GOOGLE_PRIVACY,
    { nb: 'Viser kart fra Google. Google får vite at du så kartet, og kan bruke det til annonser.', nn: 'Viser kart frå Google. Google får vite at du såg kartet, og kan bruke det til annonsar.', en: 'Shows maps from Google. Google learns that you viewed the map, and may use it for ads.' },
    [{ name: 'NID', purpose: { nb: 'Google husker innstillinger og kan tilpasse annonser.', nn: 'Google hugsar innstillingar og kan tilpasse annonsar.', en: 'Google remembers settings and may tailor ads.' }, lifetime: months6, thirdParty: true }],
    ['www.google.com/maps/embed', 'maps.google.com/maps'],
  ),
];
