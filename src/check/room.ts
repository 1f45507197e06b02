import { UI_ELEMENT } from '../markup';

/**
 * How far down the viewport the panel may reach: to the top of samtykke's own buttons that show
 * under it (the banner's choice, the reopen button), so they stay visible and clickable below
 * the panel, which lies above the banner; the whole height when none does. `panel` is the panel's
 * box, for which buttons lie under it side to side. Layout only: reads, changes nothing.
 */
export function roomAbove(panel: DOMRect | undefined): number {
  let top = innerHeight;
  for (const host of Array.from(document.querySelectorAll(UI_ELEMENT))) {
    for (const button of Array.from(host.shadowRoot?.querySelectorAll('button') ?? [])) {
      const box = button.getBoundingClientRect();
      const under = !panel || (box.right > panel.left && box.left < panel.right);
      if (box.height > 0 && box.bottom > 0 && under) top = Math.min(top, box.top);
    }
  }
  return top;
}

/**
 * Calls `fit` whenever that room may have changed: the banner arrives or leaves, opens its
 * settings or closes after a choice (inside its own shadow root), or the screen turns.
 */
export function watchRoom(fit: () => void): void {
  const watched = new WeakSet<ShadowRoot>();
  const observer = new MutationObserver(() => {
    watch();
    fit();
  });
  const watch = () => {
    for (const host of Array.from(document.querySelectorAll(UI_ELEMENT))) {
      const root = host.shadowRoot;
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
