// samtykke.full.js: the engine and the face (all languages) in one file, for owners who can
// upload only one; the engine behaves the same, the face and the consent log's sender are simply
// at hand (a one-file site must be able to log). The texts of the console messages are fetched
// beside it when it has something to say, as the tag does: without them a message still names
// the setting. The owner's self-check (#23) is fetched only when asked for, beside it or else
// from this version's folder on the project's site: carried inside, it cost every visitor about
// 13 kB gzip for a page only the owner opens.
import { start } from '../main';
import { helpFrom } from '../core/report';
import { checkFetcher, helpFetcher } from '../shell/load';
import { logDecisions } from '../effects/log-sender';
import { createFace } from '../ui/create-face';
import { checkFrom } from '../check/open';

/** This version's folder on the project's site (scripts/versioned.mjs), written in by the build. */
declare const __PAGES_FOLDER__: string;

const tag = document.currentScript as HTMLScriptElement | null;
helpFrom(helpFetcher(tag));
// An owner who uploaded samtykke.full.js alone has no check beside it: the project's site has it.
checkFrom((done) => checkFetcher(tag)((run) => (run ? done(run) : checkFetcher(tag, __PAGES_FOLDER__)(done))));
start({ face: (_lang, done) => done(createFace), log: (done) => done(logDecisions) }, true);
