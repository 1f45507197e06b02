import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, startStaticServer, type DemoServer } from '../../demo/server/servers';
import { launch } from './harness';

/**
 * The demo as a developer meets it (`npm start`, Vite dev server: samtykke.js built from src/)
 * and as a static site (the built dist/samtykke.js). In both, nothing may leave the machine:
 * the Google stand-in (a service worker) answers Google's hosts, and anything else that is
 * not localhost is aborted and counted.
 */
let browser: Browser;
const servers: Record<'dev' | 'static', DemoServer | null> = { dev: null, static: null };

beforeAll(async () => {
  browser = await launch();
  [servers.dev, servers.static] = await Promise.all([startDevServer(), startStaticServer()]);
  // The dev server builds each module on its first request: one visit of each page here, under
  // the hook's longer timeout, so a test's own timeout is spent on the demo, not on that first
  // build (on 2 busy cores it took the first test past 30 s).
  const warm = await browser.newPage();
  for (const path of ['/', '/configure.html']) await warm.goto(servers.dev.origin + path, { waitUntil: 'load' });
  await warm.close();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([servers.dev?.close(), servers.static?.close()]);
});

interface Visit {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that would have left the machine (aborted). */
  readonly escaped: string[];
  readonly errors: string[];
  /** The console's warnings, as printed. */
  readonly warnings: string[];
}

/**
 * Requests that tried to leave the machine, less the two that may: the pasted Google tag read
 * ahead by the browser's preload scanner (it never runs; the stand-in's worker may not control
 * the page yet), and, after consent, the YouTube video itself.
 */
const unexpected = (escaped: string[]) => escaped.filter((u) => u !== 'https://www.googletagmanager.com/gtag/js?id=AW-123456789' && !u.startsWith(VIDEO));
/** The home page's YouTube video. */
const VIDEO = 'https://www.youtube-nocookie.com/embed/';

async function visit(server: DemoServer, path: string): Promise<Visit> {
  const context = await browser.newContext();
  const escaped: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    escaped.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(server.origin + path, { waitUntil: 'load' });
  // The stand-in must be in control before anything could ask Google for a file.
  expect(await page.evaluate(() => (window as unknown as { samtykkeDemo: { standIn: Promise<string> } }).samtykkeDemo.standIn)).toBe('active');
  return { context, page, escaped, errors, warnings };
}

/**
 * Resolves once the page has settled: two frames have passed (a decision's effects run within
 * one), then the stand-in's request log has not changed for a quarter of a second (the worker
 * reports each hit as it answers it). "Nothing reached Google" is checked after this.
 */
async function settled(server: DemoServer, page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  let seen = JSON.stringify(await server.hits());
  for (let since = Date.now(); Date.now() - since < 250; ) {
    await new Promise((r) => setTimeout(r, 50));
    const now = JSON.stringify(await server.hits());
    if (now !== seen) [seen, since] = [now, Date.now()];
  }
}

/** The banner's host: samtykke's element with a shadow root (the UI puts it first in <body>). */
const bannerHost = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('samtykke-ui') ?? document.body.firstElementChild;
    return !!el?.shadowRoot && el.id !== 'samtykke-demo-panel';
  });

describe.each(['dev', 'static'] as const)('demo served by the %s server', (kind) => {
  it('its configurator offers the inline paste (the start read by its hash) and its preview, a sandboxed page, shows the banner', async () => {
    const context = await browser.newContext();
    try {
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (m) => void (/integrity|CORS|Access-Control/.test(m.text()) && refused.push(m.text())));
      await page.goto(servers[kind]!.origin + '/configure.html', { waitUntil: 'load' });
      await expect.poll(() => page.locator('#code').innerText()).toContain('data-engine-integrity="sha384-');
      await expect.poll(() => page.frameLocator('#preview').locator('samtykke-ui section.banner').getByRole('button', { name: 'Avvis alle' }).count()).toBe(1);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the banner, holds Google back until a choice, then loads gtag.js through the stand-in', async () => {
    const server = servers[kind]!;
    await server.clearHits();
    const { context, page, escaped, errors, warnings } = await visit(server, '/');
    try {
      expect(await page.evaluate(() => typeof (window as unknown as { samtykke?: unknown }).samtykke)).toBe('object');
      expect(await bannerHost(page)).toBe(true);
      await settled(server, page);
      // The owner's Google tag, pasted unmodified after samtykke, is held back: at most the
      // browser's preload scanner has fetched the file; it has not run and set nothing.
      expect((await server.hits()).every((h) => h.url === 'https://www.googletagmanager.com/gtag/js?id=AW-123456789')).toBe(true);
      expect(await page.evaluate(() => document.cookie)).not.toMatch(/(^|; )_g(a|cl|ac)/);
      expect(await page.locator('script[type="text/plain"][data-samtykke="marketing"]').count()).toBe(2);
      // The YouTube video waits behind its placeholder.
      await expect(page.getByRole('region', { name: 'Innhold fra YouTube' }).isVisible()).resolves.toBe(true);
      await expect(page.locator('#video iframe').getAttribute('src')).resolves.toBeNull();
      // Marked up as the README asks of an embed in the HTML: nothing asked YouTube for it, and
      // (once samtykke's texts are in) no warning names it.
      expect(escaped.filter((u) => u.startsWith(VIDEO))).toEqual([]);
      await expect.poll(() => page.evaluate(() => !document.querySelector('script[src$="/samtykke-help.js"]'))).toBe(true);
      expect(warnings.filter((w) => w.includes(VIDEO))).toEqual([]);

      await page.evaluate(() => (window as unknown as { samtykke: { acceptAll(): void } }).samtykke.acceptAll());
      await expect.poll(async () => (await server.hits()).map((h) => h.url)).toContainEqual(expect.stringMatching(/^https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=AW-123456789$/));
      await expect.poll(() => page.evaluate(() => document.cookie)).toMatch(/(^|; )_gcl_au=/);
      expect(await page.locator('script[type="text/plain"][data-samtykke]').count()).toBe(0);
      await expect(page.locator('#video iframe').getAttribute('src')).resolves.toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\//);
      // The debug panel lists what the stand-in received, timed after the decision.
      await expect.poll(() => page.locator('#samtykke-demo-panel [data-demo="google"]').innerText()).toMatch(/\+\d+ ms etter valget\s+www\.googletagmanager\.com\/gtag\/js/);
      expect(unexpected(escaped)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('renders the cookie declaration on the privacy page, and nothing reaches Google without a choice', async () => {
    const server = servers[kind]!;
    await server.clearHits();
    const { context, page, escaped, errors } = await visit(server, '/personvern.html');
    try {
      await expect.poll(() => page.evaluate(() => document.querySelector('[data-samtykke-declaration]')?.shadowRoot?.textContent?.length ?? 0)).toBeGreaterThan(20);
      expect(await page.evaluate(() => document.querySelector('[data-samtykke-declaration]')!.shadowRoot!.textContent)).toContain('_gcl_*');
      await expect(page.locator('h1').innerText()).resolves.toBe('Personvernerklæring - Stressfri');
      await page.evaluate(() => (window as unknown as { samtykke: { rejectAll(): void } }).samtykke.rejectAll());
      await settled(server, page);
      expect(await server.hits()).toEqual([]);
      expect(unexpected(escaped)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('demo debug panel', () => {
  it('switches the banner language through window.samtykkeConfig and keeps it for the tab', async () => {
    const { context, page, escaped } = await visit(servers.dev!, '/');
    try {
      await Promise.all([page.waitForNavigation(), page.selectOption('#samtykke-demo-panel select[aria-label="Språk"]', 'en')]);
      await page.waitForFunction(() => 'samtykke' in window);
      expect(await page.evaluate(() => (window as unknown as { samtykkeConfig?: unknown }).samtykkeConfig)).toEqual({ lang: 'en' });
      await expect.poll(() => page.evaluate(() => document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang'))).toBe('en');
      await page.goto(servers.dev!.origin + '/personvern.html');
      expect(await page.evaluate(() => (window as unknown as { samtykkeConfig?: unknown }).samtykkeConfig)).toEqual({ lang: 'en' });
      expect(unexpected(escaped)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the owner\'s self-check, the panel ?samtykke=sjekk opens on a live site', async () => {
    const { context, page, escaped } = await visit(servers.dev!, '/');
    try {
      await page.waitForFunction(() => 'samtykke' in window);
      expect(await page.evaluate(() => !!document.querySelector('samtykke-check'))).toBe(false);
      await page.getByRole('button', { name: 'Eierens sjekk' }).click();
      await expect.poll(() => page.evaluate(() => document.querySelector('samtykke-check')?.shadowRoot?.querySelector('h2')?.textContent ?? null)).toBeTruthy();
      expect(unexpected(escaped)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
