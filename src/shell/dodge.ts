/**
 * A11Y-06 (WCAG 2.4.11): the floating reopen button must not hide what has focus on the page.
 * When focus lands under it, it steps to the other bottom corner (if that one is clear) until
 * focus moves on. Used by the engine's button and the face's alike: given the button and the
 * element that got focus, and whether it stands in the other corner now, says where it belongs.
 */
export function dodges(button: Element, focused: Element, dodging: boolean): boolean {
  const b = button.getBoundingClientRect();
  const el = focused.getBoundingClientRect();
  // Would the button at `left` (same row, same size) cover any of the focused element?
  const covers = (left: number) => el.left < left + b.width && left < el.right && el.top < b.bottom && b.top < el.bottom;
  const here = covers(b.left);
  const mirrored = covers(document.documentElement.clientWidth - b.right);
  return dodging ? mirrored && !here : here && !mirrored;
}
