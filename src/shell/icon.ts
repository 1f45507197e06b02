/**
 * The reopen button's cookie, with bites and crumbs: one path each, the outline first (drawn as
 * reopen.css says, in the button's text colour), drawn with DOM calls by shell/reopen.ts.
 * Decorative: the button is named.
 */
export const COOKIE = [
  'M21 12.5A9 9 0 1 1 11.5 3a3 3 0 0 0 3.5 3.5 3 3 0 0 0 3.5 3.5 3 3 0 0 0 2.5 2.5z',
  // Each crumb a circle of radius 1.5 in two arcs (at 8.5 10, 9 15.5, 14.5 15).
  'M10 10a1.5 1.5 0 0 1-3 0 1.5 1.5 0 0 1 3 0',
  'M10.5 15.5a1.5 1.5 0 0 1-3 0 1.5 1.5 0 0 1 3 0',
  'M16 15a1.5 1.5 0 0 1-3 0 1.5 1.5 0 0 1 3 0',
];
