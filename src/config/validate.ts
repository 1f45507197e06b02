import { report } from '../core/report';
import { REVISION_PATTERN } from '../consent/record';
import { embedPresets, googleAds, googleAnalytics, ownService } from './presets';
import type { Config, CookieInfo, Lang, LocalText, OptionalPurpose, Purpose, Service, Theme } from './types';

export const COOKIE_NAME = 'samtykke';
export const DEFAULT_VALIDITY_DAYS = 182;
export const MAX_VALIDITY_DAYS = 395;

/** A host (its labels, optionally `*.` first) and an optional path prefix. */
const BLOCK_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;
const PURPOSE_ORDER: readonly OptionalPurpose[] = ['functional', 'analytics', 'marketing'];
const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];
const THEME_KEYS: readonly (keyof Theme)[] = ['accent', 'accentText', 'background', 'text', 'radius', 'font'];
const KNOWN_KEYS = [
  'googleAds', 'googleAnalytics', 'privacyUrl', 'lang', 'revision', 'validityDays', 'cookieDomain',
  'mode', 'adsDataRedaction', 'urlPassthrough', 'waitForUpdate', 'reloadOnWithdraw', 'reopen',
  'services', 'embeds', 'texts', 'theme',
];

/** Where the page is, for the checks that depend on it (cookie domain, relative URLs). */
export interface Place {
  readonly href: string;
  readonly hostname: string;
  readonly nonce: string;
}

type Input = Record<string, unknown>;

/**
 * Turns the owner's input into the one frozen Config. A wrong value never throws: it is
 * reported once, naming the setting and the fix, and replaced by the safe choice — which for
 * anything that would load a tracker means "leave it out".
 */
export function validate(input: Input, place: Place): Config {
  const fail = (field: string, fix: string) => report('error', `${field}: ${fix}`);

  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.includes(key)) report('warn', `unknown setting "${key}" is ignored. Known settings: ${KNOWN_KEYS.join(', ')}.`);
  }

  const oneOf = <T extends string>(field: string, allowed: readonly T[], fallback: T): T => {
    const v = input[field];
    if (v === undefined) return fallback;
    if (allowed.includes(v as T)) return v as T;
    fail(field, `${JSON.stringify(v)} is not allowed; use one of ${allowed.map((a) => `"${a}"`).join(', ')}. Using "${fallback}".`);
    return fallback;
  };
  const flag = (field: string, fallback: boolean): boolean => {
    const v = input[field];
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    fail(field, `must be true or false, not ${JSON.stringify(v)}. Using ${fallback}.`);
    return fallback;
  };
  const whole = (field: string, min: number, max: number, fallback: number): number => {
    const v = input[field];
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    fail(field, `must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}. Using ${fallback}.`);
    return fallback;
  };
  const url = (field: string, v: unknown): string | null => {
    if (typeof v === 'string' && v.trim()) {
      try {
        const parsed = new URL(v.trim(), place.href);
        if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return v.trim();
      } catch {
        /* reported below */
      }
    }
    fail(field, `${JSON.stringify(v)} is not a web address; give a path like "/personvern/" or a full https:// address.`);
    return null;
  };
  const ids = (field: string, pattern: RegExp, example: string): string[] => {
    const v = input[field];
    if (v === undefined || v === '') return [];
    const list = typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : Array.isArray(v) ? v : [v];
    return list.filter((id): id is string => {
      if (typeof id === 'string' && pattern.test(id)) return true;
      fail(field, `${JSON.stringify(id)} is not a valid id; it looks like "${example}". Nothing is loaded for it.`);
      return false;
    });
  };

  const validityDays = whole('validityDays', 1, MAX_VALIDITY_DAYS, DEFAULT_VALIDITY_DAYS);

  let privacyUrl: string | null = null;
  if (input.privacyUrl === undefined) {
    report('warn', 'privacyUrl is not set: the banner must link to your privacy notice. Add data-privacy-url="/personvern/" to the script tag.');
  } else privacyUrl = url('privacyUrl', input.privacyUrl);

  let revision = '1';
  if (input.revision !== undefined) {
    const r = String(input.revision);
    if (REVISION_PATTERN.test(r)) revision = r;
    else fail('revision', `${JSON.stringify(input.revision)} must be 1–32 letters, digits, "-" or "_" (e.g. "2025-01"). Using "1".`);
  }

  let cookieDomain: string | null = null;
  if (input.cookieDomain !== undefined) {
    const d = String(input.cookieDomain).replace(/^\./, '').toLowerCase();
    if (place.hostname === d || place.hostname.endsWith('.' + d)) cookieDomain = d;
    else fail('cookieDomain', `"${d}" is not this site's domain (${place.hostname}); use it or a parent of it, or leave it out.`);
  }

  const services: Service[] = [ownService(COOKIE_NAME, validityDays, place.hostname)];
  const ads = ids('googleAds', /^AW-\d{4,}$/, 'AW-123456789');
  if (ads.length) services.push(googleAds(ads));
  const analytics = ids('googleAnalytics', /^G-[A-Z0-9]{4,}$/, 'G-ABC123XYZ');
  if (analytics.length) services.push(googleAnalytics(analytics));
  const embeds = typeof input.embeds === 'string' ? input.embeds.split(/[\s,]+/).filter(Boolean) : input.embeds ?? [];
  if (!Array.isArray(embeds)) fail('embeds', `must list embeds the site uses, e.g. "youtube vimeo google-maps"; none are named in the preferences.`);
  else {
    for (const name of embeds) {
      const preset = embedPresets.find((e) => e.id === name);
      if (preset) services.includes(preset) || services.push(preset);
      else fail('embeds', `${JSON.stringify(name)} is not known; use ${embedPresets.map((e) => `"${e.id}"`).join(', ')}, or describe it under services.`);
    }
  }
  if (input.services !== undefined) {
    if (Array.isArray(input.services)) {
      input.services.forEach((s, i) => {
        const service = ownerService(s, `services[${i}]`, fail, url);
        if (service) services.push(service);
      });
    } else fail('services', 'must be a list: services: [{ id, name, purpose, provider, description, cookies }].');
  }

  const used = new Set<Purpose>(services.map((s) => s.purpose));

  return deepFreeze({
    purposes: PURPOSE_ORDER.filter((p) => used.has(p)),
    services,
    privacyUrl,
    lang: input.lang === undefined ? null : oneOf<Lang>('lang', LANGS, 'nb'),
    revision,
    validityDays,
    cookieName: COOKIE_NAME,
    cookieDomain,
    mode: oneOf('mode', ['basic', 'advanced'], 'basic'),
    adsDataRedaction: flag('adsDataRedaction', true),
    urlPassthrough: flag('urlPassthrough', false),
    waitForUpdate: whole('waitForUpdate', 0, 10_000, 500),
    reloadOnWithdraw: flag('reloadOnWithdraw', true),
    reopen: oneOf('reopen', ['bottom-left', 'bottom-right', 'none'], 'bottom-left'),
    texts: texts(input.texts, fail),
    theme: theme(input.theme, fail),
    nonce: place.nonce,
  });
}

type Fail = (field: string, fix: string) => void;

function localText(v: unknown): v is LocalText {
  return typeof v === 'string' || (isObject(v) && Object.entries(v).every(([k, t]) => LANGS.includes(k as Lang) && typeof t === 'string'));
}

function ownerService(s: unknown, at: string, fail: Fail, url: (field: string, v: unknown) => string | null): Service | null {
  if (!isObject(s)) return fail(at, 'must be an object { id, name, purpose, provider, description, cookies }; the service is left out.'), null;
  const bad = (field: string, fix: string) => (fail(`${at}.${field}`, `${fix} The service is left out.`), null);
  if (typeof s.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(s.id)) return bad('id', 'must be lower-case letters, digits and "-", e.g. "facebook-pixel".');
  if (typeof s.name !== 'string' || !s.name) return bad('name', 'must be the name visitors know the service by.');
  if (!['necessary', ...PURPOSE_ORDER].includes(s.purpose as string)) return bad('purpose', `must be one of "necessary", "${PURPOSE_ORDER.join('", "')}".`);
  if (typeof s.provider !== 'string' || !s.provider) return bad('provider', 'must name the company that receives the data.');
  if (!localText(s.description)) return bad('description', 'must be a text, or { nb, nn, en } texts, saying what it does.');
  let privacyUrl: string | undefined;
  if (s.privacyUrl !== undefined) {
    const u = url(`${at}.privacyUrl`, s.privacyUrl);
    if (!u) return null;
    privacyUrl = u;
  }
  const cookies: CookieInfo[] = [];
  if (s.cookies !== undefined) {
    if (!Array.isArray(s.cookies)) return bad('cookies', 'must be a list of { name, purpose, lifetime }.');
    for (const [j, c] of s.cookies.entries()) {
      if (!isObject(c) || typeof c.name !== 'string' || !/^[^\s;,=]+$/.test(c.name) || !localText(c.purpose) || !localText(c.lifetime)) {
        return bad(`cookies[${j}]`, 'must be { name: "_fbp", purpose: "…", lifetime: "90 dager" } (a name ending in * matches a prefix).');
      }
      cookies.push({ name: c.name, purpose: c.purpose, lifetime: c.lifetime, ...(c.thirdParty === true ? { thirdParty: true } : {}) });
    }
  }
  const src: string[] = [];
  for (const u of s.src === undefined ? [] : Array.isArray(s.src) ? s.src : [s.src]) {
    const ok = url(`${at}.src`, u);
    if (!ok) return null;
    src.push(ok);
  }
  const block: string[] = [];
  for (const p of s.block === undefined ? [] : Array.isArray(s.block) ? s.block : [s.block]) {
    if (typeof p !== 'string' || !BLOCK_PATTERN.test(p)) return bad('block', `${JSON.stringify(p)} must be a host with an optional path, like "connect.facebook.net" or "*.hotjar.com".`);
    // Host names compare in lower case; paths are case-sensitive.
    block.push(p.replace(/^[^/]+/, (host) => host.toLowerCase()));
  }
  return {
    id: s.id,
    name: s.name,
    purpose: s.purpose as Purpose,
    provider: s.provider,
    description: s.description,
    ...(privacyUrl ? { privacyUrl } : {}),
    cookies,
    src,
    googleIds: [],
    block,
  };
}

function texts(v: unknown, fail: Fail): Config['texts'] {
  if (v === undefined) return {};
  const out: Partial<Record<Lang, Record<string, string>>> = {};
  if (!isObject(v)) return fail('texts', 'must be { nb: { key: "text" }, en: { … } }.'), out;
  for (const [lang, strings] of Object.entries(v)) {
    if (!LANGS.includes(lang as Lang) || !isObject(strings)) {
      fail(`texts.${lang}`, `use a language code (${LANGS.join(', ')}) holding { key: "text" } pairs; ignored.`);
      continue;
    }
    const kept: Record<string, string> = {};
    for (const [key, text] of Object.entries(strings)) {
      if (typeof text === 'string') kept[key] = text;
      else fail(`texts.${lang}.${key}`, 'must be a text; the built-in text is used.');
    }
    out[lang as Lang] = kept;
  }
  return out;
}

function theme(v: unknown, fail: Fail): Theme {
  if (v === undefined) return {};
  const out: Record<string, string> = {};
  if (!isObject(v)) return fail('theme', `must be an object with any of ${THEME_KEYS.join(', ')}.`), out;
  for (const [key, value] of Object.entries(v)) {
    // A CSS value never needs these; refusing them keeps a theme from smuggling in rules.
    if (THEME_KEYS.includes(key as keyof Theme) && typeof value === 'string' && !/[;{}<>]/.test(value)) out[key] = value;
    else fail(`theme.${key}`, `use one of ${THEME_KEYS.join(', ')} with a CSS value such as "#0b5cad"; ignored.`);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
