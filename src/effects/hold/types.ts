import type { Tracker } from '../../config/trackers';
import type { Config } from '../../config/types';
import type { ConsentStore } from '../../core/store';

/**
 * What the blocker's files say to each other: the settings it decides with (index.ts), the
 * checks the patch points call (check.ts) and how a patch is taken out (patches.ts).
 */

/**
 * What the blocker decides with. It is read at every check, never kept, so the page is held
 * with safe settings from the first moment and the owner's take over by swapping one value.
 */
export interface HoldSettings {
  readonly config: Config;
  readonly store: ConsentStore;
  /** Given each held frame, to put a placeholder in its place. */
  onFrame(frame: HTMLIFrameElement, tracker: Tracker | null): void;
  /** Whether a Google tag found now may still be asked about (detect.ts). */
  adopting(): boolean;
}

/** Holds `el` if it is about to load `src` (default: its `src` attribute) too early; true when it did. */
export type Check = (el: Element, src?: string | null) => boolean;
/** Checks a node and the elements matching `tags` inside it; true when any was held. */
export type CheckTree = (node: Node, tags: string) => boolean;
/** Takes a patch out again. */
export type Uninstall = () => void;
