import type { Lang } from './types';

export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];
export const COOKIE_NAME = 'samtykke';

/** How a setting reads from a `data-*` attribute of the tag (attributes are always text). */
export type AttributeKind = 'text' | 'number' | 'boolean';

/**
 * A simple value's check, told by its shape: `allowed` (one of these), `range` (a whole number
 * from … to …) or, with neither, true or false. `fallback` is used when it is wrong, and when
 * it is missing unless `unset` says otherwise.
 */
export type Rule =
  | { readonly allowed: readonly string[]; readonly fallback: string; readonly unset?: null }
  | { readonly range: readonly [number, number]; readonly fallback: number }
  | { readonly fallback: boolean };

interface Setting {
  /** Given as an attribute of the tag too (`validityDays` → `data-validity-days`); else only in window.samtykkeConfig. */
  readonly attribute?: AttributeKind;
  /** Checked by this rule; settings without one have their own checks (fields.ts, services.ts). */
  readonly rule?: Rule;
  /** Makes something optional run (a tag, a pixel, an embed): left out when the tag cannot hold it. */
  readonly optional?: true;
}

/**
 * Every setting an owner can give, in the order the warning about an unknown one lists them.
 * Reading the tag, that warning and the simple settings' checks and defaults all come from
 * here: a new setting is one row (and, unless it is a simple value, its check).
 */
export const SETTINGS = {
  googleAds: { attribute: 'text', optional: true },
  googleAnalytics: { attribute: 'text', optional: true },
  metaPixel: { attribute: 'text', optional: true },
  privacyUrl: { attribute: 'text' },
  // Left out, the language follows `<html lang>`; a wrong one falls back to bokmål.
  lang: { attribute: 'text', rule: { allowed: LANGS, fallback: 'nb', unset: null } },
  revision: { attribute: 'text' },
  validityDays: { attribute: 'number', rule: { range: [1, 395], fallback: 182 } },
  cookieDomain: { attribute: 'text' },
  mode: { attribute: 'text', rule: { allowed: ['basic', 'advanced'], fallback: 'basic' } },
  adsDataRedaction: { attribute: 'boolean', rule: { fallback: true } },
  urlPassthrough: { attribute: 'boolean', rule: { fallback: false } },
  waitForUpdate: { rule: { range: [0, 10_000], fallback: 500 } },
  reloadOnWithdraw: { attribute: 'boolean', rule: { fallback: true } },
  reopen: { attribute: 'text', rule: { allowed: ['bottom-left', 'bottom-right', 'none'], fallback: 'bottom-left' } },
  strict: { attribute: 'boolean', rule: { fallback: false } },
  services: { optional: true },
  embeds: { attribute: 'text', optional: true },
  texts: {},
  theme: {},
  // Where each decision is logged (effects/log-sender.ts); unset, nothing is sent.
  logUrl: { attribute: 'text' },
} as const satisfies Record<string, Setting>;

type SettingName = keyof typeof SETTINGS;
/** The settings checked by their row's rule alone. */
export type RuledName = { [K in SettingName]: (typeof SETTINGS)[K] extends { rule: Rule } ? K : never }[SettingName];

const row = (name: string): Setting | undefined => (SETTINGS as Record<string, Setting>)[name];

/** The tag attribute kind of a setting, or undefined when it is not one. */
export function attributeKind(name: string): AttributeKind | undefined {
  return row(name)?.attribute;
}

/** Whether a setting makes something optional run (its row says `optional`). */
export function isOptional(name: string): boolean {
  return !!row(name)?.optional;
}
