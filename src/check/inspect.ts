import { consentMode } from './consent-mode';
import { installation } from './install';
import type { Look, Section } from './model';
import { decisionLine, requests } from './requests';
import { messages, settings, type PrivacyAnswer } from './settings';
import { storage } from './storage';

/** The whole check, read from the page as it is now: the panel and the copied report both show this. */
export function inspect(look: Look, privacy: PrivacyAnswer): Section[] {
  const { t } = look;
  const said = messages(look);
  return [
    { title: t.install, lines: installation(look) },
    { title: t.settings, lines: settings(look, privacy), parts: [said.length ? { title: t.messages, note: t.messagesNote, lines: said } : { title: t.messages, lines: [{ tone: 'ok', text: t.messagesNone }] }] },
    {
      title: t.view,
      lines: [decisionLine(look)],
      parts: [...requests(look), { title: t.storage, lines: storage(look) }, { title: t.consentMode, lines: consentMode(look) }],
    },
  ];
}

/** Every line of the check, sub-sections included. */
export const allLines = (sections: readonly Section[]): Section['lines'] => sections.flatMap((s) => [...s.lines, ...allLines(s.parts ?? [])]);
