import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DemoServer } from '../../demo/server/servers';
import { dataLayer, explained, launch, openSite, ORIGIN } from './harness';

/**
 * The configurator (demo/configure.html on the dev server) produces install code; pasted into
 * a blank page of the mock site (which serves the built dist/samtykke.js), it must give the
 * banner that was configured.
 */
let browser: Browser;
let server: DemoServer;

beforeAll(async () => {
  browser = await launch();
  server = await startDevServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openConfigurator(): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.goto(server.origin + '/configure.html', { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

const code = (page: Page) => page.locator('#code').innerText();
/** The owner's consent log, on a host of its own. */
const LOG = 'https://logg.example.no';

describe('configurator', () => {
  it('shows the script’s own message next to a wrong field, and clears it when fixed', async () => {
    const { page, close } = await openConfigurator();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    try {
      // By default the tag points at the file the owner uploads from the release, with its SRI hash.
      await expect.poll(() => code(page)).toMatch(/^<script src="\/samtykke\.js" integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous" data-privacy-url="\/personvern\/"><\/script>$/);
      // Once the version is known, the CDN address is pinned to it.
      await page.check('input[name="hosting"][value="cdn"]');
      await expect.poll(() => code(page)).toMatch(/^<script src="https:\/\/cdn\.jsdelivr\.net\/npm\/samtykke@\d+\.\d+\.\d+\/dist\/samtykke\.js" integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous" data-privacy-url="\/personvern\/"><\/script>$/);
      await page.fill('#googleAds', 'AW-12');
      await expect.poll(() => page.locator('#googleAds-msg').innerText()).toContain('[samtykke] googleAds: "AW-12" er ikke en gyldig ID; den skal se ut som "AW-123456789"');
      // The preview's samtykke says it too, in the console, with the texts of samtykke-help.js fetched beside it.
      await expect.poll(() => console.filter((m) => m.startsWith('[samtykke] googleAds:'))).toContain('[samtykke] googleAds: "AW-12" is not a valid id; it looks like "AW-123456789". Nothing is loaded for it.');
      expect(await page.getAttribute('#googleAds', 'aria-invalid')).toBe('true');
      await page.fill('#theme-accent', 'red; }');
      await expect.poll(() => page.locator('#theme-accent-msg').innerText()).toContain('theme.accent');
      await page.fill('#privacyUrl', '');
      await expect.poll(() => page.locator('#privacyUrl-msg').innerText()).toContain('privacyUrl er ikke satt');
      await page.fill('#logUrl', 'ftp://logg.example.no/');
      await expect.poll(() => page.locator('#logUrl-msg').innerText()).toContain('[samtykke] logUrl: "ftp://logg.example.no/" er ikke en nettadresse');
      expect(await page.getAttribute('#logUrl', 'aria-invalid')).toBe('true');

      await page.fill('#googleAds', 'AW-123456789');
      await page.fill('#theme-accent', '');
      await page.fill('#privacyUrl', '/personvern/');
      await page.fill('#logUrl', '');
      await expect.poll(() => page.locator('.msg:not(:empty), #general-msg:not(:empty)').allInnerTexts()).toEqual([]);
      expect(await page.locator('[aria-invalid]').count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('makes a tag that, pasted into a blank page, gives the configured banner', async () => {
    const { page, close } = await openConfigurator();
    let generated: string;
    try {
      await page.fill('#googleAds', 'AW-987654321');
      await page.fill('#googleAnalytics', 'G-TEST1234');
      await page.fill('#metaPixel', '123456789012345');
      await page.check('#strict');
      await page.fill('#privacyUrl', '/personvern/');
      await page.selectOption('#lang', 'en');
      await page.selectOption('#reopen', 'bottom-right');
      await page.fill('#logUrl', `${LOG}/v1/consents`);
      await page.fill('#theme-accent', '#aa0000');
      await page.click('#add-service');
      const service = page.locator('fieldset.service').first();
      await service.locator('[name="id"]').fill('chat-widget');
      await service.locator('[name="name"]').fill('Chat');
      await service.locator('[name="purpose"]').selectOption('functional');
      await service.locator('[name="provider"]').fill('Chat AS');
      await service.locator('[name="description"]').fill('Lets you chat with us.');
      await service.locator('[name="src"]').fill('/widgets/chat.js');
      await service.locator('[name="block"]').fill('chat.example.no');
      await service.locator('[name="transfer"]').check();
      await service.locator('[name="cookies"]').fill('chat_id | Keeps the conversation | 30 days');
      await page.check('input[name="hosting"][value="self"]');
      await page.fill('#selfUrl', '/samtykke.js');
      await expect.poll(() => code(page)).toContain('data-reopen="bottom-right"');
      expect(await page.locator('.msg:not(:empty), #general-msg:not(:empty)').allInnerTexts()).toEqual([]);
      generated = await code(page);

      // The live preview runs the same code (from the local samtykke.js) in its sandbox: one banner,
      // and no log address, so a click in the preview is never logged as a visitor's decision.
      await expect.poll(() => page.frameLocator('#preview').locator('samtykke-ui section.banner').count()).toBe(1);
      expect(await page.locator('#preview').getAttribute('srcdoc')).not.toContain('logg.example.no');
    } finally {
      await close();
    }

    expect(generated).toMatch(/^<script>\nwindow\.samtykkeConfig = \{/);
    expect(generated).toMatch(/<script src="\/samtykke\.js" integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous" data-google-ads="AW-987654321" data-google-analytics="G-TEST1234" data-meta-pixel="123456789012345" data-privacy-url="\/personvern\/" data-lang="en" data-reopen="bottom-right" data-strict="true" data-log-url="https:\/\/logg\.example\.no\/v1\/consents"><\/script>$/);
    expect(generated).toContain('"block": [\n        "chat.example.no"\n      ],\n      "transfer": true');

    const site = await openSite(browser, {
      pages: { '/': `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Blank</title>${generated}</head><body><main><h1>Blank</h1><div data-samtykke-declaration></div></main></body></html>` },
    });
    // The log as a receiver answers it (CORS for the site), keeping what it was sent.
    const logged: unknown[] = [];
    await site.context.route(`${LOG}/**`, (route) => {
      const request = route.request();
      if (request.method() === 'POST') logged.push(JSON.parse(request.postData()!));
      return route.fulfill({ status: request.method() === 'POST' ? 201 : 204, headers: { 'access-control-allow-origin': ORIGIN } });
    });
    try {
      await site.goto('/');
      const errors = (await explained(site)).filter((m) => m.startsWith('error') || m.startsWith('warning'));
      expect(errors).toEqual([]);
      expect(await site.page.evaluate(() => (window as unknown as { samtykke?: { get(): unknown } }).samtykke?.get())).toBeNull();
      const layer = await dataLayer(site.page);
      expect(layer[0]).toEqual(['consent', 'default', expect.objectContaining({ ad_storage: 'denied', analytics_storage: 'denied' })]);
      // The configured look and language reached the banner.
      expect(await site.page.evaluate(() => (document.querySelector('samtykke-ui') as HTMLElement | null)?.style.getPropertyValue('--samtykke-accent'))).toBe('#aa0000');
      expect(await site.page.evaluate(() => document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang'))).toBe('en');
      expect(site.google).toEqual([]);
      // Every recipient is named, Meta and the owner's own service included.
      expect(await site.page.locator('samtykke-ui section.banner').textContent()).toContain('with Google Ireland Limited, Meta Platforms Ireland Limited and Chat AS. The information may be transferred to the USA.');

      await site.page.evaluate(() => (window as unknown as { samtykke: { acceptAll(): void } }).samtykke.acceptAll());
      await expect.poll(() => site.google.map((g) => g.url)).toContainEqual(expect.stringContaining('googletagmanager.com/gtag/js?id=AW-987654321'));
      const state = await site.page.evaluate(() => (window as unknown as { samtykke: { get(): { purposes: Record<string, boolean> } } }).samtykke.get().purposes);
      expect(state).toEqual({ necessary: true, functional: true, analytics: true, marketing: true });
      const configured = (await dataLayer(site.page)).filter((e) => Array.isArray(e) && e[0] === 'config').map((e) => (e as unknown[])[1]);
      expect(configured).toEqual(['AW-987654321', 'G-TEST1234']);
      // The owner service's script was loaded after consent.
      await expect.poll(() => site.page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? [])).toContain('/widgets/chat.js');
      // The decision went to the configured consent log.
      await expect.poll(() => logged).toEqual([expect.objectContaining({ choices: { functional: true, analytics: true, marketing: true }, lang: 'en' })]);
    } finally {
      await site.close();
    }
  });
});
