/**
 * What is wrong with an id, said where it can be told cheaply and surely. The script's own
 * check only says an id is not valid and what a right one looks like (bokmal.ts); an owner who
 * typed a space inside it, small letters or no dash, or a real id into the wrong field, is told
 * that instead, with the id as it should be, in the one line her field shows. Whether an id is
 * valid is asked of the script's own validate() (messages.ts), so its rule stays in one place.
 */
import type { FieldMessage } from './messages';
import { check } from './messages';
import type { Settings } from './tag';
import { sentence } from './wording';

interface IdField {
  readonly field: 'googleAds' | 'googleAnalytics' | 'metaPixel';
  /** What the id starts with, before its dash. */
  readonly prefixes: readonly string[];
  /** Its field's label, and what an id of this kind is called: only the Google kinds, as only they are told apart surely (a Meta id is digits, as an Ads id without «AW-» is). */
  readonly home?: { readonly label: string; readonly kind: string };
}

const FIELDS: readonly IdField[] = [
  { field: 'googleAds', prefixes: ['AW', 'GT'], home: { label: 'Google Ads-ID', kind: 'en Google Ads-ID (AW-…) eller en Google-tag (GT-…)' } },
  { field: 'googleAnalytics', prefixes: ['G'], home: { label: 'Google Analytics-måle-ID', kind: 'en Google Analytics-ID (G-…)' } },
  { field: 'metaPixel', prefixes: [] },
];

/** Any address does: validate() needs one, and an id's check does not depend on it. */
const SITE = 'https://www.example.no/';

const valid = (field: IdField['field'], id: string): boolean => !check({ [field]: id }, SITE).some((m) => m.field === field);

/** The id as it should be and the slips undone to get there, or null when these slips do not explain it. */
function mended(typed: string, { field, prefixes }: IdField): { id: string; slips: string[] } | null {
  const slips: string[] = [];
  let id = typed;
  const spaces = typed.split(/\s+/).length - 1;
  if (spaces) {
    id = id.replace(/\s+/g, '');
    slips.push(spaces === 1 ? 'ta bort mellomrommet' : 'ta bort mellomrommene');
  }
  if (id !== id.toUpperCase()) {
    id = id.toUpperCase();
    slips.push('skriv ID-en med store bokstaver');
  }
  if (valid(field, id)) return { id, slips };
  const prefix = prefixes.find((p) => id.startsWith(p) && id[p.length] !== '-');
  if (!prefix) return null;
  id = `${prefix}-${id.slice(prefix.length)}`;
  return valid(field, id) ? { id, slips: [...slips, `sett inn bindestreken etter «${prefix}»`] } : null;
}

/** «a, b og c». */
const listed = (parts: string[]): string => (parts.length > 1 ? `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)!}` : parts[0]!);

/** What the owner should do about `typed` in `own`'s field, or null when it cannot be told surely. */
function advice(typed: string, own: IdField): string | null {
  const here = mended(typed, own);
  if (here) {
    return `${sentence(listed(here.slips))}: «${here.id}».`;
  }
  for (const other of FIELDS) {
    const there = other !== own && other.home && mended(typed, other);
    if (there) return `«${there.id}» er ${other.home!.kind}. Skriv den i feltet «${other.home!.label}».`;
  }
  return null;
}

/**
 * The script's messages, with those about a wrong id replaced by what is wrong with it, where
 * every wrong id of the field can be told so; otherwise the script's line stays (it says what a
 * right id looks like) beside what can be told. Ids are split as the script splits them: at
 * commas and spaces; but a piece of which no word is an id on its own is first read without its
 * spaces (`AW- 123456789`).
 */
export function explainIds(said: FieldMessage[], settings: Settings): FieldMessage[] {
  const told: FieldMessage[] = [];
  const explained = new Set<string>();
  for (const own of FIELDS) {
    const value = settings[own.field];
    if (typeof value !== 'string') continue;
    let all = true;
    for (const piece of value.split(',').map((p) => p.trim())) {
      const words = piece.split(/\s+/).filter(Boolean);
      const wrong = words.filter((w) => !valid(own.field, w));
      const whole = wrong.length > 1 && wrong.length === words.length ? advice(piece, own) : null;
      for (const text of whole ? [whole] : wrong.map((w) => advice(w, own))) {
        if (text) told.push({ level: 'error', field: own.field, text });
        else all = false;
      }
    }
    if (all) explained.add(own.field);
  }
  return [...said.filter((m) => !(m.level === 'error' && explained.has(m.field))), ...told];
}
