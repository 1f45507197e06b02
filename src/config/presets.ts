import type { CookieInfo, Service } from './types';

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
  };
}
