import { describe, expect, it } from 'vitest';
import { relativeAddress, siteAddress } from '../../../demo/configure/addresses';

describe('addresses as an owner types them', () => {
  it('reads her site’s address without https:// as https://, and nothing that is not a host', () => {
    expect(siteAddress('www.stressfri.no')?.href).toBe('https://www.stressfri.no/');
    expect(siteAddress(' stressfri.no/om/ ')?.href).toBe('https://stressfri.no/om/');
    expect(siteAddress('http://www.stressfri.no')?.href).toBe('http://www.stressfri.no/');
    for (const wrong of ['', 'stressfri', 'www stressfri no', 'ftp://www.stressfri.no/', 'javascript:alert(1)']) expect(siteAddress(wrong), wrong).toBeNull();
  });

  it('calls a page address that is neither rooted nor full an error, unless the field already has a message', () => {
    expect(relativeAddress('privacyUrl', 'personvern', [])).toEqual([expect.objectContaining({ level: 'error', field: 'privacyUrl' })]);
    for (const fine of [undefined, '', '/personvern/', 'https://www.stressfri.no/personvern/']) expect(relativeAddress('privacyUrl', fine, []), fine).toEqual([]);
    expect(relativeAddress('privacyUrl', 'personvern', [{ level: 'error', field: 'privacyUrl', text: '…' }])).toEqual([]);
  });
});
