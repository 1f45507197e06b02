import { describe, expect, it } from 'vitest';
import { inBokmal } from '../../../demo/configure/bokmal';
import { check } from '../../../demo/configure/messages';

const SITE = 'https://www.example.no/';
const service = { id: 'chat', name: 'Chat', purpose: 'functional', provider: 'Chat AS', description: 'Chat with us.' };

/** One input per message validate() can give, so each must have its bokmål rule. */
const WRONG: Record<string, unknown>[] = [
  { privacyUrl: '/p/', foo: 1 },
  {},
  { privacyUrl: '/p/', lang: 'de', reopen: 'top', mode: 'x' },
  { privacyUrl: '/p/', adsDataRedaction: 'yes' },
  { privacyUrl: '/p/', validityDays: 9999 },
  { privacyUrl: 'javascript:alert(1)' },
  { privacyUrl: '/p/', logUrl: 'ftp://log.example.no/' },
  { privacyUrl: '/p/', googleAds: 'AW-12', googleAnalytics: 'UA-1' },
  { privacyUrl: '/p/', revision: 'a b' },
  { privacyUrl: '/p/', cookieDomain: 'evil.test' },
  { privacyUrl: '/p/', embeds: 5 },
  { privacyUrl: '/p/', embeds: 'tiktok' },
  { privacyUrl: '/p/', services: 'chat' },
  { privacyUrl: '/p/', services: [5] },
  { privacyUrl: '/p/', services: [{ ...service, id: 'Bad Id' }] },
  { privacyUrl: '/p/', services: [{ ...service, name: '' }] },
  { privacyUrl: '/p/', services: [{ ...service, purpose: 'fun' }] },
  { privacyUrl: '/p/', services: [{ ...service, provider: '' }] },
  { privacyUrl: '/p/', services: [{ ...service, description: 5 }] },
  { privacyUrl: '/p/', services: [{ ...service, cookies: 'x' }] },
  { privacyUrl: '/p/', services: [{ ...service, cookies: [{ name: 'a b' }] }] },
  { privacyUrl: '/p/', services: [{ ...service, block: 'not a host' }] },
  { privacyUrl: '/p/', services: [{ ...service, src: 'javascript:x' }] },
  { privacyUrl: '/p/', texts: 5 },
  { privacyUrl: '/p/', texts: { de: {} } },
  { privacyUrl: '/p/', texts: { nb: { title: 5 } } },
  { privacyUrl: '/p/', theme: 5 },
  { privacyUrl: '/p/', theme: { accent: 'red; }', radius: 'url(x)', font: 'image(x)', size: '1px' } },
];

describe('the configurator’s messages in bokmål', () => {
  const messages = WRONG.flatMap((input) => check(input, SITE));

  it('has a bokmål wording for every message the script gives', () => {
    expect(messages.length).toBeGreaterThanOrEqual(WRONG.length);
    expect(messages.filter((m) => inBokmal(m.text) === null).map((m) => m.text)).toEqual([]);
  });

  it('keeps the setting name and the owner’s value, and says the fix in Norwegian', () => {
    const [left] = check({ privacyUrl: '/p/', services: [{ ...service, provider: '' }] }, SITE);
    expect(inBokmal(left!.text)).toBe('services[0].provider: må nevne selskapet som mottar opplysningene. Tjenesten blir utelatt.');
    const [log] = check({ privacyUrl: '/p/', logUrl: 'ftp://log.example.no/' }, SITE);
    expect(inBokmal(log!.text)).toBe('logUrl: «ftp://log.example.no/» er ikke en nettadresse; skriv en sti som «/personvern/» eller en full https://-adresse.');
  });

  it('words a wrong id by what a right one looks like, without the value, so several wrong ids in a field read alike', () => {
    const said = check({ privacyUrl: '/p/', googleAds: 'aw 123456789' }, SITE).map((m) => inBokmal(m.text));
    expect(said).toEqual(Array(2).fill('googleAds: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.'));
  });

  it('quotes values and examples in «», as Norwegian text does, and leaves a shape of code as code', () => {
    const said = messages.map((m) => inBokmal(m.text) ?? '');
    // Straight quotes only inside { … }, a shape of code the owner would copy.
    expect(said.filter((text) => text.replace(/\{.*\}/gs, '').includes('"'))).toEqual([]);
    expect(said).toContain('services[0].cookies[0]: må være { name: "_fbp", purpose: "…", lifetime: "90 dager" } (et navn som slutter på * gjelder alle som begynner slik). Tjenesten blir utelatt.');
    const [quote] = check({ privacyUrl: '/p/', theme: { accent: 'a"b' } }, SITE);
    expect(inBokmal(quote!.text)).toBe('theme.accent: «a"b» er ikke tillatt; gi en farge som «#0b5cad». Blir oversett.');
  });

  it('leaves a message it does not know as the script wrote it (null), rather than guessing', () => {
    expect(inBokmal('googleAds: something new happened.')).toBeNull();
  });
});
