import type { CheckTexts } from './texts/nb';
import { toFix as firstToFix } from './inspect';
import { badge, forHelper, type Line, type Section } from './model';

/** The check as plain text, for the owner to paste into a message to whoever helps them: the technical terms kept, in parentheses. */
export function plainReport(sections: readonly Section[], t: CheckTexts, version: string): string {
  const out = [t.reportFor(location.href, new Date().toLocaleString(t.locale)), t.version(version), navigator.userAgent, ''];
  // A line's colour in words; a line without one (it says again what a red line shows) as a plain item.
  const mark = (line: Line) => {
    const word = badge(t, line);
    return word === null ? '-' : `[${word}]`;
  };
  const write = (section: Section, depth: number) => {
    out.push(`${'#'.repeat(depth)} ${forHelper(section.title)}`);
    if (section.note) out.push(forHelper(section.note));
    for (const line of section.lines) {
      out.push(`${mark(line)} ${forHelper(line.text)}`);
      if (line.fix) out.push(`    ${t.fix} ${forHelper(line.fix)}`);
    }
    out.push('');
    for (const part of section.parts ?? []) write(part, depth + 1);
  };
  // What to fix first, as the panel lists it: the red lines, then the yellow.
  const toFix = firstToFix(sections);
  if (toFix.length) out.push(`## ${t.toFix}`, ...toFix.map((l) => `${mark(l)} ${forHelper(l.text)}`), '');
  for (const section of sections) write(section, 2);
  out.push(`## ${t.limits}`, ...t.limitLines.map((l) => `- ${forHelper(l)}`));
  return out.join('\n');
}
