import { HELD_ATTR, INERT_TYPE, PURPOSES_ATTR, SRC_ATTR, TYPE_ATTR } from '../markup';

/** What can start loading something by itself: a script, a frame or a pixel. */
export type Loader = HTMLScriptElement | HTMLIFrameElement | HTMLImageElement;

/** Elements released on purpose (a grant, "Vis innhold"), which must load as they are. */
export const trusted = new WeakSet<Element>();

/**
 * Puts a loader into the held form the owner could have written by hand: a script becomes
 * `type="text/plain"` (its own type kept in `data-type`), a frame or pixel keeps its address
 * in `data-src`. `mark` is the attribute naming the purpose it waits for.
 */
export function hold(el: Loader, mark: typeof PURPOSES_ATTR | typeof HELD_ATTR, purpose: string, src: string): void {
  el.setAttribute(mark, purpose);
  if (el instanceof HTMLScriptElement) {
    const type = el.getAttribute('type');
    if (type) el.setAttribute(TYPE_ATTR, type);
    el.setAttribute('type', INERT_TYPE);
    return;
  }
  el.setAttribute(SRC_ATTR, src);
  el.removeAttribute('src');
  // A frame in the document has begun to navigate; only taking it out stops that.
  const parent = el.parentNode;
  const next = el.nextSibling;
  if (el instanceof HTMLIFrameElement && parent) {
    el.remove();
    parent.insertBefore(el, next);
  }
}

/**
 * Lets a held element load as it was written. A frame or pixel gets its `src` back; a script
 * is replaced by a live copy, since a script element runs at most once. `done` is called once
 * it has run (an external script: loaded or failed), so scripts can run in document order.
 */
export function release(el: Element, done: () => void = () => undefined): void {
  if (!(el instanceof HTMLScriptElement)) {
    trusted.add(el);
    el.removeAttribute(PURPOSES_ATTR);
    el.removeAttribute(HELD_ATTR);
    el.setAttribute('src', el.getAttribute(SRC_ATTR) ?? '');
    el.removeAttribute(SRC_ATTR);
    return done();
  }
  const script = document.createElement('script');
  // The owner's markup (or the blocker's) named the purpose and it is granted: let it load.
  trusted.add(script);
  for (const { name, value } of Array.from(el.attributes)) {
    if (name !== 'type' && name !== PURPOSES_ATTR && name !== TYPE_ATTR) script.setAttribute(name, value);
  }
  const type = el.getAttribute(TYPE_ATTR);
  if (type) script.type = type;
  // The parser hides a nonce from getAttribute; only the property still has it.
  if (el.nonce) script.nonce = el.nonce;
  if (el.src) {
    script.async = el.async;
    script.onload = script.onerror = () => done();
  } else script.text = el.text;
  el.replaceWith(script);
  if (!el.src) done();
}
