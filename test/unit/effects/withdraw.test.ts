import { describe, expect, it } from 'vitest';
import { cookieDomains, matchesCookie } from '../../../src/effects/withdraw';

describe('cookie matching', () => {
  it.each([
    ['_ga', '_ga', true],
    ['_ga', '_gat', false],
    ['_ga_*', '_ga_ABC123', true],
    ['_ga_*', '_ga', false],
    ['_gcl_*', '_gcl_au', true],
    ['_fbp', '_fbp2', false],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(matchesCookie(pattern, name)).toBe(expected);
  });
});

describe('domains a cookie may sit on (WN-07)', () => {
  it('walks from the host up to the registrable domain', () => {
    expect(cookieDomains('www.stressfri.no')).toEqual(['www.stressfri.no', 'stressfri.no']);
    expect(cookieDomains('a.b.example.no')).toEqual(['a.b.example.no', 'b.example.no', 'example.no']);
    expect(cookieDomains('stressfri.webnode.page')).toEqual(['stressfri.webnode.page', 'webnode.page']);
  });

  it('has nothing to try on localhost or an IP address', () => {
    expect(cookieDomains('localhost')).toEqual([]);
    expect(cookieDomains('127.0.0.1')).toEqual([]);
    expect(cookieDomains('::1')).toEqual([]);
  });
});
