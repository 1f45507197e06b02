import type { Config, Lang } from '../config/types';

/** `<html lang>` to one of ours: nb, no and their regional forms are bokmål; unknown is bokmål. */
export function pageLang(tag: string): Lang {
  const l = tag.toLowerCase();
  return l.startsWith('nn') ? 'nn' : l.startsWith('en') ? 'en' : 'nb';
}

/**
 * The visitor's language: the owner's `lang`, else the page's. The engine picks the face file
 * by it and the face its texts, so both must ask here.
 */
export const visitorLang = (config: Config, htmlLang = document.documentElement.lang): Lang => config.lang ?? pageLang(htmlLang);
