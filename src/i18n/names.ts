import type { Lang } from '../config/types';

/**
 * The two texts the engine itself shows, on the reopen button it draws before (or without)
 * the face: the button's name and its landmark's. The face's texts (nb.ts, nn.ts, en.ts) take
 * theirs from here, so both always say the same.
 */
export const NAMES: Record<Lang, { readonly title: string; readonly settings: string }> = {
  nb: { title: 'Informasjonskapsler', settings: 'Innstillinger for informasjonskapsler' },
  nn: { title: 'Informasjonskapslar', settings: 'Innstillingar for informasjonskapslar' },
  en: { title: 'Cookies', settings: 'Cookie settings' },
};
