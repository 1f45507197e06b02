/**
 * The reopen button's cookie, with bites and crumbs, in two paths stroked in the button's text
 * colour (reopen.css): the outline, then the three crumbs, each a zero-length line whose round
 * caps draw a dot as wide as the stroke (at 8.5 10, 9 15.5, 14.5 15). Drawn with DOM calls by
 * shell/reopen.ts. Decorative: the button is named.
 */
export const COOKIE = ['M21 12.5A9 9 0 1 1 11.5 3a3 3 0 0 0 3.5 3.5 3 3 0 0 0 3.5 3.5 3 3 0 0 0 2.5 2.5z', 'M8.5 10h0M9 15.5h0M14.5 15h0'];
