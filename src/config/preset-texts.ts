import type { Config, CookieInfo, LocalText, Service } from './types';

/**
 * What visitors read about the built-in services: each one's description and its cookie table
 * (what each cookie is for and how long it lives). Only the face carries it: the engine's data
 * for the same services (ids, purposes, providers, cookie names, what to hold back) is in
 * presets.ts, and `withPresetTexts` puts the two together when the face is drawn. Cookie
 * lifetimes follow Google's and scanners' published figures; update them here when Google
 * changes them.
 */

type CookieText = Pick<CookieInfo, 'name' | 'purpose' | 'lifetime'>;

const days90 = { nb: '90 dager', nn: '90 dagar', en: '90 days' };
const years2 = { nb: '2 år', nn: '2 år', en: '2 years' };
const byGoogle = { nb: 'Bestemmes av Google (inntil 13 måneder)', nn: 'Avgjort av Google (inntil 13 månader)', en: 'Set by Google (up to 13 months)' };

const adsCookies: readonly CookieText[] = [
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
  },
];

const analyticsCookies: readonly CookieText[] = [
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

const months6 = { nb: '6 måneder', nn: '6 månader', en: '6 months' };
const session = { nb: 'Økten', nn: 'Økta', en: 'Session' };

/** samtykke's own cookie, which lives as long as the owner's validity period. */
function ownCookie(name: string, validityDays: number): CookieText {
  return {
    name,
    purpose: { nb: 'Lagrer valget ditt og når du tok det.', nn: 'Lagrar valet ditt og når du tok det.', en: 'Stores your choice and when you made it.' },
    lifetime: { nb: `${validityDays} dager`, nn: `${validityDays} dagar`, en: `${validityDays} days` },
  };
}

// Each service's description, in the order of presets.ts.
const googleAdsDescription: LocalText = {
  nb: 'Måler om annonsene våre på Google fører til henvendelser, og kan vise deg våre annonser senere.',
  nn: 'Måler om annonsane våre på Google fører til førespurnader, og kan vise deg annonsane våre seinare.',
  en: 'Measures whether our Google ads lead to enquiries, and may show you our ads later.',
};
const googleAnalyticsDescription: LocalText = {
  nb: 'Teller besøk og viser hvilke sider som brukes, slik at vi kan gjøre nettstedet bedre.',
  nn: 'Tel besøk og viser kva sider som blir brukte, slik at vi kan gjere nettstaden betre.',
  en: 'Counts visits and shows which pages are used, so we can improve the site.',
};
const samtykkeDescription: LocalText = {
  nb: 'Husker valget ditt om informasjonskapsler, slik at vi ikke spør på hver side.',
  nn: 'Hugsar valet ditt om informasjonskapslar, slik at vi ikkje spør på kvar side.',
  en: 'Remembers your cookie choice, so we do not ask on every page.',
};
const youtubeDescription: LocalText = { nb: 'Viser videoer fra YouTube. Google får vite at du så videoen, og kan bruke det til annonser.', nn: 'Viser videoar frå YouTube. Google får vite at du såg videoen, og kan bruke det til annonsar.', en: 'Shows videos from YouTube. Google learns that you watched, and may use it for ads.' };
const vimeoDescription: LocalText = { nb: 'Viser videoer fra Vimeo, som måler hvordan de blir sett.', nn: 'Viser videoar frå Vimeo, som måler korleis dei blir sette.', en: 'Shows videos from Vimeo, which measures how they are watched.' };
const googleMapsDescription: LocalText = { nb: 'Viser kart fra Google. Google får vite at du så kartet, og kan bruke det til annonser.', nn: 'Viser kart frå Google. Google får vite at du såg kartet, og kan bruke det til annonsar.', en: 'Shows maps from Google. Google learns that you viewed the map, and may use it for ads.' };

const youtubeCookies: readonly CookieText[] = [
  { name: 'VISITOR_INFO1_LIVE', purpose: { nb: 'YouTube kjenner igjen nettleseren din.', nn: 'YouTube kjenner att nettlesaren din.', en: 'YouTube recognises your browser.' }, lifetime: months6},
  { name: 'YSC', purpose: { nb: 'YouTube teller visninger.', nn: 'YouTube tel visingar.', en: 'YouTube counts views.' }, lifetime: session},
];

const vimeoCookies: readonly CookieText[] = [{ name: 'vuid', purpose: { nb: 'Vimeo skiller seere fra hverandre.', nn: 'Vimeo skil sjåarar frå kvarandre.', en: 'Vimeo tells viewers apart.' }, lifetime: years2}];

const googleMapsCookies: readonly CookieText[] = [{ name: 'NID', purpose: { nb: 'Google husker innstillinger og kan tilpasse annonser.', nn: 'Google hugsar innstillingar og kan tilpasse annonsar.', en: 'Google remembers settings and may tailor ads.' }, lifetime: months6}];

/** Each built-in service's texts by its id; the own cookie's lifetime follows the owner's setting. */
const TEXTS: Record<string, (config: Config) => readonly [LocalText, readonly CookieText[]]> = {
  samtykke: (config) => [samtykkeDescription, [ownCookie(config.cookieName, config.validityDays)]],
  'google-ads': () => [googleAdsDescription, adsCookies],
  'google-analytics': () => [googleAnalyticsDescription, analyticsCookies],
  youtube: () => [youtubeDescription, youtubeCookies],
  vimeo: () => [vimeoDescription, vimeoCookies],
  'google-maps': () => [googleMapsDescription, googleMapsCookies],
};

/** The built-in services of a config with the texts visitors read about them; owners' services as they are. */
export function withPresetTexts(config: Config): Config {
  const dress = (s: Service): Service => {
    const texts = Object.hasOwn(TEXTS, s.id) && !s.description ? TEXTS[s.id]!(config) : null;
    if (!texts) return s;
    const [description, cookies] = texts;
    return { ...s, description, cookies: s.cookies.map((c) => ({ ...c, ...cookies.find((t) => t.name === c.name) })) };
  };
  return { ...config, services: config.services.map(dress) };
}
