import { describe, expect, it } from 'vitest';
import { addressError, addressErrors, LOG, OTHER_SITE, OWN_PAGE, siteAddress } from '../../../demo/configure/addresses';
import type { FormState, ServiceForm } from '../../../demo/configure/model';

/** The form as it opens (the usual privacy page, the project's site), with `changes`. */
const form = (changes: Partial<FormState>): FormState => ({
  hosting: 'pages',
  ownFolder: '/samtykke/',
  googleAds: '',
  googleAnalytics: '',
  metaPixel: '',
  privacyUrl: '/personvern/',
  embeds: [],
  lang: '',
  reopen: 'bottom-left',
  strict: false,
  logUrl: '',
  theme: { accent: '', accentText: '', background: '', text: '' },
  services: [],
  ...changes,
});
const service = (privacyUrl: string): ServiceForm => ({ id: 'hano', name: 'Hano', purpose: 'functional', provider: 'Hano AS', description: 'Timebestilling.', privacyUrl, src: '', block: '', transfer: false, cookies: '' });
const fieldsOf = (state: FormState) => addressErrors(state, []).map((m) => [m.level, m.field]);

describe('addresses as an owner types them', () => {
  it('reads her site’s address without https:// as https://, and nothing that is not a host', () => {
    expect(siteAddress('www.stressfri.no')?.href).toBe('https://www.stressfri.no/');
    expect(siteAddress(' stressfri.no/om/ ')?.href).toBe('https://stressfri.no/om/');
    expect(siteAddress('http://www.stressfri.no')?.href).toBe('http://www.stressfri.no/');
    for (const wrong of ['', 'stressfri', 'www stressfri no', 'ftp://www.stressfri.no/', 'javascript:alert(1)']) expect(siteAddress(wrong), wrong).toBeNull();
  });

  it('calls a page address that is neither rooted nor full an error, unless the field already has a message', () => {
    expect(addressError('privacyUrl', 'personvern', OWN_PAGE, [])).toEqual([expect.objectContaining({ level: 'error', field: 'privacyUrl' })]);
    for (const fine of [undefined, '', '/personvern/', 'https://www.stressfri.no/personvern/']) expect(addressError('privacyUrl', fine, OWN_PAGE, []), fine).toEqual([]);
    expect(addressError('privacyUrl', 'personvern', OWN_PAGE, [{ level: 'error', field: 'privacyUrl', text: '…' }])).toEqual([]);
  });

  it('holds the consent log to https or a path from the root, and a provider’s privacy page to a full https:// address', () => {
    for (const wrong of ['v1/consents', 'logg.stressfri.no/v1/consents', 'http://logg.stressfri.no/v1/consents']) expect(addressError('logUrl', wrong, LOG, []), wrong).toHaveLength(1);
    for (const fine of ['/v1/consents', 'https://logg.stressfri.no/v1/consents', 'HTTPS://logg.stressfri.no/']) expect(addressError('logUrl', fine, LOG, []), fine).toEqual([]);
    for (const wrong of ['/personvern', 'hano.no/personvern', 'http://hano.no/personvern']) expect(addressError('services[0].privacyUrl', wrong, OTHER_SITE, []), wrong).toHaveLength(1);
    expect(addressError('services[0].privacyUrl', 'https://hano.no/personvern', OTHER_SITE, [])).toEqual([]);
  });

  it('checks every address of the form, each under its own field, the upload folder only when she hosts the file', () => {
    expect(fieldsOf(form({}))).toEqual([]);
    expect(fieldsOf(form({ privacyUrl: 'personvern', logUrl: 'logg', ownFolder: 'samtykke/', services: [service('https://hano.no/personvern'), service('hano.no')] }))).toEqual([
      ['error', 'privacyUrl'],
      ['error', 'logUrl'],
      ['error', 'services[1].privacyUrl'],
    ]);
    expect(fieldsOf(form({ hosting: 'folder', ownFolder: 'samtykke/' }))).toEqual([['error', 'ownFolder']]);
  });

  it('starts each message with the field’s name, which the form replaces by the field’s label', () => {
    expect(addressError('services[0].privacyUrl', 'hano.no', OTHER_SITE, [])[0]?.text).toBe(
      'services[0].privacyUrl: skriv hele adressen med https://, f.eks. https://hano.no/personvern. Siden ligger hos leverandøren, ikke på nettstedet ditt.',
    );
  });
});
