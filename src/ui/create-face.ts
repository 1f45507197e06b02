import type { Config } from '../config/types';
import { i18n, type I18n } from '../i18n';
import type { Face } from '../parts';
import { holdFrame } from './embed';
import { mountUi } from './index';

/**
 * The banner and the frame placeholders for one page, sharing one set of texts: built the
 * first time either needs it, so a warning about the owner's text keys is given once.
 */
export function createFace(config: Config): Face {
  let text: I18n | undefined;
  const texts = () => (text ??= i18n(config));
  return {
    mount: (store, reopen) => mountUi(config, store, texts(), reopen),
    holdFrame: (frame, tracker, show, choose) => holdFrame(config, frame, tracker, show, choose, texts()),
  };
}
