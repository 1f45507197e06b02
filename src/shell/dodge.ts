import type { Config } from '../config/types';

/**
 * A11Y-06 (WCAG 2.4.11): the floating reopen button must not hide what has focus on the page.
 * When focus lands under it, it steps to the other bottom corner (if that one is clear) until
 * focus moves on. Used by the engine's button and the face's alike: `button` finds the button
 * (null while there is none), and `moved` is told each time it changes corner (true: it stands
 * in the other one). Returns how to stop.
 */
export function dodgeFocus(host: Element, button: () => Element | null, moved: (dodging: boolean) => void): () => void {
  let dodging = false;
  const onFocus = (e: FocusEvent) => {
    const el = e.target;
    const b = button()?.getBoundingClientRect();
    if (!b || el === host || !(el instanceof Element)) return;
    const r = el.getBoundingClientRect();
    // Would the button at `left` (same row, same size) cover any of the focused element?
    const covers = (left: number) => r.left < left + b.width && left < r.right && r.top < b.bottom && b.top < r.bottom;
    const here = covers(b.left);
    const mirrored = covers(document.documentElement.clientWidth - b.right);
    if ((dodging ? mirrored && !here : here && !mirrored) !== dodging) moved((dodging = !dodging));
  };
  document.addEventListener('focusin', onFocus);
  return () => document.removeEventListener('focusin', onFocus);
}

/** The button's classes (reopen.css): the configured corner, or the other one while it dodges. */
export const reopenClass = (config: Config, dodging: boolean): string =>
  (config.reopen === 'bottom-right') !== dodging ? 'button reopen bottom-right' : 'button reopen';
