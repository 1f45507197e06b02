import { describe, expect, it, vi } from 'vitest';
import type { OptionalPurpose } from '../../../src/config/types';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import { cookieDomains, enforceWithdrawal, matchesCookie } from '../../../src/effects/withdraw';
import type { CookieStore } from '../../../src/storage/cookie';

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

describe('a withdrawal reloads the page only for code that ran (UI-10)', () => {
  const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
  const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ' }, place);
  const none: CookieStore = { read: () => null, write() {}, clear() {} };

  function withdrawing(ran: OptionalPurpose[], settings = config) {
    const store = createStore(settings, none);
    const reload = vi.fn();
    enforceWithdrawal(settings, store, new Set(ran), reload);
    store.decide({ analytics: true, marketing: true });
    return { store, reload };
  }

  it('reloads when a withdrawn purpose had run', () => {
    const { store, reload } = withdrawing(['marketing']);
    store.decide({ analytics: true, marketing: false });
    expect(reload).toHaveBeenCalledOnce();
  });

  it('does not reload when nothing of the withdrawn purpose had run', () => {
    const { store, reload } = withdrawing(['analytics']);
    store.decide({ analytics: true, marketing: false });
    expect(reload).not.toHaveBeenCalled();
  });

  it('does not reload when nothing had run at all', () => {
    const { store, reload } = withdrawing([]);
    store.reset();
    expect(reload).not.toHaveBeenCalled();
  });

  it('does not reload when the owner turned it off', () => {
    const { store, reload } = withdrawing(['marketing'], { ...config, reloadOnWithdraw: false });
    store.reset();
    expect(reload).not.toHaveBeenCalled();
  });
});
