// samtykke.full.js: the engine and the face (all languages) in one file, for owners who can
// upload only one; the engine behaves the same, the face and the consent log's sender are simply
// at hand (a one-file site must be able to log), and so is the owner's self-check (#23). The
// texts of the console messages are fetched beside it when it has something to say, as the tag
// does: without them a message still names the setting.
import { start } from './main';
import { helpFrom } from './core/report';
import { helpFetcher } from './shell/load';
import { logDecisions } from './effects/log';
import { createFace } from './ui/create-face';
import { checkFrom } from './check/open';
import { runCheck } from './check/run';

helpFrom(helpFetcher(document.currentScript as HTMLScriptElement | null));
checkFrom((done) => done(runCheck));
start({ face: (_lang, done) => done(createFace), log: (done) => done(logDecisions) }, true);
