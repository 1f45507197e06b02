/**
 * The reopen button's cookie, with bites and crumbs, as data: the engine draws it with DOM calls
 * and the face with Preact, from these shapes. Drawn in the button's text colour; decorative,
 * the button is named.
 */
export const ICON_SVG = { viewBox: '0 0 24 24', width: '24', height: '24', 'aria-hidden': 'true', focusable: 'false' } as const;
export const ICON_SHAPES: readonly (readonly [tag: 'path' | 'circle', attributes: Record<string, string>])[] = [
  ['path', { fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linejoin': 'round', d: 'M21 12.5A9 9 0 1 1 11.5 3a3 3 0 0 0 3.5 3.5 3 3 0 0 0 3.5 3.5 3 3 0 0 0 2.5 2.5z' }],
  ['circle', { cx: '8.5', cy: '10', r: '1.5', fill: 'currentColor' }],
  ['circle', { cx: '9', cy: '15.5', r: '1.5', fill: 'currentColor' }],
  ['circle', { cx: '14.5', cy: '15', r: '1.5', fill: 'currentColor' }],
];
