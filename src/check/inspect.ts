import { pageAddresses } from './addresses';
import { consentMode } from './consent-mode';
import { unnamedEmbeds } from './embeds';
import { installation } from './install';
import type { Look, Section } from './model';
import { decisionLines, requests } from './requests';
import { messages, settings, type PrivacyAnswer } from './settings';
import { storage } from './storage';

/** The whole check, read from the page as it is now: the panel and the copied report both show this. */
export function inspect(look: Look, privacy: PrivacyAnswer): Section[] {
  const { t } = look;
  const fetched = requests(look);
  const addresses = pageAddresses();
  const unnamed = unnamedEmbeds(addresses, look.config);
  const said = messages(look, (key, values) => {
    // The console's word on a tracker fetched before consent is its red request line's own story: it points there.
    if (ECHOES.includes(key)) {
      const place = fetched.find((part) => part.lines.some((l) => l.tone === 'bad' && l.about === values[0]))?.title;
      return place && t.same(place);
    }
    // Its word on a video or map held unmarked because its service is not named: the yellow line under the services named, with the right fix.
    return key === 'hold.undeclared' && unnamed.some((s) => s.id === values[2]) ? t.sameLine(t.tone.warn, t.settings) : undefined;
  });
  return [
    { title: t.install, lines: installation(look) },
    { title: t.settings, lines: settings(look, privacy, addresses, unnamed), parts: [said.length ? { title: t.messages, note: t.messagesNote, lines: said } : { title: t.messages, lines: [{ tone: 'ok', text: t.messagesNone }] }] },
    {
      title: t.view,
      lines: decisionLines(look),
      parts: [...fetched, { title: t.storage, lines: storage(look) }, { title: t.consentMode, lines: consentMode(look) }],
    },
  ];
}

/** The console messages about a tracker fetched before consent (its address first), which a red request line shows itself. */
const ECHOES: readonly string[] = ['leak.preload', 'leak.request'];

/** Every line of the check, sub-sections included. */
export const allLines = (sections: readonly Section[]): Section['lines'] => sections.flatMap((s) => [...s.lines, ...allLines(s.parts ?? [])]);

/** What to fix first, as the panel lists it and the report too: the red lines, then the yellow. */
export function toFix(sections: readonly Section[]): Section['lines'] {
  const lines = allLines(sections);
  return [...lines.filter((l) => l.tone === 'bad'), ...lines.filter((l) => l.tone === 'warn')];
}
