// A choice made or withdrawn in one tab takes effect in the site's other open tabs.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { explained, ORIGIN, type Site, siteFixture, sitePage } from './harness';

const sites = siteFixture();

const ADS = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/"';
const HELD = '<main><h1>Stressfri</h1></main><script type="text/plain" data-samtykke="marketing" src="/held.js"></script>';

type Probe = { __ran?: string[]; __gtagLoads?: number; __mark?: number };

/** What a visitor of that tab would notice: the banner, the held-back script, Google's tag, the saved-choice message. */
const state = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Probe;
    const root = document.querySelector('samtykke-ui')?.shadowRoot;
    return {
      banner: !!root?.querySelector('section[aria-labelledby]'),
      ran: w.__ran ?? [],
      gtag: w.__gtagLoads ?? 0,
      status: root?.querySelector('[role=status]')?.textContent ?? '',
      // Reload check: a marker set by the test survives only if the page was not reloaded.
      mark: w.__mark ?? 0,
    };
  });

const mark = (page: Page) => page.evaluate(() => void ((window as unknown as Probe).__mark = 1));

/** Two tabs of one browser profile on the same page. `second` runs in tab 2 before its page loads. */
async function twoTabs(attrs = ADS, second?: () => void): Promise<[Page, Page, Site]> {
  const site = await sites.open({ pages: { '/': sitePage({ attrs, body: HELD }) } });
  await site.goto('/');
  const other = await site.context.newPage();
  if (second) await other.addInitScript(second);
  await other.goto(ORIGIN + '/', { waitUntil: 'load' });
  return [site.page, other, site];
}

const gtagRequests = (s: Site) => s.google.filter((r) => r.url.includes('/gtag/js')).length;

describe('two tabs', () => {
  it('accepting in one releases the held-back scripts and Google’s tag in the other, without a reload, and its banner goes', async () => {
    const [one, two, s] = await twoTabs();
    expect(await state(two)).toMatchObject({ banner: true, ran: [], gtag: 0 });
    await mark(two);
    const focusBefore = await two.evaluate(() => document.activeElement?.localName);

    await one.getByRole('button', { name: 'Godta alle', exact: true }).click();

    await two.waitForFunction(() => ((window as unknown as Probe).__ran ?? []).includes('/held.js') && (window as unknown as Probe).__gtagLoads === 1);
    // The stored-choice message and the focus move belong to the tab where the visitor chose.
    expect(await state(two)).toEqual({ banner: false, ran: ['/held.js'], gtag: 1, status: '', mark: 1 });
    expect(await two.evaluate(() => document.activeElement?.localName)).toBe(focusBefore);
    expect(await two.evaluate(() => window.samtykke!.has('marketing'))).toBe(true);
    expect(gtagRequests(s)).toBe(2);
    expect((await explained(s)).filter((m) => m.includes('[samtykke]'))).toEqual([]);
  });

  it('withdrawing in one makes the other reload without the withdrawn code, and it stays refused', async () => {
    const [one, two, s] = await twoTabs();
    await one.evaluate(() => window.samtykke!.acceptAll());
    await two.waitForFunction(() => (window as unknown as Probe).__gtagLoads === 1);
    await mark(two);
    const requests = gtagRequests(s);

    const reloaded = two.waitForEvent('load');
    await one.evaluate(() => window.samtykke!.rejectAll());
    await reloaded;
    await s.settled(two);

    // Reloaded (no marker), no banner (the refusal is stored), nothing held back or from Google ran again.
    expect(await state(two)).toEqual({ banner: false, ran: [], gtag: 0, status: '', mark: 0 });
    expect(await two.evaluate(() => window.samtykke!.get()?.choices)).toEqual({ marketing: false });
    expect(gtagRequests(s)).toBe(requests);
    // Only Ads is configured, so its cookies go; the stand-in's _ga is Statistikk's, not withdrawn here.
    expect((await s.cookieNames()).filter((n) => /^_gcl_/.test(n))).toEqual([]);
  });

  it('without reloadOnWithdraw the other tab follows in place: denied update, and the banner back after reset()', async () => {
    const [one, two] = await twoTabs(`${ADS} data-reload-on-withdraw="false"`);
    await one.evaluate(() => window.samtykke!.acceptAll());
    await two.waitForFunction(() => (window as unknown as Probe).__gtagLoads === 1);
    await mark(two);

    await one.evaluate(() => window.samtykke!.rejectAll());
    await two.waitForFunction(() => !window.samtykke!.has('marketing'));
    const updates = await two.evaluate(() =>
      (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer.map((e) => Array.from(e)).filter((e) => e[0] === 'consent' && e[1] === 'update'),
    );
    expect(updates.at(-1)![2]).toMatchObject({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });

    await one.evaluate(() => window.samtykke!.reset());
    await two.waitForFunction(() => !!document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('section[aria-labelledby]'));
    expect(await state(two)).toMatchObject({ banner: true, mark: 1 });
    expect(await two.evaluate(() => window.samtykke!.get())).toBeNull();
  });

  it.each([
    ['becomes visible', () => document.dispatchEvent(new Event('visibilitychange'))],
    ['gets focus', () => window.dispatchEvent(new Event('focus'))],
  ])('a tab that cannot hear the others (no BroadcastChannel) catches up when it %s', async (_, lookedAt) => {
    const [one, two, s] = await twoTabs(ADS, () => {
      delete (window as unknown as { BroadcastChannel?: unknown }).BroadcastChannel;
      // A tab behind the others: the browser's own focus events never reach the page's code.
      addEventListener('focus', (e) => e.isTrusted && e.stopImmediatePropagation(), true);
    });
    expect(await two.evaluate(() => typeof window.BroadcastChannel)).toBe('undefined');
    // Its start-up is over: the one look at the cookie it takes in idle time has been taken
    // (idle callbacks run in the order asked for, and this one is asked for after the paint).
    await s.settled(two);
    await two.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done())));

    await one.evaluate(() => window.samtykke!.acceptAll());
    await one.waitForFunction(() => (window as unknown as Probe).__gtagLoads === 1);
    await s.settled(two);
    // The ping cannot reach it, so until it is looked at again it still asks.
    expect(await state(two)).toMatchObject({ banner: true, ran: [], gtag: 0 });

    await two.evaluate(lookedAt);
    await two.waitForFunction(() => ((window as unknown as Probe).__ran ?? []).includes('/held.js') && (window as unknown as Probe).__gtagLoads === 1);
    expect(await state(two)).toMatchObject({ banner: false, ran: ['/held.js'], gtag: 1 });
  });
});
