import { COOKIE_NAME } from './settings';
import type { Config, Lang, Service } from './types';

/**
 * What visitors read about the built-in services: each one's description and its cookie table
 * (what each cookie is for and how long it lives), per language. Only the face carries it: the
 * engine's data for the same services (ids, purposes, providers, cookie names, what to hold
 * back) is in presets.ts, and `withPresetTexts` puts the two together when the face is drawn.
 * Lifetimes follow what each provider documents; update them here (in every language) when a
 * provider changes them.
 *
 * Google's cookies as Google documents them: Analytics in "[GA4] Cookie usage on websites"
 * (support.google.com/analytics/answer/11397207), Ads in "Advertising and measurement cookies"
 * (business.safety.google/adscookies); IDE lives 13 months in the EEA. Meta's as Meta documents
 * them in its cookie policy (facebook.com/privacy/policies/cookies): `_fbp` on the site and `fr`
 * on facebook.com, both 90 days, for advertising and measurement.
 */
interface PresetTexts {
  /** Each built-in service's description, by its id. */
  readonly about: Readonly<Record<string, string>>;
  /** What each built-in cookie is for and how long it lives, by its name; `{days}` is the owner's validity period, filled where the table is drawn (ui/services.tsx). */
  readonly cookies: Readonly<Record<string, readonly [purpose: string, lifetime: string]>>;
}

const nb: PresetTexts = {
  about: {
    samtykke: 'Husker valget ditt om informasjonskapsler, slik at vi ikke spør på hver side.',
    'google-ads': 'Måler om annonsene våre på Google fører til henvendelser, og kan vise deg våre annonser senere.',
    'google-analytics': 'Teller besøk og viser hvilke sider som brukes, slik at vi kan gjøre nettstedet bedre.',
    'meta-pixel': 'Måler om annonsene våre på Facebook og Instagram fører til henvendelser, og kan vise deg annonsene våre der.',
    youtube: 'Viser videoer fra YouTube. Google får vite at du så videoen, og kan bruke det til annonser.',
    vimeo: 'Viser videoer fra Vimeo, som måler hvordan de blir sett.',
    'google-maps': 'Viser kart fra Google. Google får vite at du så kartet, og kan bruke det til annonser.',
  },
  cookies: {
    [COOKIE_NAME]: ['Lagrer valget ditt og når du tok det.', '{days} dager'],
    '_gcl_*': ['Kobler annonseklikk og annonsevisninger hos Google til besøk her, for å måle om annonsene virker.', '90 dager'],
    '_gac_*': ['Husker hvilken Google-annonse du kom fra, når Analytics er koblet til Google Ads.', '90 dager'],
    _gcl_ls: ['Samme annonseklikk som _gcl_*, lagret i localStorage.', 'Til den slettes'],
    IDE: ['Googles informasjonskapsel for annonser på doubleclick.net, brukt til å vise og måle annonser.', '13 måneder'],
    _ga: ['Skiller besøkende fra hverandre i statistikken.', '2 år'],
    '_ga_*': ['Holder rede på besøket ditt (økten) for statistikken.', '2 år'],
    _fbp: ['Kjenner igjen nettleseren din, slik at Meta kan måle og tilpasse annonser på Facebook og Instagram.', '90 dager'],
    fr: ['Metas informasjonskapsel for annonser på facebook.com, brukt til å vise og måle annonser.', '90 dager'],
    VISITOR_INFO1_LIVE: ['YouTube kjenner igjen nettleseren din.', '6 måneder'],
    YSC: ['YouTube teller visninger.', 'Til du lukker nettleseren'],
    vuid: ['Vimeo skiller seere fra hverandre.', '2 år'],
    NID: ['Google husker innstillinger og kan tilpasse annonser.', '6 måneder'],
  },
};

const nn: PresetTexts = {
  about: {
    samtykke: 'Hugsar valet ditt om informasjonskapslar, slik at vi ikkje spør på kvar side.',
    'google-ads': 'Måler om annonsane våre på Google fører til førespurnader, og kan vise deg annonsane våre seinare.',
    'google-analytics': 'Tel besøk og viser kva sider som blir brukte, slik at vi kan gjere nettstaden betre.',
    'meta-pixel': 'Måler om annonsane våre på Facebook og Instagram fører til førespurnader, og kan vise deg annonsane våre der.',
    youtube: 'Viser videoar frå YouTube. Google får vite at du såg videoen, og kan bruke det til annonsar.',
    vimeo: 'Viser videoar frå Vimeo, som måler korleis dei blir sette.',
    'google-maps': 'Viser kart frå Google. Google får vite at du såg kartet, og kan bruke det til annonsar.',
  },
  cookies: {
    [COOKIE_NAME]: ['Lagrar valet ditt og når du tok det.', '{days} dagar'],
    '_gcl_*': ['Koplar annonseklikk og annonsevisingar hos Google til besøk her, for å måle om annonsane verkar.', '90 dagar'],
    '_gac_*': ['Hugsar kva Google-annonse du kom frå, når Analytics er kopla til Google Ads.', '90 dagar'],
    _gcl_ls: ['Same annonseklikk som _gcl_*, lagra i localStorage.', 'Til den blir sletta'],
    IDE: ['Googles informasjonskapsel for annonsar på doubleclick.net, brukt til å vise og måle annonsar.', '13 månader'],
    _ga: ['Skil besøkjande frå kvarandre i statistikken.', '2 år'],
    '_ga_*': ['Held greie på besøket ditt (økta) for statistikken.', '2 år'],
    _fbp: ['Kjenner att nettlesaren din, slik at Meta kan måle og tilpasse annonsar på Facebook og Instagram.', '90 dagar'],
    fr: ['Metas informasjonskapsel for annonsar på facebook.com, brukt til å vise og måle annonsar.', '90 dagar'],
    VISITOR_INFO1_LIVE: ['YouTube kjenner att nettlesaren din.', '6 månader'],
    YSC: ['YouTube tel visingar.', 'Til du lukkar nettlesaren'],
    vuid: ['Vimeo skil sjåarar frå kvarandre.', '2 år'],
    NID: ['Google hugsar innstillingar og kan tilpasse annonsar.', '6 månader'],
  },
};

const en: PresetTexts = {
  about: {
    samtykke: 'Remembers your cookie choice, so we do not ask on every page.',
    'google-ads': 'Measures whether our Google ads lead to enquiries, and may show you our ads later.',
    'google-analytics': 'Counts visits and shows which pages are used, so we can improve the site.',
    'meta-pixel': 'Measures whether our ads on Facebook and Instagram lead to enquiries, and may show you our ads there.',
    youtube: 'Shows videos from YouTube. Google learns that you watched, and may use it for ads.',
    vimeo: 'Shows videos from Vimeo, which measures how they are watched.',
    'google-maps': 'Shows maps from Google. Google learns that you viewed the map, and may use it for ads.',
  },
  cookies: {
    [COOKIE_NAME]: ['Stores your choice and when you made it.', '{days} days'],
    '_gcl_*': ['Links ad clicks and ad views on Google to visits here, to measure whether the ads work.', '90 days'],
    '_gac_*': ['Remembers which Google ad you came from, when Analytics is linked to Google Ads.', '90 days'],
    _gcl_ls: ['The same ad clicks as _gcl_*, kept in localStorage.', 'Until it is cleared'],
    IDE: ['Google\'s advertising cookie on doubleclick.net, used to show and measure ads.', '13 months'],
    _ga: ['Tells visitors apart in the statistics.', '2 years'],
    '_ga_*': ['Keeps track of your visit (the session) for the statistics.', '2 years'],
    _fbp: ['Recognises your browser, so Meta can measure and tailor ads on Facebook and Instagram.', '90 days'],
    fr: ['Meta\'s advertising cookie on facebook.com, used to show and measure ads.', '90 days'],
    VISITOR_INFO1_LIVE: ['YouTube recognises your browser.', '6 months'],
    YSC: ['YouTube counts views.', 'Until you close the browser'],
    vuid: ['Vimeo tells viewers apart.', '2 years'],
    NID: ['Google remembers settings and may tailor ads.', '6 months'],
  },
};

// A face file carries one language (the build sets __FACE_LANG__, and the comparisons fold to
// constants, as in i18n/index.ts); the full builds carry all three.
declare const __FACE_LANG__: Lang | 'all';
const BUILT_IN: Partial<Record<Lang, PresetTexts>> = {
  ...((__FACE_LANG__ === 'all' || __FACE_LANG__ === 'nb') && { nb }),
  ...((__FACE_LANG__ === 'all' || __FACE_LANG__ === 'nn') && { nn }),
  ...((__FACE_LANG__ === 'all' || __FACE_LANG__ === 'en') && { en }),
};

/** The built-in services of a config with what visitors read about them in `lang`; owners' services as they are. */
export function withPresetTexts(config: Config, lang: Lang): Config {
  const texts = BUILT_IN[lang] ?? Object.values(BUILT_IN)[0]!;
  const about = (id: string) => (Object.hasOwn(texts.about, id) ? texts.about[id] : undefined);
  const dress = (s: Service): Service => {
    // Owners' services always have a description; a preset's comes from here.
    const description = s.description ? undefined : about(s.id);
    if (description === undefined) return s;
    const cookies = s.cookies.map((c) => {
      const text = Object.hasOwn(texts.cookies, c.name) ? texts.cookies[c.name] : undefined;
      return text ? { ...c, purpose: text[0], lifetime: text[1] } : c;
    });
    return { ...s, description, cookies };
  };
  return { ...config, services: config.services.map(dress) };
}
