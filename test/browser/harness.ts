import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { isGoogleTracking } from '../../src/config/trackers';
import { chromiumOptions } from '../../scripts/chromium.mjs';
import { startStaticServer, type DemoServer } from '../../demo/server/servers';
import { pasteTag } from '../../demo/configure/tag';
import { SRI_MANIFEST, START_FILE } from '../../scripts/built-files.mjs';

/** The mock Webnode site every browser test runs on; https so Secure cookies behave as live. */
export const ORIGIN = 'https://www.stressfri.test';
/** Another site serving the built files, as an owner's file space or a CDN would (with CORS). */
export const FILES_ORIGIN = 'https://filer.lager.test';
const DIST = new URL('../../dist/', import.meta.url);
/**
 * What the site serves as `/samtykke.js`: the engine, or (SAMTYKKE_BUNDLE=samtykke.full.js, as
 * engine.full.test.ts sets it) the one-file build, so the core scenarios run against both.
 */
const BUNDLE = process.env.SAMTYKKE_BUNDLE ?? 'samtykke.js';

const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

/**
 * Writes one of the README's screenshots (docs/screenshots/), only when asked with
 * UPDATE_SCREENSHOTS=1, so that `npm test` leaves the working tree as it found it.
 */
export async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: SHOTS + name, ...options });
}

/**
 * The tests' Chromium: the bench's (scripts/chromium.mjs), without site isolation. With it,
 * Chromium starts a spare renderer for every fresh profile, which no test uses: on 2 cores
 * check.test.ts and ui-banner.test.ts took 121 s and 240 CPU-seconds with it, 97 s and 191
 * without. What the tests look at (a page's scripts, requests and frames) is the same in one
 * process or several. (`--disable-features=SpareRendererForSitePerProcess` saves the same, but a
 * second --disable-features replaces Playwright's own list: Chromium keeps the last.) The
 * bench keeps site isolation, as a visitor's desktop Chromium has it.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({ ...chromiumOptions, args: [...chromiumOptions.args, '--disable-site-isolation-trials'] });
}

/**
 * Chromium and the static site as `build:site` makes it, on a loopback port, for the life of the
 * test file (or describe) that calls this: `site.browser` and `site.server` once its tests run.
 */
export function browserAndStaticSite(): { readonly browser: Browser; readonly server: DemoServer } {
  const held = {} as { browser: Browser; server: DemoServer };
  beforeAll(async () => {
    held.browser = await launch();
    held.server = await startStaticServer();
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.server?.close();
  });
  return held;
}

export interface GoogleRequest {
  readonly url: string;
  /** ms since the context was opened */
  readonly at: number;
}

export interface Site {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request to a GCM-15 host, in order; the stand-in answers them, nothing leaves the machine. */
  readonly google: GoogleRequest[];
  /** Every request to any other host than the site and Google's (Meta, a booking widget …), in order, answered by a stand-in. */
  readonly others: GoogleRequest[];
  /** Console messages of every page, as "type: text". */
  readonly console: string[];
  /** Every request the page made, to any host, from the profile's start, in order. */
  readonly requests: GoogleRequest[];
  /** Every request for a face file, in order (`samtykke-face.nb.js` …). */
  readonly faces: string[];
  /** Every request for a part the tag fetches beside it (faces, `samtykke-help.js`, `samtykke-log.js`), in order. */
  readonly parts: string[];
  /** Opens a path of the site in the current page and waits for `load`. */
  goto(path: string): Promise<void>;
  /**
   * Resolves once `tab` (the site's page unless named) has settled: two frames have passed (a
   * decision's effects run within one) and then no request of the profile has reached the
   * stand-in for a quarter of a second. A check for "nothing happened" after it sees a late leak
   * as well as a fixed wait would, and waits no longer than the page keeps busy.
   */
  settled(tab?: Page): Promise<void>;
  /** Names of the cookies the browser holds for the site (any domain level). */
  cookieNames(): Promise<string[]>;
  close(): Promise<void>;
}

export interface SiteOptions extends BrowserContextOptions {
  /** path → HTML (or HTML with response headers, e.g. a CSP); `/samtykke.js` is always the built bundle. */
  readonly pages: Record<string, string | { body: string; headers: Record<string, string> }>;
  /** Built files (e.g. `samtykke-face.nb.js`, `samtykke-help.js`) to answer differently: a body, or `abort` for a failed request. */
  readonly files?: Record<string, string | 'abort'>;
  /**
   * A script path of the site → a path the page requests later: the script is answered only once
   * that request has come (on any page of the site), so the parser waits for what the page does.
   */
  readonly waits?: Record<string, string>;
}

/**
 * A fresh profile on the mock site. Google's hosts are answered by a stand-in whose gtag.js
 * sets `_gcl_au` and `_ga` like the real tag would, so tests can prove both what was requested
 * and what a withdrawal cleans up; every other host by a stand-in too (Meta's fbevents.js sets
 * `_fbp` and reports to /tr), so nothing leaves the machine.
 */
export async function openSite(browser: Browser, { pages, files = {}, waits = {}, ...options }: SiteOptions): Promise<Site> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, ...options });
  const opened = Date.now();
  const google: GoogleRequest[] = [];
  const others: GoogleRequest[] = [];
  const requests: GoogleRequest[] = [];
  const messages: string[] = [];
  const built = (file: string) => readFileSync(new URL(file, DIST), 'utf8');
  const faces: string[] = [];
  const parts: string[] = [];
  const signalled = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();

  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requests.push({ url: url.href, at: Date.now() - opened });
    if (isGoogleTracking(url)) {
      google.push({ url: url.href, at: Date.now() - opened });
      if (url.pathname === '/gtag/js') {
        return route.fulfill({
          contentType: 'text/javascript',
          body: `window.__gtagLoads=(window.__gtagLoads||0)+1;document.cookie='_gcl_au=1.1.42.42;path=/;max-age=7776000';document.cookie='_ga=GA1.1.42.42;path=/;max-age=63072000';`,
        });
      }
      return route.fulfill({ status: 204 });
    }
    const servesBuilt = url.origin === ORIGIN || url.origin === FILES_ORIGIN;
    if (servesBuilt && url.pathname === '/samtykke.js') return route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: built(BUNDLE) });
    if (servesBuilt) {
      const part = /^\/(samtykke-(?:face\.\w+|help|log|check)\.js)$/.exec(url.pathname)?.[1];
      if (part) {
        parts.push(part);
        if (part.startsWith('samtykke-face.')) faces.push(part);
        const body = files[part];
        if (body === 'abort') return route.abort();
        // CORS like a CDN, so a part fetched with crossorigin passes its integrity check.
        return route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: body ?? built(part) });
      }
    }
    if (url.origin === ORIGIN) {
      if (Object.values(waits).includes(url.pathname)) {
        signalled.add(url.pathname);
        for (const release of waiting.get(url.pathname) ?? []) release();
        waiting.delete(url.pathname);
        return route.fulfill({ status: 204 });
      }
      const signal = waits[url.pathname];
      if (signal && !signalled.has(signal)) {
        return new Promise<void>((resolve) => waiting.set(signal, [...(waiting.get(signal) ?? []), () => resolve(route.fulfill({ contentType: 'text/javascript', body: '' }))]));
      }
      const html = pages[url.pathname];
      if (typeof html === 'string') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      if (html) return route.fulfill({ contentType: 'text/html; charset=utf-8', ...html });
      if (url.pathname.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: `window.__ran=(window.__ran||[]).concat(${JSON.stringify(url.pathname)});` });
      return route.fulfill({ status: 404, body: 'not found' });
    }
    others.push({ url: url.href, at: Date.now() - opened });
    // Meta's fbevents.js, as far as the tests need it: it sets _fbp and reports the page view to /tr.
    if (url.hostname === 'connect.facebook.net') {
      return route.fulfill({ contentType: 'text/javascript', body: `document.cookie='_fbp=fb.1.42.42;path=/;max-age=7776000';new Image().src='https://www.facebook.com/tr/?id='+((fbq.queue.find(function(c){return c[0]==='init'})||[])[1])+'&ev=PageView';` });
    }
    if (url.pathname.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: `window.__ran=(window.__ran||[]).concat(${JSON.stringify(url.href)});` });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>widget</title><p>widget</p>' });
  });

  const page = await context.newPage();
  const listen = (p: Page) => p.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  listen(page);
  context.on('page', listen);

  return {
    context,
    page,
    google,
    others,
    console: messages,
    requests,
    faces,
    parts,
    async goto(path) {
      await page.goto(ORIGIN + path, { waitUntil: 'load' });
    },
    async settled(tab = page) {
      const quiet = 250;
      // rAF, not waitForFunction, whose helper needs the MutationObserver a hostile page may have deleted.
      await tab.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      for (;;) {
        const since = Date.now() - opened - (requests[requests.length - 1]?.at ?? 0);
        if (since >= quiet) return;
        await new Promise((r) => setTimeout(r, quiet - since));
      }
    },
    async cookieNames() {
      return (await context.cookies()).map((c) => c.name);
    },
    close: () => context.close(),
  };
}

/**
 * The two forms of the paste: `inline`, the configurator's first offer (dist/samtykke-start.js
 * inline, loading the engine `async` with its hash), and `sync`, the single synchronous tag.
 */
export type Form = 'inline' | 'sync';

/**
 * The samtykke tag in `form`, with `attrs` (settings, a nonce) on its `<script>`. The inline form
 * is the configurator's own paste (pasteTag) of the built start, loading the `/samtykke.js` the
 * site serves, with that file's hash; `attrs` go on it as an owner adds a nonce.
 */
function samtykkeTag(attrs: string, form: Form = 'sync'): string {
  if (form === 'sync') return `<script src="/samtykke.js" ${attrs}></script>`;
  const { files } = JSON.parse(readFileSync(new URL(SRI_MANIFEST, DIST), 'utf8')) as { files: Record<string, string> };
  const paste = pasteTag({}, { src: '/samtykke.js', integrity: files[BUNDLE]! }, readFileSync(new URL(START_FILE, DIST), 'utf8'));
  return paste.replace('<script ', `<script ${attrs} `);
}

/**
 * A Webnode-like page with the samtykke tag in `<head>` (the single tag unless `form` says);
 * `attrs` are the tag's data attributes, `before` what comes before the tag, `head` what follows it.
 */
export function sitePage({ attrs = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/"', before = '', head = '', body = '<main><h1>Stressfri</h1><p><a href="/om/">Om oss</a></p></main>', lang = 'nb', form = 'sync' as Form } = {}): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Stressfri</title>${before}${samtykkeTag(attrs, form)}${head}</head><body>${body}</body></html>`;
}

/**
 * The console once samtykke has printed what it reported: its messages' texts come in
 * `samtykke-help.js`, fetched on the first one, so they print when that file has arrived (or
 * failed). Waits, polling, until no such fetch is under way, then hands back every message.
 * (A plain evaluate, not waitForFunction, whose helper needs the MutationObserver a hostile page
 * may have deleted.)
 */
export async function explained(site: Site): Promise<string[]> {
  await expect.poll(() => site.page.evaluate(() => !document.querySelector('script[src$="/samtykke-help.js"]'))).toBe(true);
  return site.console;
}

/** The dataLayer as plain arrays (`arguments` objects turned into arrays). */
export function dataLayer(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((e) =>
      Object.prototype.toString.call(e) === '[object Arguments]' ? Array.from(e as ArrayLike<unknown>) : e,
    ),
  );
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core on the whole page, shadow roots included; only violations, as "rule: targets". */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await run.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/**
 * One browser per test file, one fresh profile per `open()`, every profile closed after its
 * test. Call at the top of a test file.
 */
export function siteFixture(): { open(options: SiteOptions): Promise<Site> } {
  let browser: Browser | undefined;
  const open: Site[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    async open(options) {
      const site = await openSite(browser!, options);
      open.push(site);
      return site;
    },
  };
}
