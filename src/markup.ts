/**
 * The words of samtykke's markup, read and written by the engine, the placeholders and the
 * owner's pasted HTML alike: `<script type="text/plain" data-samtykke="analytics">`,
 * `<iframe data-samtykke="marketing" data-src="…">`.
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
