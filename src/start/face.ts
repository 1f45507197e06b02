import { COOKIE_NAME } from '../config/settings';
import { pageLang } from '../i18n/lang';
import { faceName, partUrl } from '../shell/load';
import { faceHashAttr } from './protocol';

/**
 * Whether the visitor has no stored answer yet, so the engine will ask for the face at once.
 * Only the cookie's presence is read here: a garbled or outdated answer (a new revision, a new
 * purpose) is found by the engine, which then fetches the face itself, a round trip later.
 */
const noAnswer = (): boolean => !('; ' + document.cookie).includes(`; ${COOKIE_NAME}=`);

/**
 * Asks for the face in the visitor's language beside the engine, not a round trip after it, on a
 * first visit: a `<link rel="preload">` with exactly the address, CORS mode and hash the engine's
 * own request for it will have (shell/load.ts), so the browser hands that request this response
 * and fetches the file once. It runs nothing: the engine's script for it checks the hash again
 * and runs it, or fails closed. The language is the engine's choice (i18n/lang.ts): `data-lang`,
 * else `<html lang>`; the hash is the one the paste wrote on the start (`start`) for that
 * language. `engine` is the engine's element, whose folder and nonce the engine fetches its parts
 * with. Only an engine loaded with its hash is preloaded for: the start gave that one a
 * `crossorigin` (start/engine.ts), which its part requests carry (shell/load.ts), so the preload
 * takes the same; without a hash (or without the face's) there is no preload, and the engine
 * fetches the face itself, a round trip later.
 */
export function preloadFace(start: HTMLScriptElement, engine: HTMLScriptElement): void {
  const lang = pageLang(start.dataset.lang || document.documentElement.lang);
  const integrity = start.getAttribute(faceHashAttr(lang));
  if (!integrity || !engine.integrity || !noAnswer()) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = partUrl(engine, faceName(lang)).href;
  link.integrity = integrity;
  link.crossOrigin = engine.crossOrigin;
  if (engine.nonce) link.nonce = engine.nonce;
  document.head.append(link);
}
