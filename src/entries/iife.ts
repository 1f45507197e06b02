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
// Once this file's top level has returned, still before the parser's next script (the
// microtask checkpoint after a script): a cookie read or a script inserted with the whole file's
// function on the stack makes V8 re-parse all of it for source positions (docs/performance.md,
// "The engine's returning path"). `tag` is passed: there, document.currentScript is gone.
queueMicrotask(() => start({ face: faceFetcher(tag), log: logFetcher(tag) }, true, tag));
