import { UI_ELEMENT } from '../markup';

/** Below the panel's first finding, to the banner: the panel's bottom border and its gap (0.5rem), in px. */
const CLEAR = 10;

/**
 * How far down the viewport the panel (in `check`, its shadow root) may reach, given samtykke's
 * own boxes that lie under it side to side: to just above the banner, so the owner reads the check
 * above and the whole banner below, when that leaves the panel its heading and first finding;
 * else, on a short screen, to just above the banner's buttons, which stay visible and clickable
 * while the panel covers the banner's words. The whole height when nothing of samtykke's lies
 * under it. Layout only: reads, changes nothing.
 */
export function roomAbove(check: ShadowRoot): number {
  const panel = check.querySelector('.panel')?.getBoundingClientRect();
  let box = innerHeight;
  let buttons = innerHeight;
  for (const host of Array.from(document.querySelectorAll(UI_ELEMENT))) {
    for (const button of Array.from(host.shadowRoot?.querySelectorAll('button') ?? [])) {
      const at = button.getBoundingClientRect();
      const under = !panel || (at.right > panel.left && at.left < panel.right);
      if (at.height === 0 || at.bottom <= 0 || !under) continue;
      buttons = Math.min(buttons, at.top);
      // The box the button shows in: the banner for its choice, the reopen button itself.
      box = Math.min(box, fixedBox(button).getBoundingClientRect().top);
    }
  }
  return reach(check) + CLEAR <= box ? box : buttons;
}

/**
 * The viewport line the panel must show down to, were it scrolled to its top: its first finding,
 * the first line to fix; when there is none, its header, whose summary says so ("Ingen feil sett
 * herfra"). Where it lies does not depend on the panel's height, so fitting the height to it
 * cannot loop.
 */
function reach(check: ShadowRoot): number {
  const first = check.querySelector('.to-fix button') ?? check.querySelector('header');
  const scrolled = [check.querySelector('.panel'), check.querySelector('.body')].reduce((sum, el) => sum + (el?.scrollTop ?? 0), 0);
  return (first?.getBoundingClientRect().bottom ?? 0) + scrolled;
}

/** The element itself or its nearest ancestor (in its shadow root) placed on the screen rather than in the page. */
function fixedBox(el: Element): Element {
  for (let at: Element | null = el; at; at = at.parentElement) if (getComputedStyle(at).position === 'fixed') return at;
  return el;
}

/**
 * Calls `fit` whenever that room may have changed: the banner arrives or leaves, opens its
 * settings or closes after a choice (inside its own shadow root), the panel's own content
 * changes (`own`, its first finding moves), or the screen turns or zooms.
 */
export function watchRoom(own: ShadowRoot, fit: () => void): void {
  const watched = new WeakSet<ShadowRoot>();
  const observer = new MutationObserver(() => {
    watch();
    fit();
  });
  const watch = () => {
    for (const root of [own, ...Array.from(document.querySelectorAll(UI_ELEMENT), (host) => host.shadowRoot)]) {
      if (root && !watched.has(root)) {
        watched.add(root);
        observer.observe(root, { childList: true, subtree: true, attributes: true });
      }
    }
  };
  observer.observe(document.body, { childList: true });
  watch();
  addEventListener('resize', fit);
}
