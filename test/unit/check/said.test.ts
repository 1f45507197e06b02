import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import type { Reported } from '../../../src/core/report';
import { MESSAGES } from '../../../src/help/messages';
import { forHelper, forOwner, type Look } from '../../../src/check/model';
import { messages } from '../../../src/check/settings';
import { CHECK_TEXTS } from '../../../src/check/texts';
import { nb } from '../../../src/check/texts/nb';
import type { CookieStore } from '../../../src/storage/cookie';

/** The console messages as the owner reads them in the check: every one in plain words, with its fix and its values. */

const NO_COOKIE: CookieStore = { read: () => null, write() {}, clear() {} };
function look(said: Reported[], t = nb): Look {
  const config = validate({ privacyUrl: '/personvern/' }, { href: location.href, hostname: location.hostname, nonce: '' });
  return { config, store: createStore(config, NO_COOKIE), tag: null, said, t, released: new WeakSet(), decisions: [] };
}
const keys = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];

describe('the check says each console message in the owner’s words', () => {
  for (const [lang, t] of Object.entries(CHECK_TEXTS)) {
    it(`${lang}: every message key has an owner text and a fix, using only the values the message carries`, () => {
      const missing = keys.filter((key) => !t.said[key]?.[0] || !t.said[key]?.[1]);
      expect(missing).toEqual([]);
      for (const key of keys) {
        // Each of the message's values in its place; a placeholder past them would reach the owner as "{2}".
        const values = Array.from({ length: MESSAGES[key].length }, (_, i) => `«v${i}»`);
        const [line] = messages(look([{ level: 'warn', key, values, detail: undefined }], t));
        expect(line!.text + ' ' + line!.fix, `${lang} ${key}`).not.toMatch(/\{\d+\}/);
      }
    });
  }

  it('the values are filled in, a list as its items; an error is red, a warning yellow; the key is kept for the helper only', () => {
    const said: Reported[] = [
      { level: 'warn', key: 'google.found', values: ['AW-123456789', 'data-google-ads'], detail: undefined },
      { level: 'error', key: 'api.purpose', values: ['samtykke.granted', '"ads"', ['analytics', 'marketing']], detail: undefined },
    ];
    const [found, purpose] = messages(look(said));
    expect(forOwner(found!.text)).toBe('Fant gammel Google-kode med ID-en AW-123456789 i sidens kode; besøkende blir spurt om den.');
    expect(found).toMatchObject({ tone: 'warn' });
    expect(forOwner(found!.fix!)).toBe('Skriv AW-123456789 inn i samtykke-verktøyet (steg 2 i veiledningen), og lim inn den nye koden (steg 3 og 4), så den er med på alle sider.');
    // The attribute it becomes, for whoever helps.
    expect(forHelper(found!.fix!)).toContain('(data-google-ads="AW-123456789")');
    expect(forHelper(found!.text)).toBe('Fant gammel Google-kode med ID-en AW-123456789 i sidens kode; besøkende blir spurt om den. (google.found)');
    expect(purpose).toMatchObject({ tone: 'bad', fix: 'Bruk et av formålene siden har: analytics, marketing.' });
    expect(forOwner(purpose!.text)).toBe('Sidens egen kode spurte om et formål siden ikke har ("ads").');
    expect(forHelper(purpose!.text)).toBe('Sidens egen kode spurte om et formål siden ikke har ("ads"). (samtykke.granted) (api.purpose)');
  });

  it('a message a red line shows too says where that line is, grey and without a fix (the red line has it); the others as before', () => {
    const said: Reported[] = [
      { level: 'warn', key: 'leak.request', values: ['https://www.googletagmanager.com/gtag/js?id=AW-1', 'script'], detail: undefined },
      { level: 'warn', key: 'host.unknown', values: ['widget.example'], detail: undefined },
    ];
    const [echo, other] = messages(look(said), (key, [url]) => (key === 'leak.request' && String(url).includes('googletagmanager') ? nb.same('Før valget') : undefined));
    expect(echo).toEqual({ tone: 'same', text: expect.any(String) });
    expect(forOwner(echo!.text)).toBe('https://www.googletagmanager.com/gtag/js?id=AW-1 ble hentet før samtykke. Det samme som feilen under «Før valget».');
    expect(forHelper(echo!.text)).toMatch(/«Før valget»\. \(leak\.request\)$/);
    expect(other).toMatchObject({ tone: 'warn', fix: expect.stringContaining('legg den til som tjeneste') });
  });

  it('an unknown attribute is named as the owner wrote it on the tag', () => {
    const [line] = messages(look([{ level: 'warn', key: 'attribute.unknown', values: ['privacyUrll'], detail: undefined }]));
    expect(forOwner(line!.text)).toBe('Koden til banneret har en innstilling banneret ikke kjenner (data-privacy-urll), så den brukes ikke.');
  });

  it('a value written like a placeholder stays as written: it is never filled again', () => {
    const [line] = messages(look([{ level: 'warn', key: 'host.unknown', values: ['{0}.example'], detail: undefined }]));
    expect(forOwner(line!.text)).toBe('{0}.example laster uten samtykke, og banneret kjenner den ikke.');
  });
});
