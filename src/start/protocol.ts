import type { SamtykkeApi } from '../api';
import type { Lang } from '../config/types';

/**
 * What the inline start (src/entries/start.ts) and the engine say to each other, in one place.
 * The start is pasted into the owner's HTML and stays there across engine releases, so this is
 * versioned: an engine reads a start whose `version` it knows, and refuses any other with one
 * message, leaving everything the start held held. Raise START_VERSION whenever the shape of
 * `StartHandoff` changes; an engine then keeps reading the older versions it can.
 */
export const START_VERSION = 1;

/** Where the start leaves its `StartHandoff`: a registry symbol on `window`, as the parts' hooks (shell/hook.ts). */
export const START_HOOK = Symbol.for('samtykke.start');

/** On the start's own `<script>`: the engine's address, and its SRI hash. Not settings: the start copies no attribute that begins with ENGINE_ATTR to the engine's tag. */
export const ENGINE_ATTR = 'data-engine';
export const ENGINE_INTEGRITY_ATTR = 'data-engine-integrity';
/**
 * On the start's own `<script>`: the hash of the face in one language (`data-engine-face-nb`),
 * which the start preloads on a first visit when the page is in that language. The paste writes
 * the one it expects, so the visitor's HTML carries one hash, not the start all three.
 */
export const faceHashAttr = (lang: Lang): string => `${ENGINE_ATTR}-face-${lang}`;

/** The API's calls the start queues on `window.samtykke` until the engine answers them, in order. */
export const QUEUED = ['open', 'acceptAll', 'rejectAll', 'set', 'reset', 'check', 'on'] as const satisfies readonly (keyof SamtykkeApi)[];
export type QueuedCall = [name: (typeof QUEUED)[number], args: unknown[]];

/** What the start hands the engine. */
export interface StartHandoff {
  readonly version: number;
  /** The start's own element (null if it did not run as a parsed script): where it stands says whether it came first. */
  readonly script: HTMLScriptElement | null;
  /** How many entries `dataLayer` had before the start's Consent Mode default: what came earlier ran before it. */
  readonly layer: number;
  /** Every element the start held, in the order it held them (the engine sorts the connected ones into document order). */
  readonly held: Element[];
  /** The API calls made before the engine came, in order. */
  readonly calls: QueuedCall[];
  /** The start's Trusted Types policy, if it made one: a CSP may allow its name only once. */
  readonly policy: unknown;
  /** Takes the start's hooks out; the engine calls it just before it installs its own. */
  uninstall(): void;
}
