import { SETTINGS } from '../../src/config/settings';
import type { Lang, ReopenPosition, Theme } from '../../src/config/types';
import type { Hosting } from './hosting';
import type { Settings } from './tag';

/** What the owner typed, as plain strings: the form's state. */
export interface FormState {
  hosting: Hosting;
  /** Where the owner uploaded the file or folder (self-hosting only). */
  ownFolder: string;
  googleAds: string;
  googleAnalytics: string;
  metaPixel: string;
  privacyUrl: string;
  /** The ids of the embeds the site shows (`youtube`, …). */
  embeds: string[];
  lang: '' | Lang;
  reopen: ReopenPosition;
  /** Hold every undeclared third-party script and frame. */
  strict: boolean;
  /** Where each decision is logged (the consent log's receiver); empty: nothing is sent. */
  logUrl: string;
  theme: Record<ColourKey, string>;
  services: ServiceForm[];
}

export type ColourKey = 'accent' | 'accentText' | 'background' | 'text';
export const COLOUR_KEYS: readonly ColourKey[] = ['accent', 'accentText', 'background', 'text'];

export interface ServiceForm {
  id: string;
  name: string;
  purpose: string;
  provider: string;
  description: string;
  privacyUrl: string;
  src: string;
  /** What it loads when pasted into the page, `host[/path]` patterns separated by spaces. */
  block: string;
  /** The provider may move the data to the USA. */
  transfer: boolean;
  /** One cookie a line: `name | what it is for | lifetime`. */
  cookies: string;
}

/**
 * The owner's settings from the form, as the engine reads them, with what is left empty or at
 * its default left out: the paste then carries only what the owner chose.
 */
export function settingsOf(state: FormState): Settings {
  const text = (v: string) => v.trim() || undefined;
  const theme: Partial<Record<keyof Theme, string>> = {};
  for (const key of COLOUR_KEYS) if (state.theme[key].trim()) theme[key] = state.theme[key].trim();
  const services = state.services.map(serviceInput);
  return {
    googleAds: text(state.googleAds),
    googleAnalytics: text(state.googleAnalytics),
    metaPixel: text(state.metaPixel),
    // Left out when empty, so the script's own warning about a missing privacy link shows.
    privacyUrl: text(state.privacyUrl),
    lang: state.lang || undefined,
    reopen: state.reopen === SETTINGS.reopen.rule.fallback ? undefined : state.reopen,
    strict: state.strict || undefined,
    embeds: state.embeds.join(' ') || undefined,
    logUrl: text(state.logUrl),
    theme: Object.keys(theme).length ? theme : undefined,
    services: services.length ? services : undefined,
  };
}

function serviceInput(s: ServiceForm): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: s.id.trim(),
    name: s.name.trim(),
    purpose: s.purpose,
    provider: s.provider.trim(),
    description: s.description.trim(),
  };
  if (s.privacyUrl.trim()) out.privacyUrl = s.privacyUrl.trim();
  const src = s.src.split(/\s+/).filter(Boolean);
  if (src.length) out.src = src.length === 1 ? src[0] : src;
  const block = s.block.split(/[\s,]+/).filter(Boolean);
  if (block.length) out.block = block;
  if (s.transfer) out.transfer = true;
  const cookies = s.cookies
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts.some(Boolean))
    .map(([name = '', purpose = '', lifetime = '']) => ({ name, purpose, lifetime }));
  if (cookies.length) out.cookies = cookies;
  return out;
}

/** What validate() receives: the settings given, as the engine would read them from the paste. */
export const validatorInput = (settings: Settings): Record<string, unknown> => Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
