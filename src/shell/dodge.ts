import type { Config } from '../config/types';

/**
 * A11Y-06 (WCAG 2.4.11): the floating reopen button must not hide what has focus on the page.
 * When focus lands under it, it steps to the other bottom corner (if that one is clear) until
 * focus moves on. `moved` is told each time the button changes corner (true: it stands in the
 * other one).
 */
export function dodgeFocus(host: Element, button: Element, moved: (dodging: boolean) => void): void {
  let dodging = false;
  const onFocus = (e: FocusEvent) => {
    const el = e.target;
    if (el === host || !(el instanceof Element)) return;
    const b = button.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    // Would the button at `left` (same row, same size) cover any of the focused element?
    const covers = (left: number) => r.left < left + b.width && left < r.right && r.top < b.bottom && b.top < r.bottom;
    const here = covers(b.left);
    const mirrored = covers(document.documentElement.clientWidth - b.right);
    if ((dodging ? mirrored && !here : here && !mirrored) !== dodging) moved((dodging = !dodging));
  };
  document.addEventListener('focusin', onFocus);
}

/** The button's classes (reopen.css): the configured corner, or the other one while it dodges. */
export const reopenClass = (config: Config, dodging: boolean): string =>
  (config.reopen === 'bottom-right') !== dodging ? 'button reopen bottom-right' : 'button reopen';
