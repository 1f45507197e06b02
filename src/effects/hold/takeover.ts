import type { Purpose } from '../../config/purposes';
import { HELD_ATTR, PURPOSES_ATTR, SRC_ATTR, TYPE_ATTR } from '../../markup';
import { release } from '../inert';

/** What an element that may run now is marked as: granted always, so the markup path releases it. */
const NOW: Purpose = 'necessary';

/**
 * What the inline start held (src/start/), judged again with the owner's settings: what must
 * wait keeps its held form and gets the engine's mark (`keep`), a frame its placeholder
 * (`offer`). What may run now is marked as the owner's markup would be for a purpose that is
 * always granted, so the one release path (effects/activate.ts) runs it with the page's other
 * held markup, in document order, an external script awaited before the next; and a Google tag
 * among them reads as the page's own (effects/google.ts loads no second one). A pixel made by
 * code is released at once; a script the page made but has not put in the document yet is
 * given back its own form in place, to run when the page inserts it.
 */
export function takeOver(held: readonly Element[], keep: (el: Element, src: string) => boolean, offer: (frame: HTMLIFrameElement, src: string) => void): void {
  for (const el of held) {
    const script = el instanceof HTMLScriptElement;
    const src = el.getAttribute(script ? 'src' : SRC_ATTR);
    if (!src) continue;
    if (keep(el, src)) {
      if (el instanceof HTMLIFrameElement) offer(el, src);
      continue;
    }
    el.removeAttribute(HELD_ATTR);
    if (el.isConnected) {
      el.setAttribute(PURPOSES_ATTR, NOW);
      continue;
    }
    // A pixel made by code (`new Image().src = …`) is never put in the document: it loads now.
    if (!script) {
      release(el);
      continue;
    }
    const type = el.getAttribute(TYPE_ATTR);
    el.removeAttribute(TYPE_ATTR);
    if (type) el.setAttribute('type', type);
    else el.removeAttribute('type');
  }
}
