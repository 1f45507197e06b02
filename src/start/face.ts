import { COOKIE_NAME } from '../config/settings';
import { pageLang } from '../i18n/lang';
import { facePart, partCors, partUrl } from '../shell/load';

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
 * and runs it, or fails closed. `engine` is the engine's element, whose folder, `crossorigin`
 * and nonce the engine fetches its parts with, and whose settings (copied from the start's) it
 * reads; the language is the engine's choice (i18n/lang.ts): `data-lang`, else `<html lang>`.
 */
export function preloadFace(engine: HTMLScriptElement): void {
  if (!noAnswer()) return;
  const [name, integrity] = facePart(pageLang(engine.dataset.lang || document.documentElement.lang));
  const url = partUrl(engine, name);
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = url.href;
  link.integrity = integrity;
  const cors = partCors(engine, url);
  if (cors !== null) link.crossOrigin = cors;
  if (engine.nonce) link.nonce = engine.nonce;
  (document.head || document.documentElement).appendChild(link);
}
