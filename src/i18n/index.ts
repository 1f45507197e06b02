import type { Config, Lang, LocalText } from '../config/types';
import { report } from '../core/report';
import { en } from './en';
import { visitorLang } from './lang';
import { nb, type Key, type Texts } from './nb';
import { nn } from './nn';

export { pageLang } from './lang';

const BUILT_IN: Record<Lang, Texts> = { nb, nn, en };

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
    for (const key of Object.keys(strings ?? {})) if (!Object.prototype.hasOwnProperty.call(nb, key)) unknown.push(`${l}.${key}`);
  }
  // One message, not one per key: an owner with a typo should see the whole list at once.
  if (unknown.length) report('warn', `texts: unknown key(s) ${unknown.join(', ')} ignored; known keys are ${Object.keys(nb).join(', ')}.`);
  const own = config.texts[lang] ?? {};
  const t = { ...BUILT_IN[lang] };
  for (const key of Object.keys(t) as Key[]) if (typeof own[key] === 'string') t[key] = own[key];
  return {
    lang,
    t,
    local: (text) => (typeof text === 'string' ? text : text[lang] ?? text.nb ?? Object.values(text)[0] ?? ''),
  };
}
