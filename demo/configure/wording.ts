import { inBokmal } from './bokmal';
import type { FieldMessage } from './messages';

const PREFIX: Record<FieldMessage['level'], string> = { error: 'Feil: ', warn: 'Merk: ', hint: 'Tips: ' };

/** Words that now start a sentence, with a capital. */
export const sentence = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/**
 * A message as the owner reads it: in bokmål when the form is (the configurator's own hints
 * are already), and without the setting's name (`googleAds:`, `services[0].provider:`), a
 * developer's word: under its own field the label above already names it; elsewhere (a box of
 * several fields) the field's `label` stands in its place. With no label (a message about no
 * one field), the name stays, as the only pointer there is.
 */
export function wording(m: FieldMessage, norwegian: boolean, underItsField: boolean, label?: string): string {
  const said = (m.level !== 'hint' && norwegian && inBokmal(m.text)) || m.text;
  const name = `${m.field}: `;
  if (!m.field || !said.startsWith(name)) return PREFIX[m.level] + said;
  const rest = said.slice(name.length);
  // What followed the name now starts the sentence.
  if (underItsField) return PREFIX[m.level] + sentence(rest);
  return PREFIX[m.level] + (label ? `${label}: ${rest}` : said);
}
