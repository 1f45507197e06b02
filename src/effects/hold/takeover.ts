import { HELD_ATTR, SRC_ATTR, TYPE_ATTR } from '../../markup';
import { release } from '../inert';

/**
 * What the inline start held (src/start/), judged again with the owner's settings: what must
 * wait keeps its held form and gets the engine's mark (`keep`), a frame its placeholder
 * (`offer`); what may run now is released in document order, an external script awaited before
 * the next, as the parser would have run them. One the page made but has not put in the
 * document yet is given back its own form in place, to run when the page inserts it.
 */
export function takeOver(held: readonly Element[], keep: (el: Element, src: string) => boolean, offer: (frame: HTMLIFrameElement, src: string) => void): void {
  const placed = held.filter((el) => el.isConnected).sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  let queue: Promise<void> = Promise.resolve();
  for (const el of [...placed, ...held.filter((el) => !el.isConnected)]) {
    const src = el.getAttribute(el instanceof HTMLScriptElement ? 'src' : SRC_ATTR);
    if (!src) continue;
    if (keep(el, src)) {
      if (el instanceof HTMLIFrameElement) offer(el, src);
      continue;
    }
    el.removeAttribute(HELD_ATTR);
    if (el.isConnected || !(el instanceof HTMLScriptElement)) {
      queue = queue.then(() => new Promise<void>((done) => release(el, done)));
      continue;
    }
    const type = el.getAttribute(TYPE_ATTR);
    el.removeAttribute(TYPE_ATTR);
    if (type) el.type = type;
    else el.removeAttribute('type');
  }
}
