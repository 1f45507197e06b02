// samtykke's public types: what `import { samtykke } from 'samtykke'` and `window.samtykke` /
// `window.samtykkeConfig` offer. Kept by hand so the package carries the public surface only;
// test/types/public.ts fails the typecheck if any of it drifts from the source.

/** The purposes a visitor can consent to. `necessary` is always on and never asked for. */
export type Purpose = 'necessary' | 'functional' | 'analytics' | 'marketing';
export type OptionalPurpose = Exclude<Purpose, 'necessary'>;
export type Lang = 'nb' | 'nn' | 'en';
/** Owner-written text: one string for every language, or one per language (bokmål is the fallback). */
export type LocalText = string | Partial<Record<Lang, string>>;
export type ReopenPosition = 'bottom-left' | 'bottom-right' | 'none';
export type ConsentMode = 'basic' | 'advanced';

export interface CookieInfo {
  /** Exact name, or a prefix ending in `*` (`_ga_*`). */
  readonly name: string;
  readonly purpose: LocalText;
  /** How long it lives, in words: "90 dager", "2 år", "Økten". */
  readonly lifetime: LocalText;
  /** Set on another domain than the site: shown, never deleted by samtykke. */
  readonly thirdParty?: boolean;
}

/** Theme knobs, each mapped to a `--samtykke-*` custom property. */
export interface Theme {
  readonly accent?: string;
  readonly accentText?: string;
  readonly background?: string;
  readonly text?: string;
  readonly radius?: string;
  readonly font?: string;
}

/** An owner service in `window.samtykkeConfig.services`. */
export interface ServiceInput {
  /** Lower-case letters, digits and "-", e.g. "facebook-pixel". */
  readonly id: string;
  readonly name: string;
  readonly purpose: Purpose;
  readonly provider: string;
  readonly description: LocalText;
  readonly privacyUrl?: string;
  readonly cookies?: readonly CookieInfo[];
  /** Scripts loaded once the purpose is granted. */
  readonly src?: string | readonly string[];
  /** Hosts (`connect.facebook.net`, `*.hotjar.com`) whose unmarked tags are held back. */
  readonly block?: string | readonly string[];
}

/** What an owner may set in `window.samtykkeConfig`, before samtykke runs. */
export interface SamtykkeInput {
  /** `AW-…` ids: one, several separated by commas, or a list. */
  readonly googleAds?: string | readonly string[];
  /** GA4 `G-…` measurement ids. */
  readonly googleAnalytics?: string | readonly string[];
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
  readonly services?: readonly ServiceInput[];
  /** Embed providers the pages use: "youtube vimeo google-maps" or a list. */
  readonly embeds?: string | readonly ('youtube' | 'vimeo' | 'google-maps')[];
  readonly texts?: Partial<Record<Lang, Record<string, string>>>;
  readonly theme?: Theme;
}

export type SignalName =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';
export type Signals = Record<SignalName, 'granted' | 'denied'>;

/** What a visitor decided. */
export interface ConsentRecord {
  readonly schema: 1;
  /** The owner's revision at the time of the decision. */
  readonly revision: string;
  /** Random id the visitor can quote when asking about their consent. */
  readonly id: string;
  /** When the decision was made (ISO 8601). */
  readonly time: string;
  readonly choices: Readonly<Partial<Record<OptionalPurpose, boolean>>>;
}

export interface ConsentSummary {
  readonly purposes: Readonly<Record<Purpose, boolean>>;
  readonly signals: Readonly<Signals>;
}

/** The decision as the API shows it: the choices plus the Google signals they map to. */
export interface ConsentState extends ConsentRecord, ConsentSummary {}

export type SamtykkeEvent = 'change' | 'ready';
export type SamtykkeListener = (state: ConsentState | null) => void;

/** `window.samtykke`: small, stable, and safe to call with anything. */
export interface SamtykkeApi {
  readonly version: string;
  /** The decision in force with its Google signals, or `null` before one is made. */
  get(): ConsentState | null;
  has(purpose: Purpose): boolean;
  /** Opens the preferences dialog with the stored choices. */
  open(): void;
  acceptAll(): void;
  rejectAll(): void;
  /** Decides the named purposes and keeps earlier answers for the rest. */
  set(choices: Partial<Record<OptionalPurpose, boolean>>): void;
  /** Forgets the decision, withdrawing everything; the banner asks again. */
  reset(): void;
  /** Subscribes; returns the function that unsubscribes. `ready` fires at once if it already has. */
  on(event: SamtykkeEvent, listener: SamtykkeListener): () => void;
}

/**
 * The API, or `undefined`: on a server (SSR) importing does nothing, and if samtykke could not
 * start it has reported why in the console and holds everything optional back.
 */
export declare const samtykke: SamtykkeApi | undefined;

declare global {
  interface Window {
    /** samtykke's API, present once it has run. */
    samtykke?: SamtykkeApi;
    /** The owner's settings, read once when samtykke starts: set it before samtykke runs. */
    samtykkeConfig?: SamtykkeInput;
  }
}
