import type { Tracker } from './config/trackers';
import type { Config, Lang } from './config/types';
import type { ConsentStore } from './core/store';
import type { LogDecisions } from './effects/log-sender';

/**
 * The contracts between the engine and the parts it is handed (the face, the consent log's
 * sender): the engine never imports a part, only these types, and each part is fetched beside
 * the tag or is at hand in the one-file and bundler builds.
 */

/** What the visitor sees: the banner and the placeholders of held frames. */
export interface Face {
  /**
   * Shows the banner when a decision is asked for and returns how to open the preferences
   * (`opener`: what was clicked, where focus goes back when they close); after a choice focus
   * goes to `reopen`, the engine's button (none when `reopen` is 'none').
   */
  mount(store: ConsentStore, reopen: HTMLElement | null): { open(opener?: Element): void };
  /** Puts a placeholder in place of a held frame; `show` loads it, `choose` opens the preferences. */
  holdFrame(frame: HTMLIFrameElement, tracker: Tracker | null, show: () => void, choose: (() => void) | null): void;
}

/** Builds the face for one page's config: what a face file hands the engine. */
export type CreateFace = (config: Config) => Face;

/** Gets the face for a language and hands it over, or `null` when it cannot be had. */
export type FetchFace = (lang: Lang, done: (create: CreateFace | null) => void) => void;

/** Gets the consent log's sender and hands it over, or `null` when it cannot be had. */
export type FetchLog = (done: (logDecisions: LogDecisions | null) => void) => void;

/** How the engine gets its parts. */
export interface Parts {
  readonly face: FetchFace;
  readonly log: FetchLog;
}
