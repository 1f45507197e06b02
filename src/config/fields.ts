import { describe, report } from '../core/report';
import { LANGS, SETTINGS, type Rule, type RuledName } from './settings';
import type { Config, Lang, LocalText, Theme } from './types';

/** Reports a wrong value once, naming the setting and the fix. */
export type Fail = (field: string, fix: string) => void;
export const fail: Fail = (field, fix) => report('error', `${field}: ${fix}`);

export type Input = Record<string, unknown>;

/** A simple setting by its rule in settings.ts: the owner's value when it is right, else the default. */
export function ruled<T>(input: Input, name: RuledName): T {
  const rule: Rule = SETTINGS[name].rule;
  const v = input[name];
  const { fallback } = rule;
  if (v === undefined) return fallback as T;
  if ('allowed' in rule) {
    if ((rule.allowed as readonly unknown[]).includes(v)) return v as T;
    fail(name, `${describe(v)} is not allowed; use one of ${rule.allowed.map((a) => `"${a}"`).join(', ')}. Using "${fallback}".`);
  } else if ('range' in rule) {
    const [min, max] = rule.range;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v as T;
    fail(name, `must be a whole number from ${min} to ${max}, not ${describe(v)}. Using ${fallback}.`);
  } else {
    if (typeof v === 'boolean') return v as T;
    fail(name, `must be true or false, not ${describe(v)}. Using ${fallback}.`);
  }
  return fallback as T;
}

/** A web address (absolute, or relative to `href`) as given, or null when it is not one. */
export function url(field: string, v: unknown, href: string): string | null {
  if (typeof v === 'string' && v.trim()) {
    try {
      const parsed = new URL(v.trim(), href);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return v.trim();
    } catch {
      /* reported below */
    }
  }
  fail(field, `${describe(v)} is not a web address; give a path like "/personvern/" or a full https:// address.`);
  return null;
}

/** A list of ids (a list, or text separated by spaces or commas); a wrong one is left out. */
export function ids(input: Input, field: string, pattern: RegExp, example: string): string[] {
  const v = input[field];
  if (v === undefined || v === '') return [];
  const list = typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : Array.isArray(v) ? v : [v];
  return list.filter((id): id is string => {
    if (typeof id === 'string' && pattern.test(id)) return true;
    fail(field, `${describe(id)} is not a valid id; it looks like "${example}". Nothing is loaded for it.`);
    return false;
  });
}

export function localText(v: unknown): v is LocalText {
  return typeof v === 'string' || (isObject(v) && Object.entries(v).every(([k, t]) => LANGS.includes(k as Lang) && typeof t === 'string'));
}

export function texts(v: unknown): Config['texts'] {
  const out = Object.create(null) as Partial<Record<Lang, Record<string, string>>>;
  if (v === undefined) return out;
  if (!isObject(v)) {
    fail('texts', 'must be { nb: { key: "text" }, en: { … } }.');
    return out;
  }
  for (const [lang, strings] of Object.entries(v)) {
    if (!LANGS.includes(lang as Lang) || !isObject(strings)) {
      fail(`texts.${lang}`, `use a language code (${LANGS.join(', ')}) holding { key: "text" } pairs; ignored.`);
      continue;
    }
    const kept = Object.create(null) as Record<string, string>;
    for (const [key, text] of Object.entries(strings)) {
      if (typeof text === 'string') kept[key] = text;
      else fail(`texts.${lang}.${key}`, 'must be a text; the built-in text is used.');
    }
    out[lang as Lang] = kept;
  }
  return out;
}

const THEME_KEYS: readonly (keyof Theme)[] = ['accent', 'accentText', 'background', 'text', 'radius', 'font'];

// Theme values become CSS custom properties. Only what each key needs is accepted — a colour,
// a length, font-family names — so a theme can never fetch anything (`url()`, `image-set()`)
// or smuggle in a rule: no value may hold a function other than the colour ones, or a quote
// that is not a font name's.
const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([\d\s.,%/deg+-]*\))$/i;
const LENGTH = /^(0|[\d.]+(px|r?em|%))( (0|[\d.]+(px|r?em|%))){0,3}$/;
const FONT = /^("[\w .-]+"|'[\w .-]+'|[a-z][\w -]*)(, ?("[\w .-]+"|'[\w .-]+'|[a-z][\w -]*))*$/i;
const THEME_RULES: Record<keyof Theme, { readonly pattern: RegExp; readonly example: string }> = {
  accent: { pattern: COLOUR, example: 'a colour such as "#0b5cad"' },
  accentText: { pattern: COLOUR, example: 'a colour such as "#ffffff"' },
  background: { pattern: COLOUR, example: 'a colour such as "#ffffff"' },
  text: { pattern: COLOUR, example: 'a colour such as "#1a1a1a"' },
  radius: { pattern: LENGTH, example: 'a length such as "8px"' },
  font: { pattern: FONT, example: 'font names such as "Inter, sans-serif"' },
};

export function theme(v: unknown): Theme {
  const out = Object.create(null) as Record<string, string>;
  if (v === undefined) return out;
  if (!isObject(v)) {
    fail('theme', `must be an object with any of ${THEME_KEYS.join(', ')}.`);
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    const rule = THEME_KEYS.includes(key as keyof Theme) ? THEME_RULES[key as keyof Theme] : undefined;
    if (!rule) fail(`theme.${key}`, `is not a theme setting; use ${THEME_KEYS.join(', ')}. Ignored.`);
    else if (typeof value === 'string' && value.length <= 200 && rule.pattern.test(value.trim())) out[key] = value.trim();
    else fail(`theme.${key}`, `${describe(value)} is not allowed; give ${rule.example}. Ignored.`);
  }
  return out;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
