import type { Lang, ReopenPosition, Theme } from '../../src/config/types';

/** What the owner typed, as plain strings: the form's state. */
export interface FormState {
  hosting: 'cdn' | 'self';
  selfUrl: string;
  googleAds: string;
  googleAnalytics: string;
  metaPixel: string;
  privacyUrl: string;
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

/** The published file on jsDelivr, pinned to the version the build says it is (sri.json). */
export const cdnUrl = (version: string) => `https://cdn.jsdelivr.net/npm/samtykke@${version}/dist/samtykke.js`;

/** The parts of the generated install code, kept apart so the preview can swap the src. */
export interface Generated {
  /** data-* attributes in tag order, already typed as the script would read them. */
  readonly attributes: readonly (readonly [string, string])[];
  /** `window.samtykkeConfig`, or null when the attributes say it all. */
  readonly config: Record<string, unknown> | null;
  /** What validate() receives: the config, then the attributes on top (as readInput merges them). */
  readonly input: Record<string, unknown>;
}

const ATTRIBUTE_NAMES: Record<string, string> = {
  googleAds: 'data-google-ads',
  googleAnalytics: 'data-google-analytics',
  metaPixel: 'data-meta-pixel',
  privacyUrl: 'data-privacy-url',
  lang: 'data-lang',
  reopen: 'data-reopen',
  strict: 'data-strict',
  logUrl: 'data-log-url',
};

/**
 * Simple settings go in the tag's attributes (what Webnode owners expect to edit); settings
 * that are structures (colours, services) need the `window.samtykkeConfig` block before it.
 */
export function generate(state: FormState): Generated {
  const attrs: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (value.trim()) attrs[key] = value.trim();
  };
  put('googleAds', state.googleAds);
  put('googleAnalytics', state.googleAnalytics);
  put('metaPixel', state.metaPixel);
  // Left out when empty, so the script's own warning about a missing privacy link shows.
  put('privacyUrl', state.privacyUrl);
  put('lang', state.lang);
  if (state.reopen !== 'bottom-left') attrs.reopen = state.reopen;
  if (state.strict) attrs.strict = 'true';
  put('logUrl', state.logUrl);

  const config: Record<string, unknown> = {};
  const theme: Partial<Record<keyof Theme, string>> = {};
  for (const key of COLOUR_KEYS) if (state.theme[key].trim()) theme[key] = state.theme[key].trim();
  if (Object.keys(theme).length) config.theme = theme;
  const services = state.services.map(serviceInput);
  if (services.length) config.services = services;

  const hasConfig = Object.keys(config).length > 0;
  return {
    attributes: Object.entries(attrs).map(([k, v]) => [ATTRIBUTE_NAMES[k]!, v] as const),
    config: hasConfig ? config : null,
    // As readInput types the attribute: a switch is true or false, not text.
    input: { ...config, ...attrs, ...(attrs.strict ? { strict: true } : {}) },
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

/** Never an unpinned CDN address: without a known version the tag points at the uploaded file. */
export function scriptSrc(state: FormState, version: string | null): string {
  return state.hosting === 'cdn' && version ? cdnUrl(version) : state.selfUrl.trim() || '/samtykke.js';
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The exact code to paste into Webnode's header field. */
export function installCode(g: Generated, src: string, integrity: string | null): string {
  const parts: string[] = [];
  if (g.config) {
    // `</` is escaped so a text containing "</script>" cannot end the block early.
    const json = JSON.stringify(g.config, null, 2).replace(/<\//g, '<\\/');
    parts.push(`<script>\nwindow.samtykkeConfig = ${json};\n</script>`);
  }
  const attrs = [`src="${escapeAttr(src)}"`];
  if (integrity) attrs.push(`integrity="${integrity}"`, 'crossorigin="anonymous"');
  for (const [name, value] of g.attributes) attrs.push(`${name}="${escapeAttr(value)}"`);
  parts.push(`<script ${attrs.join(' ')}></script>`);
  return parts.join('\n');
}
