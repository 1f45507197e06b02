import { afterEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../../src/config/validate';
import { i18n, pageLang } from '../../../src/i18n';
import { en } from '../../../src/i18n/en';
import { nb } from '../../../src/i18n/nb';
import { nn } from '../../../src/i18n/nn';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
const config = (input: Record<string, unknown> = {}) => validate({ privacyUrl: '/personvern/', ...input }, place);

afterEach(() => vi.restoreAllMocks());

describe('language choice (LAW-07)', () => {
  it.each([
    ['nb', 'nb'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['NO-nb', 'nb'],
    ['nn', 'nn'],
    ['nn-NO', 'nn'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['de', 'nb'],
    ['', 'nb'],
  ])('<html lang="%s"> gives %s', (tag, lang) => expect(pageLang(tag)).toBe(lang));

  it('takes the configured language over the page', () => {
    expect(i18n(config({ lang: 'en' }), 'nn').lang).toBe('en');
    expect(i18n(config(), 'nn').lang).toBe('nn');
  });
});

describe('texts', () => {
  it('has the same keys in every language, none empty', () => {
    for (const pack of [nn, en]) expect(Object.keys(pack).sort()).toEqual(Object.keys(nb).sort());
    for (const pack of [nb, nn, en]) for (const v of Object.values(pack)) expect(v.trim()).not.toBe('');
  });

  it('cites ekomloven § 3-15 and never the old § 2-7 b (LAW-06)', () => {
    for (const pack of [nb, nn, en]) {
      expect(pack.law).toContain('§ 3-15');
      expect(JSON.stringify(pack)).not.toContain('2-7');
    }
  });

  it('names the first-layer buttons as the issue asks', () => {
    expect([nb.accept, nb.reject, nb.customize, nb.save]).toEqual(['Godta alle', 'Avvis alle', 'Tilpass', 'Lagre valg']);
  });

  it('applies owner overrides for the chosen language only', () => {
    const { t } = i18n(config({ texts: { nb: { accept: 'Ja takk' }, en: { accept: 'Yes' } } }), 'nb');
    expect(t.accept).toBe('Ja takk');
    expect(t.reject).toBe(nb.reject);
  });

  it('warns once, naming every unknown key', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    i18n(config({ texts: { nb: { acept: 'x', titel: 'y' }, en: { nope: 'z' } } }), 'nb');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/nb\.acept.*nb\.titel.*en\.nope/);
  });

  it('picks the visitor language from owner or preset text, else bokmål', () => {
    const { local } = i18n(config({ lang: 'nn' }));
    expect(local('Same')).toBe('Same');
    expect(local({ nb: 'bokmål', nn: 'nynorsk' })).toBe('nynorsk');
    expect(local({ nb: 'bokmål' })).toBe('bokmål');
    expect(local({ en: 'english' })).toBe('english');
  });
});
