/**
 * Where focus goes when the preferences close or a choice is made (WCAG 2.4.3): back to what
 * opened them while it is still there and shown, else to a fallback: the reopen button; else,
 * while the banner asks, its "Tilpass", as when the preferences were opened from it; else the
 * status (first in the tree wins). Returned as three functions, not an object, so the face's
 * minified code keeps no property names for them.
 */
export function focusReturn(
  root: ShadowRoot,
  reopen: HTMLElement | null,
): [remember: (el?: Element | null) => void, restore: () => void, toFallback: () => void] {
  let opener: HTMLElement | null = null;
  const fallback = () => (reopen?.hidden === false ? reopen : root.querySelector<HTMLElement>('.banner .secondary,[role=status]'));
  return [
    (el) => {
      // What has focus now, inside shadow roots too (the engine's reopen button is in one).
      let active = el ?? document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      opener = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    () => {
      const el = opener;
      opener = null;
      // An opener that is gone or hidden cannot take focus back: the reopen button that tried the
      // face again on a first visit is hidden once the banner asks.
      (el?.isConnected && !el.hidden ? el : fallback())?.focus();
    },
    () => fallback()?.focus(),
  ];
}
