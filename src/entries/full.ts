// samtykke.full.js: the engine and the face (all languages) in one file, for owners who can
// upload only one; the engine behaves the same, the face and the consent log's sender are simply
// at hand (a one-file site must be able to log). The texts of the console messages are fetched
// when it has something to say, and the owner's self-check (#23) only when asked for: each from
// beside it, or else from this version's folder on the project's site, where an owner who
// uploaded this file alone has them. Carried inside, they would cost every visitor (the check
// about 13 kB gzip) for what only the owner reads; without the texts a message still names the
// setting.
import { start } from '../main';
import { helpFrom } from '../core/report';
import { checkFetcher, helpFetcher } from '../shell/load';
import { logDecisions } from '../effects/log-sender';
import { createFace } from '../ui/create-face';
import { checkFrom } from '../check/open';

/** This version's folder on the project's site (scripts/versioned.mjs), written in by the build. */
declare const __PAGES_FOLDER__: string;

const tag = document.currentScript as HTMLScriptElement | null;

/** A part from beside this file, else (nothing usable there) from this version's folder on the project's site. */
const besideElseSite =
  <T>(fetcher: (tag: HTMLScriptElement | null, folder?: string) => (done: (part: T) => void) => void) =>
  (done: (part: T) => void) =>
    fetcher(tag)((part) => (part ? done(part) : fetcher(tag, __PAGES_FOLDER__)(done)));

helpFrom(besideElseSite(helpFetcher));
checkFrom(besideElseSite(checkFetcher));
start({ face: (_lang, done) => done(createFace), log: (done) => done(logDecisions) }, true);
