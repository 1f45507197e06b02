import { inBokmal } from './bokmal';
import type { FieldMessage } from './messages';

const PREFIX: Record<FieldMessage['level'], string> = { error: 'Feil: ', warn: 'Merk: ', hint: 'Tips: ' };

/**
 * A message as the owner reads it: in bokmål when the form is (the configurator's own hints
 * are already), and, when it stands under the field it is about, without the setting's name
 * (`googleAds:`), a developer's word the field's label already says in hers.
 */
export function wording(m: FieldMessage, norwegian: boolean, underItsField: boolean): string {
  const said = (m.level !== 'hint' && norwegian && inBokmal(m.text)) || m.text;
  const name = `${m.field}: `;
  if (!underItsField || !m.field || !said.startsWith(name)) return PREFIX[m.level] + said;
  // What followed the name now starts the sentence.
  return PREFIX[m.level] + said.charAt(name.length).toUpperCase() + said.slice(name.length + 1);
}
