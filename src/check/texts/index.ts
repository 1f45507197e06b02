import type { Lang, Purpose } from '../../config/types';
import { en as faceEn } from '../../i18n/en';
import { nb as faceNb } from '../../i18n/nb';
import { nn as faceNn } from '../../i18n/nn';
import type { Look } from '../model';
import { en } from './en';
import { nb, type CheckTexts } from './nb';
import { nn } from './nn';

/** The check's words in each of samtykke's languages: the page's, as the banner picks it. */
export const CHECK_TEXTS: Record<Lang, CheckTexts> = { nb, nn, en };

/** The purposes by the names the banner gives them (the face's texts, one place for them). */
const FACE = { nb: faceNb, nn: faceNn, en: faceEn };

/** A purpose as the banner names it to visitors; `necessary` and anything unknown as written. */
export function purposeName({ t }: Pick<Look, 't'>, purpose: Purpose | string): string {
  const face = FACE[t.lang];
  return purpose === 'functional' || purpose === 'analytics' || purpose === 'marketing' ? face[purpose] : purpose;
}

/** The label of the placeholder's button that shows one held frame (a video, a map), as visitors see it. */
export const showLabel = ({ t }: Pick<Look, 't'>): string => FACE[t.lang].show;
