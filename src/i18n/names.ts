import type { Lang } from '../config/types';

// Plain strings, one pair per language, so a face file (one language) keeps only its own pair:
// the minifier drops an unused string, but not the reads of an unused object's properties.
export const NB_TITLE = 'Informasjonskapsler';
export const NB_SETTINGS = 'Innstillinger for informasjonskapsler';
export const NN_TITLE = 'Informasjonskapslar';
export const NN_SETTINGS = 'Innstillingar for informasjonskapslar';
export const EN_TITLE = 'Cookies';
export const EN_SETTINGS = 'Cookie settings';

/**
 * The two texts the engine itself shows, on the reopen button (the only one, the engine's):
 * the button's name (`settings`) and its landmark's (`title`). The face's texts
 * (nb.ts, nn.ts, en.ts) take theirs from here, so both always say the same.
 */
export const NAMES: Record<Lang, { readonly title: string; readonly settings: string }> = {
  nb: { title: NB_TITLE, settings: NB_SETTINGS },
  nn: { title: NN_TITLE, settings: NN_SETTINGS },
  en: { title: EN_TITLE, settings: EN_SETTINGS },
};
