import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import { forHelper, forOwner, type Look } from '../../../src/check/model';
import { consentMode } from '../../../src/check/consent-mode';
import { plainReport } from '../../../src/check/plain';
import { storage } from '../../../src/check/storage';
import { nb } from '../../../src/check/texts/nb';
import type { CookieStore } from '../../../src/storage/cookie';

/** The parts of the check that read the page alone (no Resource Timing): storage keys, Consent Mode, the copied report. */

const NO_COOKIE: CookieStore = { read: () => null, write() {}, clear() {} };
function look(input: Record<string, unknown> = { googleAds: 'AW-123456789', privacyUrl: '/personvern/' }): Look {
  const config = validate(input, { href: location.href, hostname: location.hostname, nonce: '' });
  return { config, store: createStore(config, NO_COOKIE), tag: null, said: [], t: nb, released: new WeakSet(), decisions: [] };
}
const clearCookies = () => document.cookie.split('; ').forEach((c) => (document.cookie = `${c.split('=')[0]}=; max-age=0; path=/`));

describe('the check reads cookies and storage keys against the services’ cookie tables', () => {
  afterEach(() => {
    clearCookies();
    localStorage.clear();
    delete (window as { dataLayer?: unknown }).dataLayer;
  });

  it('nothing stored: one green line', () => {
    expect(storage(look())).toEqual([{ tone: 'ok', text: 'Ingen informasjonskapsler eller lagrede nøkler.' }]);
  });

  it('a declared cookie without consent is red, an undeclared key yellow, each with its fix', () => {
    document.cookie = '_gcl_au=1.1.42; path=/';
    localStorage.setItem('widget-state', '1');
    const lines = storage(look());
    expect(lines).toEqual([
      { tone: 'bad', text: '_gcl_au (informasjonskapsel): oppgitt under Google Ads, men finnes uten samtykke.', fix: nb.ungrantedFix },
      { tone: 'warn', text: 'widget-state (lagret i nettleseren ⟨localStorage⟩): ikke oppgitt under noen tjeneste.', fix: nb.undeclaredFix },
    ]);
  });

  it('the same cookie after consent is green', () => {
    document.cookie = '_gcl_au=1.1.42; path=/';
    const l = look();
    l.store.decide({ marketing: true });
    expect(storage(l).find((x) => x.text.startsWith('_gcl_au'))).toEqual({ tone: 'ok', text: '_gcl_au (informasjonskapsel): oppgitt under Google Ads.' });
  });

  it('Consent Mode: the default and each update from dataLayer, in order; none is red', () => {
    expect(consentMode(look())[0]).toMatchObject({ tone: 'bad', text: nb.cmNone });
    const w = window as unknown as { dataLayer: unknown[] };
    w.dataLayer = [];
    function gtag(..._args: unknown[]) {
      w.dataLayer.push(arguments);
    }
    gtag('consent', 'default', { ad_storage: 'denied', wait_for_update: 500 });
    gtag('consent', 'update', { ad_storage: 'granted' });
    expect(consentMode(look())).toEqual([
      { tone: 'ok', text: 'Før et valg ⟨default⟩: reklame: nei ⟨ad_storage: denied⟩.' },
      { tone: 'ok', text: 'Etter et valg ⟨update⟩: reklame: ja ⟨ad_storage: granted⟩.' },
    ]);
    // The owner reads the words; whoever helps them gets Google's names too.
    expect(forOwner(consentMode(look())[1]!.text)).toBe('Etter et valg: reklame: ja.');
    expect(forHelper(consentMode(look())[1]!.text)).toBe('Etter et valg (update): reklame: ja (ad_storage: granted).');
  });

  it('the copied report is plain text: headings, each line with its colour in words, each fix', () => {
    const text = plainReport([{ title: 'Installasjon', lines: [{ tone: 'bad', text: 'Feil her.', fix: 'Rett det.' }], parts: [{ title: 'Under', lines: [{ tone: 'ok', text: 'Fint.' }] }] }], nb, '9.9.9');
    expect(text).toContain('Versjon 9.9.9.');
    // What to fix first, before the sections, as the panel lists it.
    expect(text.indexOf('## Å rette og sjekke\n[Feil] Feil her.\n')).toBeGreaterThan(0);
    expect(text.indexOf('## Å rette og sjekke')).toBeLessThan(text.indexOf('## Installasjon'));
    expect(text).toContain('## Installasjon\n[Feil] Feil her.\n    Slik retter du det: Rett det.\n');
    expect(text).toContain('### Under\n[OK] Fint.');
    expect(plainReport([{ title: 'Installasjon', lines: [{ tone: 'ok', text: 'Fint.' }] }], nb, '9.9.9')).not.toContain('Å rette og sjekke');
    expect(text).toContain('## Hva sjekken ikke ser\n- Sjekken ser det nettleseren selv noterer om hva siden hentet (Resource Timing).');
  });

  it('a line saying again what a red line shows is a plain item in the report: no colour asking for action, not among what to fix', () => {
    const text = plainReport([{ title: 'Beskjeder', lines: [{ tone: 'same', text: 'Hentet før samtykke. Det samme som feilen under «Før valget». ⟨leak.request⟩' }] }], nb, '9.9.9');
    expect(text).toContain('## Beskjeder\n- Hentet før samtykke. Det samme som feilen under «Før valget». (leak.request)\n');
    expect(text).not.toContain('Å rette og sjekke');
  });
});
