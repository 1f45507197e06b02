import type { ComponentChild } from 'preact';

/**
 * Owner and built-in text is only ever text: `{name}` placeholders are swapped for the given
 * nodes (a link, a date), so no string is parsed as HTML. Only the parts given fill a
 * placeholder: `{__proto__}` or `{constructor}` in an owner's text stays as written.
 */
export function fill(text: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return text.split(/\{(\w+)\}/).map((s, i) => (i % 2 ? (Object.hasOwn(parts, s) ? parts[s] : `{${s}}`) : s));
}
