import type { Config, Lang, LocalText } from '../config/types';
import { say } from '../core/report';
import { en } from './en';
import { visitorLang } from './lang';
import { nb, type Key, type Texts } from './nb';
import { nn } from './nn';

export { pageLang } from './lang';

// A face file carries one language (the build sets __FACE_LANG__; the comparisons fold to
// constants, so the other languages' texts are left out); the full builds carry all three.
declare const __FACE_LANG__: Lang | 'all';
const BUILT_IN: Partial<Record<Lang, Texts>> = {
  ...((__FACE_LANG__ === 'all' || __FACE_LANG__ === 'nb') && { nb }),
  ...((__FACE_LANG__ === 'all' || __FACE_LANG__ === 'nn') && { nn }),
  ...((__FACE_LANG__ === 'all' || __FACE_LANG__ === 'en') && { en }),
};
/** Every language has the same keys: those of whichever this build carries. */
const FALLBACK = Object.values(BUILT_IN)[0]!;

export interface I18n {
  readonly lang: Lang;
  readonly t: Texts;
  /** Picks the visitor's language out of owner or preset text, falling back to bokmål. */
  local(text: LocalText): string;
}

export function i18n(config: Config, htmlLang = document.documentElement.lang): I18n {
  const lang = visitorLang(config, htmlLang);
  const unknown: string[] = [];
  for (const [l, strings] of Object.entries(config.texts)) {
    for (const key of Object.keys(strings ?? {})) if (!Object.hasOwn(FALLBACK, key)) unknown.push(`${l}.${key}`);
  }
  // One message, not one per key: an owner with a typo should see the whole list at once.
  if (unknown.length) say('warn', `texts: unknown key(s) ${unknown.join(', ')} ignored; known keys are ${Object.keys(FALLBACK).join(', ')}.`);
  const own = config.texts[lang] ?? {};
  // The engine fetched the face of this language; should the page's language change before it
  // arrives, the face's own language is the fallback.
  const t = { ...(BUILT_IN[lang] ?? FALLBACK) };
  for (const key of Object.keys(t) as Key[]) if (typeof own[key] === 'string') t[key] = own[key];
  return {
    lang,
    t,
    local: (text) => (typeof text === 'string' ? text : text[lang] ?? text.nb ?? Object.values(text)[0] ?? ''),
  };
}
