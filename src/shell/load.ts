import type { FetchCheck, RunCheck } from '../check/open';
import type { Lang } from '../config/types';
import type { FetchHelp } from '../core/report';
import { trusted } from '../effects/inert';
import { setScriptSrc } from '../effects/trusted-types';
import type { LogDecisions } from '../effects/log-sender';
import type { Messages } from '../help/messages';
import type { CreateFace, FetchFace, FetchLog } from '../parts';
import { CHECK_HOOK, FACE_HOOK, HELP_HOOK, LOG_HOOK } from './hook';

// The parts' SRI hashes, written in by the build (vite.config.ts), which builds the parts first.
declare const __FACE_INTEGRITY__: Record<Lang, string>;
declare const __HELP_INTEGRITY__: string;
declare const __LOG_INTEGRITY__: string;

/** A part's address: `samtykke-<name>.js` in the folder our tag came from, unless told another. */
export const partUrl = (tag: HTMLScriptElement | null, name: string, folder = tag?.src || document.baseURI): URL => new URL(`samtykke-${name}.js`, folder);

/** The CORS mode a part is fetched in: the tag's, else `anonymous` from another origin (a hash is only checked over CORS); null for none. */
const partCors = (tag: HTMLScriptElement | null, url: URL): string | null => tag?.getAttribute('crossorigin') ?? (url.origin === location.origin ? null : 'anonymous');

/** The face's part name in a language: the engine fetches it, and the inline start preloads it (src/start/face.ts). */
export const faceName = (lang: Lang): string => 'face.' + lang;

/**
 * Fetches a part of samtykke, `samtykke-<name>.js`, from the folder our own tag came from, with
 * the same trust as the tag: the hash the build wrote in (`integrity`), the tag's `crossorigin`
 * and `nonce`. A hash can only be checked over CORS, so a part on another origin is fetched
 * with `crossorigin="anonymous"` unless the tag says otherwise. Hands over what the part left
 * on `window` under `hook` (undefined when it could not be had). Async: it never holds up the
 * parser, and it never throws.
 */
function loadPart(tag: HTMLScriptElement | null, name: string, integrity: string, hook: symbol, done: (left: unknown) => void, folder?: string, query = ''): void {
  let script: HTMLScriptElement | undefined;
  const finish = () => {
    script?.remove();
    done((window as unknown as Record<symbol, unknown>)[hook]);
  };
  try {
    script = document.createElement('script');
    // Our own part: the blocker lets it through, so a folder on another host (a CDN, the owner's
    // file space) is neither named as an unknown third party nor held under `strict`.
    trusted.add(script);
    const url = partUrl(tag, name, folder);
    url.search = query;
    // Through the 'samtykke' policy, so a page enforcing Trusted Types still gets it.
    setScriptSrc(script, url.href);
    script.integrity = integrity;
    const cors = partCors(tag, url);
    if (cors !== null) script.crossOrigin = cors;
    if (tag?.nonce) script.nonce = tag.nonce;
    script.onload = script.onerror = finish;
    (document.head || document.documentElement).append(script);
  } catch {
    finish();
  }
}

/**
 * The face in the visitor's language, `samtykke-face.<lang>.js`. It is asked for again only
 * when it could not be had (shell/face-life.ts keeps it), and then at another address (`?1`,
 * `?2`…, which a folder serves the same): WebKit keeps a failed preload (the inline start's,
 * src/start/face.ts) for the page's life and answers every later request for its address with
 * that failure, so the reopen button's retry would never reach the network.
 */
export const faceFetcher = (tag: HTMLScriptElement | null): FetchFace => {
  let tries = -1;
  return (lang, done) => loadPart(tag, faceName(lang), __FACE_INTEGRITY__[lang], FACE_HOOK, (create) => done(typeof create === 'function' ? (create as CreateFace) : null), undefined, ++tries ? '?' + tries : '');
};

/** The texts of the console messages, `samtykke-help.js`, asked for only when something is wrong; from the tag's folder unless told another. */
export const helpFetcher =
  (tag: HTMLScriptElement | null, folder?: string): FetchHelp =>
  (done) =>
    loadPart(tag, 'help', __HELP_INTEGRITY__, HELP_HOOK, (table) => done(typeof table === 'object' && table ? (table as Messages) : null), folder);

/** The consent log's sender, `samtykke-log.js`, on sites that set `logUrl` only. */
export const logFetcher =
  (tag: HTMLScriptElement | null): FetchLog =>
  (done) =>
    loadPart(tag, 'log', __LOG_INTEGRITY__, LOG_HOOK, (log) => done(typeof log === 'function' ? (log as LogDecisions) : null));

/**
 * The owner's self-check, `samtykke-check.js`, only when asked for (src/check/open.ts); from the
 * tag's folder unless told another. Its hash comes from `samtykke-help.js`, which the engine
 * knows by hash and which leaves it under the check's hook: a chain of hashes, so the tag does
 * not carry a second one (66 bytes gzip) for what only the owner opens.
 */
export const checkFetcher =
  (tag: HTMLScriptElement | null, folder?: string): FetchCheck =>
  (done) =>
    loadPart(tag, 'help', __HELP_INTEGRITY__, CHECK_HOOK, (hash) => (typeof hash == 'string' ? loadPart(tag, 'check', hash, CHECK_HOOK, (run) => done(typeof run == 'function' ? (run as RunCheck) : undefined), folder) : done(undefined)), folder);
