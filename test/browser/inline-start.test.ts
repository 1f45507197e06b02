import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pasteTag, type Settings } from '../../demo/configure/tag';
import { dataLayer, explained, siteFixture, type Site } from './harness';

// The inline form, built: dist/samtykke-start.js pasted inline by the configurator's own
// function, loading the built engine async from the site (with its hash), as an owner's page has it.
const sites = siteFixture();

const DIST = new URL('../../dist/', import.meta.url);
const START = readFileSync(new URL('samtykke-start.js', DIST), 'utf8');
const SRI = (JSON.parse(readFileSync(new URL('sri.json', DIST), 'utf8')) as { files: Record<string, string> }).files;
/** The engine beside the page, with its hash and the faces' (the paste writes the one the start may preload). */
const ENGINE = { src: '/samtykke.js', integrity: SRI['samtykke.js']!, faces: { nb: SRI['samtykke-face.nb.js']!, nn: SRI['samtykke-face.nn.js']!, en: SRI['samtykke-face.en.js']! } };
const SETTINGS: Settings = { googleAds: 'AW-123456789', privacyUrl: '/personvern/' };
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
/** Google's own install snippet, pasted right after the start as an owner does, unmodified. */
const PASTED = `<script async src="${GTAG}"></script><script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', 'AW-123456789');</script>`;

/** A Webnode-like page with the paste first in `<head>`, then `head`. */
function inlinePage({ settings = SETTINGS, start = START, head = '', body = '<main><h1>Stressfri</h1></main>', nonce = '' } = {}): string {
  const paste = pasteTag(settings, ENGINE, start).replace('<script ', nonce ? `<script nonce="${nonce}" ` : '<script ');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Stressfri</title>${paste}${head}</head><body>${body}</body></html>`;
}

async function open(html: string | { body: string; headers: Record<string, string> }): Promise<Site> {
  const site = await sites.open({ pages: { '/': html, '/personvern/': inlinePage() } });
  await site.goto('/');
  return site;
}

/** Once the engine has taken over (its API is there, not the start's queue). */
const engineHere = (p: Page) => p.waitForFunction(() => typeof (window as unknown as { samtykke?: { version?: unknown } }).samtykke?.version === 'string');
const gtagRuns = (p: Page) => p.evaluate(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads ?? 0);
const click = (p: Page, name: string) => p.getByRole('button', { name, exact: true }).first().click();

describe('the inline start, built', () => {
  it('holds a Google snippet pasted right after it: nothing runs or is set before consent (at most the browser’s read-ahead fetch), once after "Godta alle"', async () => {
    const s = await open(inlinePage({ head: PASTED }));
    await engineHere(s.page);
    await s.settled();
    expect(await gtagRuns(s.page)).toBe(0);
    // Chromium's preload scanner may fetch a <script src> from the raw HTML before any script
    // can act, as it does with the single tag: that fetch is all that may happen, and it runs nothing.
    expect(s.google.every((r) => r.url === GTAG)).toBe(true);
    expect((await s.cookieNames()).filter((n) => n.startsWith('_g'))).toEqual([]);
    s.google.length = 0;
    // One denied default, the start's, carrying the engine's wait, and no placement error for the async engine.
    const defaults = (await dataLayer(s.page)).filter((e) => Array.isArray(e) && e[0] === 'consent' && e[1] === 'default');
    expect(defaults).toHaveLength(1);
    expect((defaults[0] as unknown[])[2]).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied', wait_for_update: 500 });
    expect((await explained(s)).filter((m) => m.startsWith('error'))).toEqual([]);

    await click(s.page, 'Godta alle');
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    expect(await gtagRuns(s.page)).toBe(1);
    expect(s.google.map((r) => r.url)).toEqual([GTAG]);
    expect(await s.cookieNames()).toContain('_gcl_au');
  });

  it('holds a pixel inserted by code and an iframe in the HTML', async () => {
    const pixel = `<script>new Image().src = 'https://www.facebook.com/tr?id=1&ev=PageView';</script>`;
    const frame = '<iframe id="v" width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video"></iframe>';
    const s = await open(inlinePage({ head: pixel, body: `<main>${frame}</main>` }));
    await engineHere(s.page);
    await s.settled();
    expect(s.others.filter((r) => r.url.includes('facebook.com/tr'))).toEqual([]);
    await expect(s.page.locator('#v').getAttribute('src')).resolves.toBeNull();
    await expect(s.page.locator('#v').getAttribute('data-src')).resolves.toBe('https://www.youtube.com/embed/dQw4w9WgXcQ');
    // The engine took it over: its placeholder stands in for it.
    await click(s.page, 'Avvis alle');
    await expect(s.page.getByRole('region', { name: 'Innhold fra YouTube' }).isVisible()).resolves.toBe(true);
  });

  it('never touches a script it does not recognise: the owner’s library and its inline user keep their order; the queue is answered', async () => {
    // …and a call the page makes on the start's queue is answered once the engine is here.
    const head = `<script src="/jquery.js"></script><script>window.__after = (window.__ran || []).slice(); samtykke.on('ready', function () { window.__ready = true; });</script>`;
    const s = await open(inlinePage({ head }));
    await s.page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    expect(await s.page.evaluate(() => (window as unknown as { __after: string[] }).__after)).toEqual(['/jquery.js']);
    await expect(s.page.locator('script[src="/jquery.js"]').getAttribute('type')).resolves.toBeNull();
  });

  it('releases what may run in the original order, a slow script awaited before the next', async () => {
    // Advanced Consent Mode lets Google's tags load denied: the engine releases both when it comes.
    const first = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ';
    const s = await sites.open({ pages: { '/': inlinePage({ settings: { ...SETTINGS, mode: 'advanced' }, head: `<script src="${first}"></script><script src="${GTAG}"></script>` }) } });
    // Answered here, the first slowly, so a release out of order would run the second first.
    await s.context.route('https://www.googletagmanager.com/**', async (route) => {
      const url = route.request().url();
      if (url === first) await new Promise((r) => setTimeout(r, 300));
      await route.fulfill({ contentType: 'text/javascript', body: `(window.__order = window.__order || []).push(${JSON.stringify(url)});` });
    });
    await s.goto('/');
    await s.page.waitForFunction(() => ((window as unknown as { __order?: string[] }).__order?.length ?? 0) >= 2);
    await s.settled();
    // Each once: the engine loads no second gtag.js beside the page's own.
    expect(await s.page.evaluate(() => (window as unknown as { __order: string[] }).__order)).toEqual([first, GTAG]);
  });

  it('asks for the face beside the engine on a first visit, exactly once, and not at all for a returning visitor', async () => {
    const s = await sites.open({ pages: { '/': inlinePage({ head: PASTED }), '/personvern/': inlinePage() } });
    let faceAsked!: () => void;
    const asked = new Promise<void>((resolve) => (faceAsked = resolve));
    await s.context.route('**/samtykke-face.*.js', (route) => {
      faceAsked();
      return route.fallback();
    });
    // The engine is answered only once the face has been asked for (or, if it is not, after a
    // while, so the page still loads and the test fails on what came first, not on a timeout).
    let first = '';
    await s.context.route('**/samtykke.js', async (route) => {
      first = await Promise.race([asked.then(() => 'face'), new Promise<string>((resolve) => setTimeout(() => resolve('engine'), 3000))]);
      return route.fallback();
    });
    await s.goto('/');
    await engineHere(s.page);
    await s.page.getByRole('button', { name: 'Godta alle', exact: true }).first().waitFor();
    expect(first).toBe('face');
    // The engine's own request for it took the preloaded response: one fetch, not two.
    expect(s.faces).toEqual(['samtykke-face.nb.js']);

    await click(s.page, 'Godta alle');
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.context.unroute('**/samtykke.js');
    await s.context.unroute('**/samtykke-face.*.js');
    // A returning visitor with a decision: the start asks for no face, and neither does the engine.
    s.faces.length = 0;
    await s.goto('/personvern/');
    await engineHere(s.page);
    await s.settled();
    expect(s.faces).toEqual([]);
    await expect(s.page.locator('link[rel="preload"]').count()).resolves.toBe(0);
  });

  it('fails closed when the preloaded face is altered: it never runs, nothing optional does, and one error says why', async () => {
    const s = await sites.open({ pages: { '/': inlinePage({ head: PASTED }) }, files: { 'samtykke-face.nb.js': 'window.__faceRan = true;' } });
    await s.goto('/');
    await engineHere(s.page);
    await s.settled();
    expect(await s.page.evaluate(() => (window as unknown as { __faceRan?: boolean }).__faceRan)).toBeUndefined();
    expect(await gtagRuns(s.page)).toBe(0);
    const ours = async () => (await explained(s)).filter((m) => m.startsWith('error: [samtykke]'));
    await expect.poll(async () => (await ours()).length).toBe(1);
    expect((await ours())[0]).toContain('samtykke-face.nb.js');
    await expect(s.page.getByRole('region', { name: 'Informasjonskapsler' }).count()).resolves.toBe(0);
  });

  it('an unknown start version: one clear error, and everything it held stays held', async () => {
    const newer = START.replace(/version:1\b/, 'version:99');
    expect(newer).not.toBe(START);
    const s = await open(inlinePage({ settings: { ...SETTINGS, mode: 'advanced' }, start: newer, head: PASTED }));
    await engineHere(s.page);
    await s.settled();
    expect(await gtagRuns(s.page)).toBe(0);
    // The engine's own gtag.js for the id (advanced mode) is held by the start's hooks too.
    expect(await s.page.locator(`script[src="${GTAG}"]`).evaluateAll((all) => all.map((el) => el.getAttribute('type')))).toEqual(expect.arrayContaining(['text/plain']));
    expect(await s.page.locator(`script[src="${GTAG}"]:not([type="text/plain"])`).count()).toBe(0);
    const errors = (await explained(s)).filter((m) => m.startsWith('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('version 99');
  });

  it('strict under the inline start (pasted by hand: the configurator writes the single tag for it) says once that it needs the single tag', async () => {
    // pasteTag gives the single tag for strict, so the start is put in by hand, as an owner editing the paste might.
    const paste = pasteTag(SETTINGS, ENGINE, START).replace('<script ', '<script data-strict="true" ');
    const s = await open(`<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Stressfri</title>${paste}</head><body><main><h1>Stressfri</h1></main></body></html>`);
    await engineHere(s.page);
    const errors = (await explained(s)).filter((m) => m.startsWith('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only the synchronous tag can do');
  });

  it('works under a strict CSP with a nonce and Trusted Types enforced', async () => {
    const csp = "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types samtykke";
    // The page's own scripts carry the nonce too, as they must under this policy.
    const head = PASTED.replaceAll('<script', '<script nonce="r4nd0m"');
    const s = await open({ body: inlinePage({ nonce: 'r4nd0m', head }), headers: { 'content-security-policy': csp } });
    await engineHere(s.page);
    await click(s.page, 'Godta alle');
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    expect((await explained(s)).filter((m) => /Trusted Type|Content Security Policy|Refused|error/i.test(m))).toEqual([]);
  });
});
