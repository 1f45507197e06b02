import { webAddress } from '../config/hosts';
import { report } from '../core/report';
import { HELD_ATTR, INERT_TYPE, PURPOSES_ATTR, SRC_ATTR, TYPE_ATTR } from '../markup';
import { setScriptSrc, setScriptText } from './trusted-types';

/** What can start loading something by itself: a script, a frame or a pixel. */
export type Loader = HTMLScriptElement | HTMLIFrameElement | HTMLImageElement;

/** Elements released on purpose (a grant, "Vis innhold") and samtykke's own parts (shell/load.ts), which must load as they are. */
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
  // A frame in the document has begun to navigate; only taking it out stops that. Put after
  // itself, it is taken out and put back in its place (Chromium, Firefox and WebKit give it a new
  // window, its last child or not; `replaceWith(el)` does too, but happy-dom drops the element);
  // with no parent, nothing happens.
  if (el instanceof HTMLIFrameElement) el.after(el);
}

/**
 * Lets a held element load as it was written. A frame or pixel gets its `src` back; a script
 * is replaced by a live copy, since a script element runs at most once. `done` is called once
 * it has run (an external script: loaded or failed), so scripts can run in document order.
 * An address that is not a web address is refused with a message, and stays held.
 */
export function release(el: Element, done: () => void = () => undefined): void {
  // A script without an address (or with an empty one) is inline, as the browser treats it.
  const src = el instanceof HTMLScriptElement ? el.getAttribute('src') || null : el.getAttribute(SRC_ATTR) ?? '';
  // `javascript:` or `data:` in a `data-src` would run code of its own the moment it is released.
  if (src !== null && !webAddress(src)) {
    const attr = el instanceof HTMLScriptElement ? 'src' : SRC_ATTR;
    report('error', 'release.address', attr, src.slice(0, 80), el.localName);
    return done();
  }
  if (!(el instanceof HTMLScriptElement)) {
    trusted.add(el);
    el.removeAttribute(PURPOSES_ATTR);
    el.removeAttribute(HELD_ATTR);
    el.setAttribute('src', src ?? '');
    el.removeAttribute(SRC_ATTR);
    return done();
  }
  const script = document.createElement('script');
  // The owner's markup (or the blocker's) named the purpose and it is granted: let it load.
  trusted.add(script);
  for (const { name, value } of Array.from(el.attributes)) {
    if (name !== 'type' && name !== 'src' && name !== PURPOSES_ATTR && name !== TYPE_ATTR) script.setAttribute(name, value);
  }
  const type = el.getAttribute(TYPE_ATTR);
  if (type) script.type = type;
  // The parser hides a nonce from getAttribute; only the property still has it.
  if (el.nonce) script.nonce = el.nonce;
  if (src !== null) {
    setScriptSrc(script, src);
    script.async = el.async;
    script.onload = script.onerror = () => done();
  } else setScriptText(script, el.text);
  el.replaceWith(script);
  if (src === null) done();
}
