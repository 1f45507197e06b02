import type { CookieInfo, LocalText } from './types';

/**
 * What visitors read about the built-in services: each one's description and its cookie table
 * (what each cookie is for and how long it lives). The engine's data for the same services
 * (ids, purposes, providers, what to hold back) is in presets.ts. Lifetimes follow what each
 * provider documents (sources next to each table); update them here when a provider changes them.
 */

const days90 = { nb: '90 dager', nn: '90 dagar', en: '90 days' };
const years2 = { nb: '2 år', nn: '2 år', en: '2 years' };
const months13 = { nb: '13 måneder', nn: '13 månader', en: '13 months' };
const untilCleared = { nb: 'Til den slettes', nn: 'Til den blir sletta', en: 'Until it is cleared' };

/*
 * Google's cookies as Google documents them: Analytics in "[GA4] Cookie usage on websites"
 * (support.google.com/analytics/answer/11397207), Ads in "Advertising and measurement cookies"
 * (business.safety.google/adscookies). IDE lives 13 months in the EEA. `_gac_*` holds the Ads
 * click id, so it belongs to Markedsføring even when Analytics writes it.
 */
export const adsCookies: readonly CookieInfo[] = [
  {
    // One prefix for _gcl_au, _gcl_aw, _gcl_dc, _gcl_gs and _gcl_gb.
    name: '_gcl_*',
    purpose: { nb: 'Kobler annonseklikk og annonsevisninger hos Google til besøk her, for å måle om annonsene virker.', nn: 'Koplar annonseklikk og annonsevisingar hos Google til besøk her, for å måle om annonsane verkar.', en: 'Links ad clicks and ad views on Google to visits here, to measure whether the ads work.' },
    lifetime: days90,
  },
  {
    name: '_gac_*',
    purpose: { nb: 'Husker hvilken Google-annonse du kom fra, når Analytics er koblet til Google Ads.', nn: 'Hugsar kva Google-annonse du kom frå, når Analytics er kopla til Google Ads.', en: 'Remembers which Google ad you came from, when Analytics is linked to Google Ads.' },
    lifetime: days90,
  },
  {
    name: '_gcl_ls',
    purpose: { nb: 'Samme annonseklikk som _gcl_*, lagret i localStorage.', nn: 'Same annonseklikk som _gcl_*, lagra i localStorage.', en: 'The same ad clicks as _gcl_*, kept in localStorage.' },
    lifetime: untilCleared,
    local: true,
  },
  {
    name: 'IDE',
    purpose: { nb: 'Googles informasjonskapsel for annonser på doubleclick.net, brukt til å vise og måle annonser.', nn: 'Googles informasjonskapsel for annonsar på doubleclick.net, brukt til å vise og måle annonsar.', en: "Google's advertising cookie on doubleclick.net, used to show and measure ads." },
    lifetime: months13,
    thirdParty: true,
  },
];

export const analyticsCookies: readonly CookieInfo[] = [
  {
    name: '_ga',
    purpose: { nb: 'Skiller besøkende fra hverandre i statistikken.', nn: 'Skil besøkjande frå kvarandre i statistikken.', en: 'Tells visitors apart in the statistics.' },
    lifetime: years2,
  },
  {
    name: '_ga_*',
    purpose: { nb: 'Holder rede på besøket ditt (økten) for statistikken.', nn: 'Held greie på besøket ditt (økta) for statistikken.', en: 'Keeps track of your visit (the session) for the statistics.' },
    lifetime: years2,
  },
];

/*
 * Meta's cookies as Meta documents them in its cookie policy (facebook.com/privacy/policies/cookies):
 * `_fbp` on the site and `fr` on facebook.com, both 90 days, for advertising and measurement.
 */
export const metaCookies: readonly CookieInfo[] = [
  {
    name: '_fbp',
    purpose: { nb: 'Kjenner igjen nettleseren din, slik at Meta kan måle og tilpasse annonser på Facebook og Instagram.', nn: 'Kjenner att nettlesaren din, slik at Meta kan måle og tilpasse annonsar på Facebook og Instagram.', en: 'Recognises your browser, so Meta can measure and tailor ads on Facebook and Instagram.' },
    lifetime: days90,
  },
  {
    name: 'fr',
    purpose: { nb: 'Metas informasjonskapsel for annonser på facebook.com, brukt til å vise og måle annonser.', nn: 'Metas informasjonskapsel for annonsar på facebook.com, brukt til å vise og måle annonsar.', en: "Meta's advertising cookie on facebook.com, used to show and measure ads." },
    lifetime: days90,
    thirdParty: true,
  },
];

export const metaPixelDescription: LocalText = {
  nb: 'Måler om annonsene våre på Facebook og Instagram fører til henvendelser, og kan vise deg annonsene våre der.',
  nn: 'Måler om annonsane våre på Facebook og Instagram fører til førespurnader, og kan vise deg annonsane våre der.',
  en: 'Measures whether our ads on Facebook and Instagram lead to enquiries, and may show you our ads there.',
};

const months6 = { nb: '6 måneder', nn: '6 månader', en: '6 months' };
const session = { nb: 'Til du lukker nettleseren', nn: 'Til du lukkar nettlesaren', en: 'Until you close the browser' };

/** samtykke's own cookie, which lives as long as the owner's validity period. */
export function ownCookie(name: string, validityDays: number): CookieInfo {
  return {
    name,
    purpose: { nb: 'Lagrer valget ditt og når du tok det.', nn: 'Lagrar valet ditt og når du tok det.', en: 'Stores your choice and when you made it.' },
    lifetime: { nb: `${validityDays} dager`, nn: `${validityDays} dagar`, en: `${validityDays} days` },
  };
}

// Each service's description, in the order of presets.ts.
export const googleAdsDescription: LocalText = {
  nb: 'Måler om annonsene våre på Google fører til henvendelser, og kan vise deg våre annonser senere.',
  nn: 'Måler om annonsane våre på Google fører til førespurnader, og kan vise deg annonsane våre seinare.',
  en: 'Measures whether our Google ads lead to enquiries, and may show you our ads later.',
};
export const googleAnalyticsDescription: LocalText = {
  nb: 'Teller besøk og viser hvilke sider som brukes, slik at vi kan gjøre nettstedet bedre.',
  nn: 'Tel besøk og viser kva sider som blir brukte, slik at vi kan gjere nettstaden betre.',
  en: 'Counts visits and shows which pages are used, so we can improve the site.',
};
export const samtykkeDescription: LocalText = {
  nb: 'Husker valget ditt om informasjonskapsler, slik at vi ikke spør på hver side.',
  nn: 'Hugsar valet ditt om informasjonskapslar, slik at vi ikkje spør på kvar side.',
  en: 'Remembers your cookie choice, so we do not ask on every page.',
};
export const youtubeDescription: LocalText = { nb: 'Viser videoer fra YouTube. Google får vite at du så videoen, og kan bruke det til annonser.', nn: 'Viser videoar frå YouTube. Google får vite at du såg videoen, og kan bruke det til annonsar.', en: 'Shows videos from YouTube. Google learns that you watched, and may use it for ads.' };
export const vimeoDescription: LocalText = { nb: 'Viser videoer fra Vimeo, som måler hvordan de blir sett.', nn: 'Viser videoar frå Vimeo, som måler korleis dei blir sette.', en: 'Shows videos from Vimeo, which measures how they are watched.' };
export const googleMapsDescription: LocalText = { nb: 'Viser kart fra Google. Google får vite at du så kartet, og kan bruke det til annonser.', nn: 'Viser kart frå Google. Google får vite at du såg kartet, og kan bruke det til annonsar.', en: 'Shows maps from Google. Google learns that you viewed the map, and may use it for ads.' };

export const youtubeCookies: readonly CookieInfo[] = [
  { name: 'VISITOR_INFO1_LIVE', purpose: { nb: 'YouTube kjenner igjen nettleseren din.', nn: 'YouTube kjenner att nettlesaren din.', en: 'YouTube recognises your browser.' }, lifetime: months6, thirdParty: true },
  { name: 'YSC', purpose: { nb: 'YouTube teller visninger.', nn: 'YouTube tel visingar.', en: 'YouTube counts views.' }, lifetime: session, thirdParty: true },
];

export const vimeoCookies: readonly CookieInfo[] = [{ name: 'vuid', purpose: { nb: 'Vimeo skiller seere fra hverandre.', nn: 'Vimeo skil sjåarar frå kvarandre.', en: 'Vimeo tells viewers apart.' }, lifetime: years2, thirdParty: true }];

export const googleMapsCookies: readonly CookieInfo[] = [{ name: 'NID', purpose: { nb: 'Google husker innstillinger og kan tilpasse annonser.', nn: 'Google hugsar innstillingar og kan tilpasse annonsar.', en: 'Google remembers settings and may tailor ads.' }, lifetime: months6, thirdParty: true }];
