import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { safeConfig } from '../../../src/config/safe';
import { validate } from '../../../src/config/validate';

const place = { href: 'https://www.stressfri.no/om/', hostname: 'www.stressfri.no', nonce: '' };
let errors: MockInstance;
let warnings: MockInstance;

beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const errorText = () => errors.mock.calls.map((c) => String(c[0])).join('\n');
const base = { privacyUrl: '/personvern/' };

describe('config defaults', () => {
  it('is safe with nothing configured: no optional purpose, basic mode, 182 days', () => {
    const c = validate(base, place);
    expect(c.purposes).toEqual([]);
    expect(c.services.map((s) => s.id)).toEqual(['samtykke']);
    expect(c).toMatchObject({ mode: 'basic', validityDays: 182, revision: '1', adsDataRedaction: true, urlPassthrough: false, reloadOnWithdraw: true, reopen: 'bottom-left', lang: null, cookieName: 'samtykke' });
    expect(errors).not.toHaveBeenCalled();
  });

  it('is frozen all the way down', () => {
    const c = validate({ ...base, googleAds: 'AW-123456789' }, place);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.services[1]!.googleIds)).toBe(true);
  });
});

describe('Google ids', () => {
  it('turns googleAds into a marketing service and googleAnalytics into an analytics one', () => {
    const c = validate({ ...base, googleAds: 'AW-123456789, AW-987654321', googleAnalytics: ['G-ABC123XYZ'] }, place);
    expect(c.purposes).toEqual(['analytics', 'marketing']);
    expect(c.services.find((s) => s.id === 'google-ads')!.googleIds).toEqual(['AW-123456789', 'AW-987654321']);
    expect(c.services.find((s) => s.id === 'google-analytics')!.purpose).toBe('analytics');
  });

  it.each([
    ['googleAds', 'AW-12x45'],
    ['googleAds', 'G-ABC12345'],
    ['googleAnalytics', 'UA-1234-1'],
    ['googleAnalytics', 'G-ab c'],
  ])('reports %s %s by name and loads nothing for it', (field, id) => {
    const c = validate({ ...base, [field]: id }, place);
    expect(c.services.some((s) => s.googleIds.length)).toBe(false);
    expect(errorText()).toContain(field);
    expect(errorText()).toContain('Nothing is loaded');
  });
});

describe('each setting, good and bad', () => {
  it.each([
    ['validityDays', 30, 30],
    ['validityDays', 395, 395],
    ['waitForUpdate', 0, 0],
    ['revision', '2025-01', '2025-01'],
    ['revision', 3, '3'],
    ['lang', 'nn', 'nn'],
    ['mode', 'advanced', 'advanced'],
    ['adsDataRedaction', false, false],
    ['urlPassthrough', true, true],
    ['reloadOnWithdraw', false, false],
    ['reopen', 'none', 'none'],
    ['strict', true, true],
    ['cookieDomain', 'stressfri.no', 'stressfri.no'],
    ['cookieDomain', '.stressfri.no', 'stressfri.no'],
    ['privacyUrl', 'https://www.stressfri.no/personvern/', 'https://www.stressfri.no/personvern/'],
  ])('accepts %s = %j', (field, value, expected) => {
    const c = validate({ ...base, [field]: value }, place) as unknown as Record<string, unknown>;
    expect(c[field]).toEqual(expected);
    expect(errors).not.toHaveBeenCalled();
  });

  it.each([
    ['validityDays', 396, 182],
    ['validityDays', 0, 182],
    ['validityDays', 12.5, 182],
    ['validityDays', '90', 182],
    ['waitForUpdate', -1, 500],
    ['revision', 'v 2', '1'],
    ['lang', 'sv', 'nb'],
    ['mode', 'Advanced', 'basic'],
    ['adsDataRedaction', 'no', true],
    ['urlPassthrough', 1, false],
    ['reloadOnWithdraw', null, true],
    ['reopen', 'top', 'bottom-left'],
    ['cookieDomain', 'example.com', null],
    ['privacyUrl', 'javascript:alert(1)', null],
    ['privacyUrl', '', null],
  ])('reports %s = %j by name and falls back to %j', (field, value, fallback) => {
    const c = validate({ ...base, [field]: value }, place) as unknown as Record<string, unknown>;
    expect(c[field]).toEqual(fallback);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errorText()).toMatch(new RegExp(`^\\[samtykke\\] ${field}: `));
  });

  it('warns once when the privacy notice link is missing', () => {
    expect(validate({}, place).privacyUrl).toBeNull();
    expect(warnings.mock.calls[0]![0]).toContain('privacyUrl');
  });

  it('warns about unknown settings and lists the known ones', () => {
    validate({ ...base, googleAd: 'AW-1' }, place);
    expect(String(warnings.mock.calls[0]![0])).toContain('unknown setting "googleAd"');
    expect(String(warnings.mock.calls[0]![0])).toContain('googleAds');
  });
});

describe('Meta pixel and Google tag ids', () => {
  it('declares Meta by a pixel id, and reports one that is not digits', () => {
    expect(validate({ ...base, metaPixel: '123456789012345' }, place).services.map((s) => s.id)).toContain('meta-pixel');
    const c = validate({ ...base, metaPixel: 'fb-123' }, place);
    expect(c.services.map((s) => s.id)).not.toContain('meta-pixel');
    expect(errorText()).toContain('metaPixel');
  });

  it('takes a Google tag id (GT-) as an Ads id', () => {
    expect(validate({ ...base, googleAds: 'GT-ABCD1234' }, place).services.find((s) => s.id === 'google-ads')?.googleIds).toEqual(['GT-ABCD1234']);
  });
});

describe('owner services', () => {
  const pixel = {
    id: 'meta-pixel',
    name: 'Meta Pixel',
    purpose: 'marketing',
    provider: 'Meta Platforms Ireland',
    description: { nb: 'Måler annonser på Facebook.', en: 'Measures Facebook ads.' },
    privacyUrl: 'https://www.facebook.com/privacy/policy/',
    cookies: [{ name: '_fbp', purpose: 'Skiller nettlesere fra hverandre.', lifetime: '90 dager' }],
    src: 'https://connect.facebook.net/en_US/fbevents.js',
  };

  it('adds a valid service and its purpose', () => {
    const c = validate({ ...base, services: [pixel] }, place);
    const s = c.services.find((x) => x.id === 'meta-pixel')!;
    expect(c.purposes).toEqual(['marketing']);
    expect(s.src).toEqual(['https://connect.facebook.net/en_US/fbevents.js']);
    expect(s.cookies[0]!.name).toBe('_fbp');
  });

  it.each([
    ['id', 'Meta Pixel!'],
    ['name', ''],
    ['purpose', 'statistics'],
    ['provider', undefined],
    ['description', 42],
    ['privacyUrl', 'ftp://x'],
    ['cookies', [{ name: 'a b', purpose: 'x', lifetime: 'y' }]],
    ['src', 'javascript:void 0'],
    ['transfer', 'yes'],
  ])('leaves out a service whose %s is wrong, naming services[0].%s', (field, value) => {
    const c = validate({ ...base, services: [{ ...pixel, [field]: value }] }, place);
    expect(c.services.some((x) => x.id === 'meta-pixel')).toBe(false);
    expect(c.purposes).toEqual([]);
    expect(errorText()).toContain(`services[0].${field}`);
  });

  it('keeps a transfer to the USA and a localStorage entry', () => {
    const c = validate({ ...base, services: [{ ...pixel, transfer: true, cookies: [{ name: 'chat', purpose: 'x', lifetime: 'y', local: true }] }] }, place);
    const s = c.services.find((x) => x.id === 'meta-pixel')!;
    expect(s.transfer).toBe(true);
    expect(s.cookies[0]!.local).toBe(true);
  });

  it('reports a services value that is not a list', () => {
    validate({ ...base, services: pixel }, place);
    expect(errorText()).toContain('services: must be a list');
  });
});

describe('texts and theme', () => {
  it('keeps string overrides per language and reports the rest', () => {
    const c = validate({ ...base, texts: { nb: { title: 'Cookies', body: 3 }, se: {} } }, place);
    expect(c.texts).toEqual({ nb: { title: 'Cookies' } });
    expect(errorText()).toContain('texts.nb.body');
    expect(errorText()).toContain('texts.se');
  });

  it('keeps CSS values and refuses anything that could carry rules', () => {
    const c = validate({ ...base, theme: { accent: '#0b5cad', background: 'red;} body{display:none', glow: 'x' } }, place);
    expect(c.theme).toEqual({ accent: '#0b5cad' });
    expect(errorText()).toContain('theme.background');
    expect(errorText()).toContain('theme.glow');
  });
});

describe('rows of the settings table', () => {
  it('leaves lang to the page when it is left out, in the owner\'s and the safe settings, and falls back to bokmål when wrong', () => {
    expect(validate(base, place).lang).toBeNull();
    expect(safeConfig('').lang).toBeNull();
    expect(validate({ ...base, lang: 'sv' }, place).lang).toBe('nb');
    expect(errorText()).toContain('Using "nb"');
  });

  it('gives the safe settings every simple default', () => {
    expect(safeConfig('n')).toMatchObject({ mode: 'basic', validityDays: 182, waitForUpdate: 500, adsDataRedaction: true, urlPassthrough: false, reloadOnWithdraw: true, reopen: 'bottom-left', strict: false, nonce: 'n' });
  });
});

describe('lists given as text', () => {
  it('splits embeds at spaces and commas, takes null as none and reports anything else once', () => {
    expect(validate({ ...base, embeds: 'youtube,, vimeo youtube' }, place).services.map((s) => s.id)).toEqual(['samtykke', 'youtube', 'vimeo']);
    expect(validate({ ...base, embeds: null }, place).services.map((s) => s.id)).toEqual(['samtykke']);
    expect(errors).not.toHaveBeenCalled();
    validate({ ...base, embeds: 5 }, place);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errorText()).toContain('embeds: must list');
  });

  it('does not split a service\'s src or block text', () => {
    const c = validate({ ...base, services: [{ id: 'x', name: 'X', purpose: 'marketing', provider: 'P', description: 'd', src: '/a b.js', block: 'a.example/x y' }] }, place);
    expect(c.services.some((s) => s.id === 'x')).toBe(false);
    expect(errorText()).toContain('services[0].block');
  });
});
