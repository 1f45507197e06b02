import { describe, expect, it } from 'vitest';
import { axe, browserAndStaticSite } from './harness';

/**
 * The owner's guide as the static site serves it (`npm run build:site` makes veiledning.html
 * from docs/veiledning.md): readable on a 320 px phone, accessible, and its links to the
 * configurator land on the site's own copy.
 */
const site = browserAndStaticSite();

describe('the guide page on the static site', () => {
  it('reads on a 320 px screen without sideways scrolling, passes axe, and links to the configurator beside it', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    // The site alone: anything from another host would be a page that does not work offline.
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(site.server.origin + '/veiledning.html#steg-6', { waitUntil: 'load' });

    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await expect.poll(() => page.locator('#steg-6').textContent()).toMatch(/^Steg 6/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('link', { name: 'samtykke-verktøyet' }).click();
    await page.waitForURL(site.server.origin + '/configure.html');
    expect(await page.locator('h1').textContent()).toContain('samtykke');
    await context.close();
  });
});
