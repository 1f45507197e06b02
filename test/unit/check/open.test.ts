import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../src/config/types';
import type { ConsentStore } from '../../../src/core/store';

/** Each test gets a fresh copy of the module (it keeps one page's context). */
async function fresh() {
  vi.resetModules();
  return import('../../../src/check/open');
}
const config = { cookieName: 'samtykke' } as unknown as Config;
const store = {} as ConsentStore;
/** What the engine let load on purpose (effects/inert.ts `trusted`). */
const released = new WeakSet<Element>();

describe('the engine’s part of the self-check: noticing the request', () => {
  beforeEach(() => history.replaceState(null, '', '/'));

  for (const address of ['/?samtykke=sjekk', '/om-oss/?utm_source=x&samtykke=sjekk', '/?samtykke=sjekk#topp', '/om-oss/#samtykke-sjekk']) {
    it(`${address} fetches the check and hands it config, store, tag, the messages and what samtykke released`, async () => {
      history.replaceState(null, '', address);
      const { checkFrom, offerCheck } = await fresh();
      const run = vi.fn();
      checkFrom((done) => done(run));
      const tag = document.createElement('script');
      offerCheck(config, store, tag, released);
      expect(run).toHaveBeenCalledOnce();
      expect(run.mock.calls[0]!.slice(0, 3)).toEqual([config, store, tag]);
      expect(Array.isArray(run.mock.calls[0]![3])).toBe(true);
      expect(run.mock.calls[0]![4]).toBe(released);
    });
  }

  for (const address of ['/', '/samtykke-sjekk/', '/?samtykke=sjekker', '/?x=samtykke=sjekk', '/?samtykke=nei#sjekk']) {
    it(`${address} fetches nothing`, async () => {
      history.replaceState(null, '', address);
      const { checkFrom, offerCheck } = await fresh();
      const fetch = vi.fn();
      checkFrom(fetch);
      offerCheck(config, store, null, released);
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  it('samtykke.check() (openCheck) fetches it on any page once samtykke has started, and not before', async () => {
    const { checkFrom, offerCheck, openCheck } = await fresh();
    const run = vi.fn();
    checkFrom((done) => done(run));
    openCheck();
    expect(run).not.toHaveBeenCalled();
    offerCheck(config, store, null, released);
    openCheck();
    expect(run).toHaveBeenCalledWith(config, store, null, expect.any(Array), released);
  });

  it('a check that could not be had (no function) is ignored without throwing', async () => {
    history.replaceState(null, '', '/?samtykke=sjekk');
    const { checkFrom, offerCheck } = await fresh();
    checkFrom((done) => done(undefined));
    expect(() => offerCheck(config, store, null, released)).not.toThrow();
  });
});
