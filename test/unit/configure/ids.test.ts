import { describe, expect, it } from 'vitest';
import { explainIds } from '../../../demo/configure/ids';
import { check } from '../../../demo/configure/messages';
import type { Settings } from '../../../demo/configure/tag';
import { wording } from '../../../demo/configure/wording';

/** What each id field shows under it, as the configurator shows it: in bokmål, each line once. */
function shown(settings: Settings): Record<string, string[]> {
  const lines: Record<string, string[]> = {};
  for (const m of explainIds(check({ privacyUrl: '/p/', ...settings }, 'https://www.example.no/'), settings)) {
    const field = (lines[m.field] ??= []);
    const text = wording(m, true, true);
    if (!field.includes(text)) field.push(text);
  }
  return lines;
}

const GENERIC = 'Feil: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.';

describe('a wrong id, told by what is wrong with it', () => {
  it('says nothing about right ids', () => {
    expect(shown({ googleAds: 'AW-123456789, GT-ABCD1234', googleAnalytics: 'G-ABC123XYZ', metaPixel: '123456789012345' })).toEqual({});
  });

  it('a space inside an id: take it away, in one line for the one id (not a line per piece)', () => {
    expect(shown({ googleAds: 'AW- 123456789' })).toEqual({ googleAds: ['Feil: Ta bort mellomrommet: «AW-123456789».'] });
    expect(shown({ googleAnalytics: 'G-ABC 123XYZ' })).toEqual({ googleAnalytics: ['Feil: Ta bort mellomrommet: «G-ABC123XYZ».'] });
    expect(shown({ metaPixel: '1234 5678 9012 345' })).toEqual({ metaPixel: ['Feil: Ta bort mellomrommene: «123456789012345».'] });
  });

  it('small letters or a missing dash: said once, as the error, with the id as it should be', () => {
    expect(shown({ googleAds: 'aw-123456789' })).toEqual({ googleAds: ['Feil: Skriv ID-en med store bokstaver: «AW-123456789».'] });
    expect(shown({ googleAds: 'AW123456789' })).toEqual({ googleAds: ['Feil: Sett inn bindestreken etter «AW»: «AW-123456789».'] });
    expect(shown({ googleAnalytics: 'GABC123XYZ' })).toEqual({ googleAnalytics: ['Feil: Sett inn bindestreken etter «G»: «G-ABC123XYZ».'] });
    expect(shown({ googleAds: 'aw 123456789' })).toEqual({ googleAds: ['Feil: Ta bort mellomrommet, skriv ID-en med store bokstaver og sett inn bindestreken etter «AW»: «AW-123456789».'] });
  });

  it('a Google id of the other kind: where it goes, as the error', () => {
    expect(shown({ googleAds: 'G-ABC123XYZ' })).toEqual({ googleAds: ['Feil: «G-ABC123XYZ» er en Google Analytics-ID (G-…). Skriv den i feltet «Google Analytics-måle-ID».'] });
    expect(shown({ googleAnalytics: 'AW-123456789' })).toEqual({ googleAnalytics: ['Feil: «AW-123456789» er en Google Ads-ID (AW-…) eller en Google-tag (GT-…). Skriv den i feltet «Google Ads-ID».'] });
    expect(shown({ metaPixel: 'GT-ABCD1234' })).toEqual({ metaPixel: ['Feil: «GT-ABCD1234» er en Google Ads-ID (AW-…) eller en Google-tag (GT-…). Skriv den i feltet «Google Ads-ID».'] });
  });

  it('what cannot be told surely keeps the plain line of what a right id looks like, beside what can be told', () => {
    expect(shown({ googleAds: 'UA-1234-1' })).toEqual({ googleAds: [GENERIC] });
    // A right id and a stray piece: not read as one id without the space.
    expect(shown({ googleAds: 'AW-123456789 5' })).toEqual({ googleAds: [GENERIC] });
    // Digits alone may be an Ads id without «AW-» as well as a Meta id: not sent to the Meta field.
    expect(shown({ googleAds: '123456789' })).toEqual({ googleAds: [GENERIC] });
    expect(shown({ googleAds: 'AW-12, aw-123456789' })).toEqual({ googleAds: [GENERIC, 'Feil: Skriv ID-en med store bokstaver: «AW-123456789».'] });
  });
});
