import type { Config } from '../config/types';
import { said, type Reported } from '../core/report';
import type { ConsentStore } from '../core/store';

/**
 * The engine's whole share of the owner's self-check (#23): it notices the request
 * (`?samtykke=sjekk`, `#samtykke-sjekk`, `samtykke.check()`) and hands what only it knows to
 * `samtykke-check.js`, which is fetched beside the tag then and never otherwise. Everything
 * else (reading the page, the panel) is in that file. Kept to the fewest bytes: every page view
 * carries this part. A check that cannot be fetched is named by the browser's own console error
 * (the file and why), so the engine carries no message of its own for it.
 */

/** What the check is handed: what the engine knows and the page cannot tell it. */
type CheckContext = [
  config: Config,
  store: ConsentStore,
  /** samtykke's own tag; null in the bundler build, which has none. */
  tag: HTMLScriptElement | null,
  /** Every console message samtykke gave on this page view, in order (more may come). */
  said: readonly Reported[],
  /**
   * What samtykke let load on purpose (`trusted` in effects/inert.ts): released by a grant, or a
   * held frame the visitor showed with «Vis innhold», which the check must not call a fault. The
   * engine's own set, handed over: the check's file has its own copy of every module.
   */
  released: Pick<WeakSet<Element>, 'has'>,
];

/** Shows the check for a page: what `samtykke-check.js` hands the engine. */
export type RunCheck = (...context: CheckContext) => void;
/** Gets the check and hands it over: the runner, or undefined when it cannot be had. */
export type FetchCheck = (done: (run: RunCheck | undefined) => void) => void;

let fetchCheck: FetchCheck | undefined;
let context: CheckContext | undefined;

/** Where the check comes from: fetched beside the tag, or at hand in the one-file and bundler builds. */
export function checkFrom(fetch: FetchCheck): void {
  fetchCheck = fetch;
}

/** `samtykke.check()`: shows the check (once samtykke has started; the check itself shows once). */
export function openCheck(): void {
  if (context) fetchCheck?.((run) => run?.(...context!));
}

/** Called once by `start()`: keeps what the check needs, and opens it if the address asks for it. */
export function offerCheck(config: Config, store: ConsentStore, tag: HTMLScriptElement | null, released: CheckContext[4]): void {
  context = [config, store, tag, said, released];
  // `?samtykke=sjekk`, or `#samtykke-sjekk` for sites whose pages drop an unknown query.
  if (/[?&#]samtykke[=-]sjekk\b/.test(location.href)) openCheck();
}
