// The one tag: the engine, run as the <script> is parsed. The face is fetched beside it when needed.
import { start } from './main';
import { faceFetcher } from './shell/load';

start(faceFetcher(document.currentScript as HTMLScriptElement | null), true);
