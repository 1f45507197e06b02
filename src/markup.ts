/**
 * Every name samtykke shares with the page, in one place: the words of its markup (read and
 * written by the engine, the placeholders and the owner's pasted HTML alike:
 * `<script type="text/plain" data-samtykke="analytics">`, `<iframe data-samtykke="marketing"
 * data-src="…">`), its elements, its events and its storage keys.
 */

/** The purposes an element waits for, separated by spaces. */
export const PURPOSES_ATTR = 'data-samtykke';
/** Marks what no purpose grant releases: a service visitors were never told of. */
export const HELD_ATTR = 'data-samtykke-held';
/** A held frame's or pixel's address, moved out of `src` so it does not load. */
export const SRC_ATTR = 'data-src';
/** A held script's own type (e.g. `module`), kept while `type` makes it inert. */
export const TYPE_ATTR = 'data-type';
/** The type that keeps a script from running. */
export const INERT_TYPE = 'text/plain';

/** The purposes named in an element's `data-samtykke`, however they are spaced. */
export function purposesOf(el: Element): string[] {
  return (el.getAttribute(PURPOSES_ATTR) ?? '').split(/\s+/).filter(Boolean);
}

/** On any element of the page: clicking it opens the preferences (as does `href="#samtykke"`). */
const OPEN_ATTR = 'data-samtykke-open';
/** What opens the preferences when clicked: the attribute, or a link to `#samtykke`. */
export const OPENERS = `[${OPEN_ATTR}],a[href="#samtykke"]`;
/** On a `<div>` of the privacy notice: filled with the list of services and cookies. */
export const DECLARATION_ATTR = 'data-samtykke-declaration';

/** The host of each root samtykke draws (the face's, the reopen button's); `shell/base.css` names it too. */
export const UI_ELEMENT = 'samtykke-ui';
/** The host of a held frame's placeholder; `ui/banner.css` names it too. */
export const EMBED_ELEMENT = 'samtykke-embed';

/** Fired on `window` at each decision (D1), with the public state. */
export const CHANGE_EVENT = 'samtykke:change';
/** Fired on `window` once per page, when the UI is in place, with the public state. */
export const READY_EVENT = 'samtykke:ready';

/** The BroadcastChannel the site's tabs ping each other on, one per consent cookie. */
export const channelName = (cookieName: string): string => 'samtykke:' + cookieName;
/** The localStorage key of the consent log's entries not yet acknowledged, one per consent cookie. */
export const logQueueKey = (cookieName: string): string => 'samtykke:log:' + cookieName;
