import type { Lang } from '../config/types';
import { setScriptSrc } from '../effects/trusted-types';
import { FACE_HOOK, type CreateFace } from './hook';

/** Gets the face for a language and hands it over, or `null` when it cannot be had. */
export type FetchFace = (lang: Lang, done: (create: CreateFace | null) => void) => void;

// The faces' SRI hashes, written in by the build (vite.config.ts), which builds the faces first.
declare const __FACE_INTEGRITY__: Record<Lang, string>;

/**
 * Fetches `samtykke-face.<lang>.js` from the folder our own tag came from, with the same trust
 * as the tag: the hash the build wrote in (`integrity`), the tag's `crossorigin` and `nonce`.
 * A hash can only be checked over CORS, so a face on another origin is fetched with
 * `crossorigin="anonymous"` unless the tag says otherwise. Async: it never holds up the parser.
 */
export function faceFetcher(tag: HTMLScriptElement | null): FetchFace {
  return (lang, done) => {
    const script = document.createElement('script');
    const finish = () => {
      script.remove();
      const create = (window as unknown as Record<symbol, unknown>)[FACE_HOOK];
      done(typeof create === 'function' ? (create as CreateFace) : null);
    };
    try {
      const url = new URL(`samtykke-face.${lang}.js`, tag?.src || document.baseURI);
      // Through the 'samtykke' policy, so a page enforcing Trusted Types still gets its banner.
      setScriptSrc(script, url.href);
      script.integrity = __FACE_INTEGRITY__[lang];
      const cors = tag?.getAttribute('crossorigin') ?? (url.origin === location.origin ? null : 'anonymous');
      if (cors !== null) script.crossOrigin = cors;
      if (tag?.nonce) script.nonce = tag.nonce;
      script.onload = script.onerror = finish;
      (document.head || document.documentElement).append(script);
    } catch {
      finish();
    }
  };
}
