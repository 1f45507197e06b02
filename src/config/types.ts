import type { OptionalPurpose, Purpose } from './purposes';

export type { OptionalPurpose, Purpose };

export type Lang = 'nb' | 'nn' | 'en';

/** Owner-written text: one string for every language, or one per language (bokmål is the fallback). */
export type LocalText = string | Partial<Record<Lang, string>>;

export interface CookieInfo {
  /** Exact name, or a prefix ending in `*` (`_ga_*`), used both to show and to delete it. */
  readonly name: string;
  readonly purpose: LocalText;
  /** How long it lives, in words: "90 dager", "2 år", "Til du lukker nettleseren". */
  readonly lifetime: LocalText;
  /** Set on another domain than the site (e.g. doubleclick.net): shown, never deleted by us. */
  readonly thirdParty?: boolean;
  /** A localStorage entry, not a cookie (Google's `_gcl_ls`): removed from there on withdrawal. */
  readonly local?: boolean;
}

/** A service as the owner writes it in `window.samtykkeConfig.services`; validated into a Service. */
export interface ServiceInput {
  /** Stable id: lower-case letters, digits and "-", e.g. "facebook-pixel" (presets: `google-ads`, …). */
  readonly id: string;
  readonly name: string;
  readonly purpose: Purpose;
  /** Who receives the data, e.g. "Google Ireland Limited". */
  readonly provider: string;
  /** The provider may transfer the data to the USA: the banner says so. */
  readonly transfer?: boolean;
  readonly description: LocalText;
  /** The provider's own privacy page. */
  readonly privacyUrl?: string;
  readonly cookies?: readonly CookieInfo[];
  /** Scripts the banner loads itself once the purpose is granted. */
  readonly src?: string | readonly string[];
  /** Hosts (`connect.facebook.net`, `*.hotjar.com`) whose unmarked tags are held back. */
  readonly block?: string | readonly string[];
}

/** A service as samtykke uses it: an owner's, validated, or a preset. */
export interface Service extends Omit<ServiceInput, 'cookies' | 'src' | 'block'> {
  readonly cookies: readonly CookieInfo[];
  readonly src: readonly string[];
  /** Google tag ids (AW-…, G-…) served through gtag.js. */
  readonly googleIds: readonly string[];
  /**
   * What it loads when pasted into the page without markup, as `host[/path]` patterns
   * (`*.` for subdomains): such scripts, iframes and pixels are held back until consent.
   */
  readonly block: readonly string[];
}

export type ReopenPosition = 'bottom-left' | 'bottom-right' | 'none';
export type ConsentMode = 'basic' | 'advanced';

/** Theme knobs, each mapped to a `--samtykke-*` custom property. */
export interface Theme {
  readonly accent?: string;
  readonly accentText?: string;
  readonly background?: string;
  readonly text?: string;
  readonly radius?: string;
  readonly font?: string;
}

/** The one validated, frozen configuration; nothing else reads attributes or globals. */
export interface Config {
  /** Purposes that have at least one service, in display order (never `necessary`). */
  readonly purposes: readonly OptionalPurpose[];
  /** Every service, necessary ones included (samtykke's own cookie first). */
  readonly services: readonly Service[];
  readonly privacyUrl: string | null;
  /** `null` means: follow `<html lang>`, then bokmål. */
  readonly lang: Lang | null;
  readonly revision: string;
  readonly validityDays: number;
  readonly cookieName: string;
  readonly cookieDomain: string | null;
  readonly mode: ConsentMode;
  readonly adsDataRedaction: boolean;
  readonly urlPassthrough: boolean;
  readonly waitForUpdate: number;
  readonly reloadOnWithdraw: boolean;
  readonly reopen: ReopenPosition;
  /** Hold every third-party script and frame the owner has not declared, not only known trackers. */
  readonly strict: boolean;
  /** Owner overrides per language; keys are checked by the i18n layer. */
  readonly texts: Readonly<Partial<Record<Lang, Readonly<Record<string, string>>>>>;
  readonly theme: Theme;
  /** The owner's consent log receiver (`POST /v1/consents`), or `null`: nothing is sent. */
  readonly logUrl: string | null;
  /** The nonce of our own script tag, passed on to scripts and styles we create (strict CSP). */
  readonly nonce: string;
}

/**
 * What an owner may set in `window.samtykkeConfig` (the tag's data-* attributes are the same
 * settings as text). Anything wrong is reported in the console and replaced by the safe choice.
 */
export interface SamtykkeInput {
  /** `AW-…` (or `GT-…`) ids: one, several separated by commas, or a list. */
  readonly googleAds?: string | readonly string[];
  /** GA4 `G-…` measurement ids. */
  readonly googleAnalytics?: string | readonly string[];
  /** Meta pixel ids (digits): one, several separated by commas, or a list. */
  readonly metaPixel?: string | readonly string[];
  readonly privacyUrl?: string;
  readonly lang?: Lang;
  readonly revision?: string;
  readonly validityDays?: number;
  readonly cookieDomain?: string;
  readonly mode?: ConsentMode;
  readonly adsDataRedaction?: boolean;
  readonly urlPassthrough?: boolean;
  readonly waitForUpdate?: number;
  readonly reloadOnWithdraw?: boolean;
  readonly reopen?: ReopenPosition;
  /** Hold back every script and frame from another site that no service declares, not only the trackers samtykke knows. */
  readonly strict?: boolean;
  readonly services?: readonly ServiceInput[];
  /** Embed providers the pages use: "youtube vimeo google-maps" or a list. */
  readonly embeds?: string | readonly ('youtube' | 'vimeo' | 'google-maps')[];
  readonly texts?: Partial<Record<Lang, Record<string, string>>>;
  readonly theme?: Theme;
  /** The owner's consent log receiver, e.g. "https://log.example.no/v1/consents". */
  readonly logUrl?: string;
}
