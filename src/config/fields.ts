import { describe, report } from '../core/report';
import { LANGS, SETTINGS, type Rule, type RuledName } from './settings';
import type { Config, Lang, LocalText, Theme } from './types';

export type Input = Record<string, unknown>;

/** The simple settings, each by its rule in settings.ts: the owner's value when it is right, else its default. */
export function simpleSettings(input: Input): Pick<Config, RuledName> {
  const out: Input = {};
  for (const [name, row] of Object.entries(SETTINGS)) {
    if (!('rule' in row)) continue;
    const rule: Rule = row.rule;
    const v = input[name];
    if (v === undefined) {
      out[name] = 'unset' in rule ? rule.unset : rule.fallback;
      continue;
    }
    // Number.isInteger is false for anything that is not a number.
    const ok = 'allowed' in rule ? (rule.allowed as readonly unknown[]).includes(v) : 'range' in rule ? Number.isInteger(v) && (v as number) >= rule.range[0] && (v as number) <= rule.range[1] : typeof v === 'boolean';
    out[name] = ok ? v : rule.fallback;
    if (!ok) report('error', 'allowed' in rule ? 'setting.allowed' : 'range' in rule ? 'setting.range' : 'setting.boolean', name, describe(v));
  }
  return out as Pick<Config, RuledName>;
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
  report('error', 'address.invalid', field, describe(v));
  return null;
}

/** A setting that takes one value or a list of them, as a list. */
export const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The same, where text may also hold several, separated by spaces or commas. */
export const words = (v: unknown): unknown[] => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : list(v));

/** A list of ids (a list, or text separated by spaces or commas); a wrong one is left out. */
export function ids(input: Input, field: string, pattern: RegExp): string[] {
  return words(input[field]).filter((id): id is string => {
    if (typeof id === 'string' && pattern.test(id)) return true;
    report('error', 'id.invalid', field, describe(id));
    return false;
  });
}

export function localText(v: unknown): v is LocalText {
  return typeof v === 'string' || (isObject(v) && Object.entries(v).every(([k, t]) => LANGS.includes(k as Lang) && typeof t === 'string'));
}

/** The entries of a setting that is an object; none when it is left out, or (said once) not an object. */
function entriesOf(v: unknown, wrongShape: 'texts.shape' | 'theme.shape'): [string, unknown][] {
  if (isObject(v)) return Object.entries(v);
  if (v !== undefined) report('error', wrongShape);
  return [];
}

export function texts(v: unknown): Config['texts'] {
  const out = Object.create(null) as Partial<Record<Lang, Record<string, string>>>;
  for (const [lang, strings] of entriesOf(v, 'texts.shape')) {
    if (!LANGS.includes(lang as Lang) || !isObject(strings)) {
      report('error', 'texts.lang', lang);
      continue;
    }
    const kept = Object.create(null) as Record<string, string>;
    for (const [key, text] of Object.entries(strings)) {
      if (typeof text === 'string') kept[key] = text;
      else report('error', 'texts.text', lang, key);
    }
    out[lang as Lang] = kept;
  }
  return out;
}

// Theme values become CSS custom properties. Only what each key needs is accepted — a colour,
// a length, font-family names — so a theme can never fetch anything (`url()`, `image-set()`)
// or smuggle in a rule: no value may hold a function other than the colour ones, or a quote
// that is not a font name's.
const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([\d\s.,%/deg+-]*\))$/i;
const LENGTH = /^(0|[\d.]+(px|r?em|%))( (0|[\d.]+(px|r?em|%))){0,3}$/;
const FONT = /^("[\w .-]+"|'[\w .-]+'|[a-z][\w -]*)(, ?("[\w .-]+"|'[\w .-]+'|[a-z][\w -]*))*$/i;
// (What each takes, in words, is in help/messages.ts.)
const THEME_RULES: Record<keyof Theme, RegExp> = { accent: COLOUR, accentText: COLOUR, background: COLOUR, text: COLOUR, radius: LENGTH, font: FONT };

export function theme(v: unknown): Theme {
  const out = Object.create(null) as Record<string, string>;
  for (const [key, value] of entriesOf(v, 'theme.shape')) {
    const rule = Object.hasOwn(THEME_RULES, key) ? THEME_RULES[key as keyof Theme] : undefined;
    if (!rule) report('error', 'theme.key', key);
    else if (typeof value === 'string' && value.length <= 200 && rule.test(value.trim())) out[key] = value.trim();
    else report('error', 'theme.value', key, describe(value));
  }
  return out;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
