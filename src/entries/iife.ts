// The one tag: the engine, run as the <script> is parsed. The face is fetched beside it when
// needed, the consent log's sender at once on sites that log, and the texts of its console
// messages when it has something to say; the owner's self-check only when asked for.
import { start } from '../main';
import { helpFrom } from '../core/report';
import { checkFrom } from '../check/open';
import { checkFetcher, faceFetcher, helpFetcher, logFetcher } from '../shell/load';

const tag = document.currentScript as HTMLScriptElement | null;
helpFrom(helpFetcher(tag));
checkFrom(checkFetcher(tag));
start({ face: faceFetcher(tag), log: logFetcher(tag) }, true);
