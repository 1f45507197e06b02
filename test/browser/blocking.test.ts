import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, dataLayer, explained, screenshot, siteFixture, sitePage, type Form } from './harness';

const sites = siteFixture();

const ADS = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/"';
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
/** Google's own install snippet, pasted into the header HTML as an owner does, unmodified. */
const PASTED = `<!-- Google tag (gtag.js) --><script async src="${GTAG}"></script><script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', 'AW-123456789');</script>`;
/** The same tag added by another script, the way tag loaders and plugins do it. */
const DYNAMIC = `<script>(function(){var s=document.createElement('script');s.async=true;s.src='https://www.googletagmanager.com/gtag/js?id=AW-555555555';var f=document.getElementsByTagName('script')[0];f.parentNode.insertBefore(s,f);})();</script>`;
const YOUTUBE = 'https://www.youtube.com/embed/dQw4w9WgXcQ';

const open = async (html: string, form: Form = 'sync') => {
  const site = await sites.open({ pages: { '/': html, '/personvern/': sitePage({ attrs: ADS, form }) } });
  await site.goto('/');
  return site;
};
const gtagRuns = (p: Page) => p.evaluate(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads ?? 0);
const click = (p: Page, name: string) => p.getByRole('button', { name, exact: true }).first().click();
const commands = async (p: Page, name: string) => (await dataLayer(p)).filter((e) => Array.isArray(e) && e[0] === name);

// The consent checks on both forms of the paste: the single tag, and the inline form the
// configurator offers first (the start inline, the engine async).
describe.each(['sync', 'inline'] as const)('a Google snippet pasted after the tag, unmodified (%s form)', (form) => {
  const snippetPage = () => sitePage({ attrs: ADS, head: PASTED, form });

  it('never runs before a choice; the only request is the browser reading ahead, and the owner is told', async () => {
    const s = await open(snippetPage(), form);
    // `load` waits for every async script the page holds; had the pasted one been let through it has run.
    await s.settled();
    expect(await gtagRuns(s.page)).toBe(0);
    // Chromium's preload scanner fetches <script src> from the raw HTML before any script can
    // act; that fetch is all that may happen, and it runs nothing.
    expect(s.google.every((r) => r.url === GTAG)).toBe(true);
    expect((await s.cookieNames()).filter((n) => n.startsWith('_g'))).toEqual([]);
    // The owner is told exactly when the browser did read ahead.
    const told = (await explained(s)).some((m) => m.includes('ahead of the page') && m.includes(GTAG));
    expect(told).toBe(s.google.length > 0);
  });

  it('Consent Mode hears the denied default first, before the snippet’s js and config (GCM-01)', async () => {
    const s = await open(snippetPage(), form);
    await s.settled();
    const layer = (await dataLayer(s.page)) as unknown[][];
    const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', functionality_storage: 'denied', personalization_storage: 'denied' };
    expect(layer[0]).toEqual(['consent', 'default', { ...denied, security_storage: 'granted', wait_for_update: 500 }]);
    expect(layer.findIndex((e) => e[0] === 'js')).toBeGreaterThan(0);
    expect(layer.filter((e) => e[0] === 'consent' && e[1] === 'default')).toHaveLength(1);
  });

  it('runs once after "Godta alle": one gtag.js, one js, one config', async () => {
    const s = await open(snippetPage(), form);
    await click(s.page, 'Godta alle');
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    expect(await gtagRuns(s.page)).toBe(1);
    expect(await commands(s.page, 'js')).toHaveLength(1);
    expect(await commands(s.page, 'config')).toEqual([['config', 'AW-123456789']]);
    expect(await s.cookieNames()).toContain('_gcl_au');
    // The next page: the stored grant releases it again, still once.
    await s.goto('/');
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    expect(await gtagRuns(s.page)).toBe(1);
    expect(await commands(s.page, 'config')).toHaveLength(1);
  });

  it('never runs after "Avvis alle", on this page or the next; the refusal is stored', async () => {
    const s = await open(snippetPage(), form);
    await click(s.page, 'Avvis alle');
    await s.settled();
    expect(await s.cookieNames()).toContain('samtykke');
    expect(await gtagRuns(s.page)).toBe(0);
    s.google.length = 0;
    await s.goto('/');
    await s.settled();
    expect(await gtagRuns(s.page)).toBe(0);
    expect(s.google.every((r) => r.url === GTAG)).toBe(true);
    expect((await s.cookieNames()).filter((n) => n.startsWith('_g'))).toEqual([]);
  });

  it('is asked about when its id was not given, and stays held while Markedsføring is refused', async () => {
    const s = await open(sitePage({ attrs: 'data-google-analytics="G-ABC123XYZ" data-privacy-url="/personvern/"', head: PASTED, form }), form);
    await s.page.evaluate(() => window.samtykke!.set({ analytics: true, marketing: false }));
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    // Analytics' own gtag.js ran; the pasted Ads tag did not.
    expect(await gtagRuns(s.page)).toBe(1);
    expect(await s.page.locator(`script[src="${GTAG}"]`).getAttribute('type')).toBe('text/plain');
    expect((await explained(s)).some((m) => m.includes('found a Google tag with the id AW-123456789') && m.includes('data-google-ads="AW-123456789"'))).toBe(true);
  });
});

describe('tags added by code (works in every browser)', () => {
  it('holds a script added with createElement + insertBefore: no request at all until granted, then it runs', async () => {
    const s = await open(sitePage({ attrs: ADS, body: '<main><h1>Stressfri</h1></main>' + DYNAMIC }));
    await s.settled();
    expect(s.google).toEqual([]);
    await click(s.page, 'Godta alle');
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    // The page's own gtag.js is released; samtykke sends its config through it, not a second copy.
    expect(await gtagRuns(s.page)).toBe(1);
    expect(s.google.map((r) => r.url)).toEqual(['https://www.googletagmanager.com/gtag/js?id=AW-555555555']);
    expect(await commands(s.page, 'config')).toEqual([['config', 'AW-123456789']]);
  });

  it('holds scripts, frames and pixels through appendChild, setAttribute, src, innerHTML and insertAdjacentHTML', async () => {
    const code = `<script>
      var a = document.createElement('script'); a.setAttribute('src', 'https://www.google-analytics.com/analytics.js'); document.body.appendChild(a);
      var b = document.createElement('script'); document.head.appendChild(b); b.src = 'https://www.googleadservices.com/pagead/conversion_async.js';
      new Image().src = 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?guid=ON';
      var i = document.createElement('img'); i.setAttribute('src', 'https://www.google.com/pagead/1p-conversion/123456789/'); document.body.append(i);
      document.getElementById('x').innerHTML = '<p>Se videoen</p><iframe width="560" height="315" src="${YOUTUBE}" title="Video"></iframe><img src="https://googleads.g.doubleclick.net/pagead/landing">';
      document.getElementById('y').insertAdjacentHTML('beforeend', '<iframe src="https://www.google.com/maps/embed?pb=1" width="400" height="300" title="Kart"></iframe>');
    </script>`;
    const s = await open(sitePage({ attrs: ADS, body: `<main><div id="x"></div><div id="y"></div></main>${code}` }));
    await s.settled();
    expect(s.google).toEqual([]);
    // The frames are in the page, held, each behind a placeholder that names its provider.
    await expect(s.page.locator('iframe[data-src]').count()).resolves.toBe(2);
    await expect(s.page.getByRole('region', { name: 'Innhold fra YouTube' }).isVisible()).resolves.toBe(true);
    await expect(s.page.getByRole('region', { name: 'Innhold fra Google Maps' }).isVisible()).resolves.toBe(true);
    expect(await s.page.locator('p', { hasText: 'Se videoen' }).count()).toBe(1);
    // Every request since the page's start: the frames were put in while it was parsed.
    expect(s.requests.map((r) => r.url).filter((u) => /youtube|google\.com\/maps/.test(u))).toEqual([]);
    // A position that is not one is the browser's to answer, a tracker in the HTML or not.
    const answers = await s.page.evaluate((html) => ['constructor', 'toString', 'nowhere'].map((where) => {
      try {
        document.getElementById('y')!.insertAdjacentHTML(where as InsertPosition, html);
        return 'inserted';
      } catch (error) {
        return (error as Error).name;
      }
    }), `<iframe src="${YOUTUBE}"></iframe>`);
    expect(answers).toEqual(['SyntaxError', 'SyntaxError', 'SyntaxError']);
  });

  it('holds a lazy-loaded embed whose script copies data-src to src on scroll', async () => {
    const lazy = `<iframe class="lazyload" data-src="${YOUTUBE}" width="560" height="315" title="Video"></iframe><script>setTimeout(function(){var f=document.querySelector('.lazyload');f.src=f.getAttribute('data-src');window.__copied=1},200)</script>`;
    const s = await open(sitePage({ attrs: ADS, body: `<main>${lazy}</main>` }));
    // The page's own script says when it has copied the address.
    await s.page.waitForFunction(() => (window as unknown as { __copied?: number }).__copied === 1);
    await s.settled();
    expect(s.requests.map((r) => r.url).filter((u) => u.includes('youtube'))).toEqual([]);
    await expect(s.page.locator('iframe.lazyload').getAttribute('src')).resolves.toBeNull();
    await expect(s.page.getByRole('region', { name: 'Innhold fra YouTube' }).isVisible()).resolves.toBe(true);
  });

  it('in advanced mode leaves Google tags alone, as the owner chose', async () => {
    const s = await open(sitePage({ attrs: `${ADS} data-mode="advanced"`, body: '<main></main>' + DYNAMIC }));
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    expect(s.google.map((r) => r.url)).toEqual(['https://www.googletagmanager.com/gtag/js?id=AW-555555555']);
    expect((await explained(s)).filter((m) => m.includes('held back'))).toEqual([]);
  });
});

describe('the blocker is set up once per page view', () => {
  // Counts, from before the tag, every time a patched method is put in place and every observer
  // on the whole document: a second set-up (or a take-down and a redo) would show as a 2 or 3.
  const COUNT = `<script>(function(){var n=window.__setUps={appendChild:0,innerHTML:0,observers:0};var f=Node.prototype.appendChild;Object.defineProperty(Node.prototype,'appendChild',{configurable:true,get:function(){return f},set:function(v){n.appendChild++;f=v}});var d=Object.defineProperty;Object.defineProperty=function(o,k){if(o===Element.prototype&&k==='innerHTML')n.innerHTML++;return d.apply(this,arguments)};var o=MutationObserver.prototype.observe;MutationObserver.prototype.observe=function(t,opts){if(t===document.documentElement&&opts&&opts.subtree)n.observers++;return o.apply(this,arguments)}})();</script>`;

  // Misplaced (after a Google snippet), the tag keeps the safe settings it started with.
  const SNIPPET_FIRST = `<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>`;
  for (const [name, before] of [
    ["with the owner's settings", COUNT],
    ['misplaced, with the safe settings', COUNT + SNIPPET_FIRST],
  ] as const) {
    it(`${name}: each patch and the observer once, and code-inserted trackers are still held`, async () => {
      const s = await open(sitePage({ attrs: ADS, before, body: '<main></main>' + DYNAMIC }));
      await s.settled();
      await expect(s.page.evaluate(() => (window as unknown as { __setUps: unknown }).__setUps)).resolves.toEqual({ appendChild: 1, innerHTML: 1, observers: 1 });
      expect(s.google).toEqual([]);
      await expect(s.page.locator('script[src*="AW-555555555"]').getAttribute('type')).resolves.toBe('text/plain');
    });
  }
});

describe('embeds held back with a placeholder', () => {
  const embeds = (attrs = ADS) =>
    sitePage({
      attrs,
      body: `<main><h1>Videoer</h1>
        <iframe id="a" width="560" height="315" data-samtykke="marketing" data-src="${YOUTUBE}" title="Om stress" allowfullscreen></iframe>
        <iframe id="b" width="640" height="360" src="https://player.vimeo.com/video/76979871" title="Pust"></iframe>
        <p><a href="/om/">Om oss</a></p></main>`,
    });

  it('shows an accessible placeholder of the same size naming the provider; "Vis innhold" loads only that one', async () => {
    const s = await open(embeds());
    const page = s.page;
    await click(page, 'Avvis alle');
    const yt = page.getByRole('region', { name: 'Innhold fra YouTube' });
    await expect(yt.isVisible()).resolves.toBe(true);
    await expect(yt.innerText()).resolves.toContain('Google Ireland Limited');
    const box = await yt.boundingBox();
    // Same size as the frame it stands in for (to the pixel; sub-pixel rounding aside).
    expect(Math.abs(box!.width - 560)).toBeLessThan(1);
    expect(Math.abs(box!.height - 315)).toBeLessThan(1);
    // Marked up for marketing, which the visitor can grant for all; Vimeo was never declared.
    await expect(yt.getByRole('button').allInnerTexts()).resolves.toEqual(['Vis innhold', 'Endre valget ditt']);
    const vimeo = page.getByRole('region', { name: 'Innhold fra Vimeo' });
    await expect(vimeo.getByRole('button').allInnerTexts()).resolves.toEqual(['Vis innhold']);
    expect(await axe(page)).toEqual([]);
    await screenshot(yt, 'embed.png');

    await yt.getByRole('button', { name: 'Vis innhold' }).click();
    await expect(page.locator('#a').getAttribute('src')).resolves.toBe(YOUTUBE);
    await expect(page.locator('#a').isVisible()).resolves.toBe(true);
    await expect(page.locator('#a').evaluate((f) => f === document.activeElement)).resolves.toBe(true);
    await expect(page.locator('#b').getAttribute('src')).resolves.toBeNull();
    await expect(vimeo.isVisible()).resolves.toBe(true);
    expect((await explained(s)).filter((m) => m.includes(YOUTUBE) && m.includes('requested before consent'))).toEqual([]);
    // A one-off: the stored refusal stands.
    expect(await page.evaluate(() => (window as unknown as { samtykke: { has(p: string): boolean } }).samtykke.has('marketing'))).toBe(false);
  });

  it('"Endre valget ditt" opens the preferences; granting the purpose loads every declared embed', async () => {
    const s = await open(embeds(`${ADS} data-embeds="vimeo"`));
    const page = s.page;
    await click(page, 'Avvis alle');
    await page.getByRole('region', { name: 'Innhold fra YouTube' }).getByRole('button', { name: 'Endre valget ditt' }).click();
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(true);
    await click(page, 'Godta alle');
    await expect(page.locator('#a').getAttribute('src')).resolves.toBe(YOUTUBE);
    // Focus goes on to the video this placeholder stood for, not back to the page's start.
    await expect.poll(() => page.locator('#a').evaluate((f) => f === document.activeElement)).toBe(true);
    // Loaded on purpose, so not reported as a leak (the Vimeo frame in the HTML may be: its
    // first request can leave before samtykke sees it).
    expect((await explained(s)).filter((m) => m.includes(YOUTUBE) && m.includes('requested before consent'))).toEqual([]);
    await expect(page.locator('#b').getAttribute('src')).resolves.toBe('https://player.vimeo.com/video/76979871');
    await expect(page.locator('samtykke-embed').count()).resolves.toBe(0);
  });

  it('fits a 320 px wide screen', async () => {
    const site = await sites.open({ viewport: { width: 320, height: 640 }, pages: { '/': embeds() } });
    await site.goto('/');
    await click(site.page, 'Avvis alle');
    const yt = site.page.getByRole('region', { name: 'Innhold fra YouTube' });
    const box = await yt.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(320);
    const button = await yt.getByRole('button', { name: 'Vis innhold' }).boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(320);
    expect(await site.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

describe('what blocking cannot stop is named', () => {
  it('warns about a Google script placed before the samtykke tag', async () => {
    const before = `<script async src="https://www.googletagmanager.com/gtag/js?id=AW-111111111"></script>`;
    const html = sitePage({ attrs: ADS }).replace('<script src="/samtykke.js"', `${before}<script src="/samtykke.js"`);
    const s = await open(html);
    await expect.poll(async () => (await explained(s)).some((m) => m.startsWith('warning: [samtykke]') && m.includes('AW-111111111') && m.includes('before samtykke'))).toBe(true);
  });

  it('names Google cookies that appear before a choice', async () => {
    // What a tag outside samtykke's reach does (Webnode's own Analytics field, say).
    const s = await open(sitePage({ attrs: ADS, body: `<main></main><script>document.cookie = '_ga=GA1.1.1.1; path=/'; document.cookie = '_gcl_au=1.1.1.1; path=/';</script>` }));
    await expect.poll(async () => (await explained(s)).some((m) => m.startsWith('warning: [samtykke] _ga, _gcl_au present before a choice'))).toBe(true);
  });

  it('names a tracking pixel in the HTML that the browser requested before consent', async () => {
    const s = await open(sitePage({ attrs: ADS, body: '<main><img src="https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?guid=ON" alt="" width="1" height="1"></main>' }));
    await expect.poll(async () => (await explained(s)).some((m) => m.includes('googleads.g.doubleclick.net/pagead/viewthroughconversion') && m.includes('requested before consent (by an <img>)'))).toBe(true);
  });
});
