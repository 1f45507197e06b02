import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInput } from '../../../src/config/read';
import { SETTINGS } from '../../../src/config/settings';
import type { SamtykkeInput } from '../../../src/config/types';

afterEach(() => vi.restoreAllMocks());

function tag(attrs: Record<string, string>): HTMLScriptElement {
  const s = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  return s;
}

describe('reading the owner input', () => {
  it('reads the tag attributes, converting numbers and switches', () => {
    const input = readInput(tag({ 'data-google-ads': 'AW-1234', 'data-validity-days': '90', 'data-url-passthrough': 'true', 'data-privacy-url': '/p/' }), undefined);
    expect(input).toEqual({ googleAds: 'AW-1234', validityDays: 90, urlPassthrough: true, privacyUrl: '/p/' });
  });

  it('converts only a whole number or exactly true/false, and only for a setting of that kind', () => {
    const read = (attrs: Record<string, string>) => ({ ...readInput(tag(attrs), undefined) });
    expect(read({ 'data-validity-days': ' 90 ' })).toEqual({ validityDays: 90 });
    for (const days of ['90 dager', 'x90', '9 0', '-90', '90x']) expect(read({ 'data-validity-days': days }), days).toEqual({ validityDays: days });
    expect(read({ 'data-url-passthrough': 'false' })).toEqual({ urlPassthrough: false });
    for (const flag of ['truex', 'xtrue', 'TRUE', 'falsey']) expect(read({ 'data-url-passthrough': flag }), flag).toEqual({ urlPassthrough: flag });
    // Text settings stay text, whatever they look like.
    expect(read({ 'data-revision': '42', 'data-lang': 'true' })).toEqual({ revision: '42', lang: 'true' });
  });

  it('leaves unconvertible attribute text for the validator to report', () => {
    expect(readInput(tag({ 'data-validity-days': 'ninety' }), undefined)).toEqual({ validityDays: 'ninety' });
  });

  it('lets the tag attributes win over window.samtykkeConfig', () => {
    const input = readInput(tag({ 'data-lang': 'en' }), { lang: 'nn', revision: '4' });
    expect(input).toEqual({ lang: 'en', revision: '4' });
  });

  it('reports a samtykkeConfig that is not an object, and ignores it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readInput(null, 'AW-123')).toEqual({});
    expect(String(error.mock.calls[0]![0])).toContain('window.samtykkeConfig');
  });

  it('warns about an attribute it does not know', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    readInput(tag({ 'data-google-add': 'AW-1' }), undefined);
    expect(String(warn.mock.calls[0]![0])).toContain('data-google-add');
  });
});

describe('the settings’ type', () => {
  it('names every setting the tag and samtykkeConfig read, and no other', () => {
    // Typed with every key of SamtykkeInput, so tsc (npm test's first step) stops on a setting
    // the type lacks or one it has that no longer exists; at run time, the same keys as SETTINGS.
    const everyKey: Record<keyof SamtykkeInput, true> = {
      googleAds: true, googleAnalytics: true, metaPixel: true, privacyUrl: true, lang: true, revision: true, validityDays: true, cookieDomain: true, mode: true, adsDataRedaction: true,
      urlPassthrough: true, waitForUpdate: true, reloadOnWithdraw: true, reopen: true, strict: true, services: true, embeds: true, texts: true, theme: true, logUrl: true,
    };
    expect(Object.keys(everyKey).sort()).toEqual(Object.keys(SETTINGS).sort());
  });
});
