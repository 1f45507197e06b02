import { describe, expect, it } from 'vitest';
import { dataLayer, explained, type Site, siteFixture, sitePage } from './harness';

const sites = siteFixture();

const both = 'data-google-ads="AW-123456789" data-google-analytics="G-ABC123XYZ" data-privacy-url="/personvern/"';
const gtagLoads = (s: Site) => s.google.filter((r) => r.url.includes('/gtag/js')).length;
const consentEntries = async (s: Site) => (await dataLayer(s.page)).filter((e): e is unknown[] => Array.isArray(e) && e[0] === 'consent');
const open = async (pages: Record<string, string>, path = '/') => {
  const site = await sites.open({ pages });
  await site.goto(path);
  return site;
};

describe('before any choice (LAW-01, GCM-01, GCM-02)', () => {
  it('makes no Google request and sets no Google cookie for 3 s', async () => {
    const s = await open({ '/': sitePage({ attrs: both }) });
    await s.page.mouse.wheel(0, 400);
    // The promise is about time itself (a visitor who scrolls and reads, deciding nothing):
    // nothing in the page can say "3 s have passed" but the clock.
    await s.page.waitForTimeout(3000);
    expect(s.google).toEqual([]);
    expect((await s.cookieNames()).filter((n) => /^_g/.test(n))).toEqual([]);
    expect(await s.cookieNames()).not.toContain('samtykke');
  });

  it('puts the denied default first, before any js/config/event', async () => {
    const pasted = `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','AW-123456789');</script>`;
    const s = await open({ '/': sitePage({ attrs: both, head: pasted }) });
    const layer = (await dataLayer(s.page)) as unknown[][];
    const first = layer.findIndex((e) => e[0] === 'consent' && e[1] === 'default');
    const firstCommand = layer.findIndex((e) => ['js', 'config', 'event'].includes(e[0] as string));
    expect(first).toBe(0);
    expect(firstCommand).toBeGreaterThan(first);
    expect(layer[0]![2]).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
      wait_for_update: 500,
    });
    expect(layer).toContainEqual(['set', 'ads_data_redaction', true]);
    expect(layer).toContainEqual(['set', 'url_passthrough', false]);
    // GCM-13: the pasted snippet is named in the console, once a call
    expect((await explained(s)).filter((m) => m.includes('Google tag called without consent'))).toHaveLength(2);
    expect(s.google).toEqual([]);
  });

  it('blocks just as well from the footer (WN-01)', async () => {
    const html = `<!doctype html><html lang="nb"><head><title>x</title></head><body><p>x</p><script type="text/plain" data-samtykke="marketing">window.__ran=['inline']</script><script src="/samtykke.js" ${both}></script></body></html>`;
    const s = await open({ '/': html });
    await s.settled();
    expect(s.google).toEqual([]);
    expect(await s.page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran)).toBeUndefined();
    expect((await consentEntries(s))[0]![1]).toBe('default');
  });
});

describe('a decision', () => {
  it('acceptAll loads gtag.js once and sends one granted update; a reload keeps it (GCM-05, GCM-06)', async () => {
    const s = await open({ '/': sitePage({ attrs: both }), '/om/': sitePage({ attrs: both }) });
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    const updates = (await consentEntries(s)).filter((e) => e[1] === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]![2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted' });
    expect(gtagLoads(s)).toBe(1);
    const layer = (await dataLayer(s.page)) as unknown[][];
    expect(layer.filter((e) => e[0] === 'config').map((e) => e[1])).toEqual(['AW-123456789', 'G-ABC123XYZ']);
    expect(layer).toContainEqual({ event: 'samtykke_update', samtykke: expect.objectContaining({ purposes: { necessary: true, functional: false, analytics: true, marketing: true } }) });

    const cookie = (await s.context.cookies()).find((c) => c.name === 'samtykke')!;
    expect(cookie).toMatchObject({ path: '/', sameSite: 'Lax', secure: true });
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(181 * 86_400_000);

    await s.goto('/om/');
    const entries = await consentEntries(s);
    expect(entries.map((e) => e[1])).toEqual(['default', 'update']);
    expect(await s.page.evaluate(() => window.samtykke!.has('marketing'))).toBe(true);
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
  });

  it('after rejectAll no Google request on this page or the next (GCM-02)', async () => {
    const s = await open({ '/': sitePage({ attrs: both }), '/om/': sitePage({ attrs: both }) });
    await s.page.evaluate(() => window.samtykke!.rejectAll());
    await s.goto('/om/');
    await s.settled();
    expect(s.google).toEqual([]);
    const update = (await consentEntries(s)).find((e) => e[1] === 'update')!;
    expect(update[2]).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied' });
    expect(await s.page.evaluate(() => window.samtykke!.get()?.choices)).toEqual({ analytics: false, marketing: false });
  });

  it('marketing only: all ad signals granted, analytics denied, only the Ads id configured', async () => {
    const s = await open({ '/': sitePage({ attrs: both }) });
    await s.page.evaluate(() => window.samtykke!.set({ marketing: true }));
    const update = (await consentEntries(s)).find((e) => e[1] === 'update')!;
    expect(update[2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'denied' });
    const layer = (await dataLayer(s.page)) as unknown[][];
    expect(layer.filter((e) => e[0] === 'config').map((e) => e[1])).toEqual(['AW-123456789']);
    expect(s.google.map((r) => new URL(r.url).searchParams.get('id'))).toEqual(['AW-123456789']);
  });

  it('analytics only: analytics granted, every ad signal denied', async () => {
    const s = await open({ '/': sitePage({ attrs: both }) });
    await s.page.evaluate(() => window.samtykke!.set({ analytics: true }));
    const update = (await consentEntries(s)).find((e) => e[1] === 'update')!;
    expect(update[2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
    expect(s.google.map((r) => new URL(r.url).searchParams.get('id'))).toEqual(['G-ABC123XYZ']);
  });

  it('keeps its cookie on the configured domain for the configured days, there on withdrawal too, and passes url_passthrough on', async () => {
    const attrs = `${both} data-cookie-domain="stressfri.test" data-validity-days="30" data-url-passthrough="true" data-reload-on-withdraw="false"`;
    const s = await open({ '/': sitePage({ attrs }) });
    expect(await dataLayer(s.page)).toContainEqual(['set', 'url_passthrough', true]);
    const ours = async () => (await s.context.cookies()).filter((c) => c.name === 'samtykke');
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    const [cookie] = await ours();
    expect(cookie!.domain).toBe('.stressfri.test');
    const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    // The withdrawal is written over the same cookie, not beside it on the host.
    await s.page.evaluate(() => window.samtykke!.rejectAll());
    expect((await ours()).map((c) => c.domain)).toEqual(['.stressfri.test']);
    // And reset() clears it where it was set.
    await s.page.evaluate(() => window.samtykke!.reset());
    expect(await ours()).toEqual([]);
  });

  it('a garbled or foreign cookie means "ask again", never "accepted"', async () => {
    const site = await sites.open({ pages: { '/': sitePage({ attrs: both }) } });
    for (const value of ['1.1.abcdefgh1234.zzzzzz.m1a1', '{"marketing":true}', 'm1a1', '1.9.abcdefgh1234.t0a2bc.m1a1']) {
      await site.context.addCookies([{ name: 'samtykke', value, url: 'https://www.stressfri.test/' }]);
      await site.goto('/');
      expect(await site.page.evaluate(() => window.samtykke!.get())).toBeNull();
    }
    expect(site.google).toEqual([]);
  });
});

describe('withdrawal (UI-10, WN-07)', () => {
  it('sends a denied update, deletes Google cookies on host and parent domain, and reloads', async () => {
    const s = await open({ '/': sitePage({ attrs: both }) });
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    await s.page.waitForFunction(() => document.cookie.includes('_gcl_au'));
    await s.context.addCookies([
      { name: '_ga_ABC123XYZ', value: 'x', domain: '.stressfri.test', path: '/' },
      { name: '_gcl_aw', value: 'x', domain: '.stressfri.test', path: '/' },
      { name: 'unrelated', value: 'x', domain: '.stressfri.test', path: '/' },
    ]);
    const reloaded = s.page.waitForEvent('load');
    const updates = await s.page.evaluate(() => {
      const seen: unknown[] = [];
      const w = window as unknown as { dataLayer: unknown[] };
      const before = w.dataLayer.length;
      window.samtykke!.rejectAll();
      for (const e of w.dataLayer.slice(before)) seen.push(Array.from(e as ArrayLike<unknown>));
      return seen;
    });
    expect(updates).toContainEqual(['consent', 'update', expect.objectContaining({ ad_storage: 'denied', analytics_storage: 'denied' })]);
    await reloaded;
    const names = await s.cookieNames();
    expect(names.filter((n) => /^_g/.test(n))).toEqual([]);
    expect(names).toContain('unrelated');
    expect(names).toContain('samtykke');
    const before = gtagLoads(s);
    await s.settled();
    expect(gtagLoads(s)).toBe(before);
  });

  it('does not reload when the owner turns that off', async () => {
    const s = await open({ '/': sitePage({ attrs: `${both} data-reload-on-withdraw="false"` }) });
    await s.page.evaluate(() => {
      (window as unknown as { __mark: number }).__mark = 1;
      window.samtykke!.acceptAll();
      window.samtykke!.reset();
    });
    // A reload would ask the site for the page again: settled waits that out.
    await s.settled();
    expect(gtagLoads(s)).toBe(1);
    expect(await s.page.evaluate(() => (window as unknown as { __mark?: number }).__mark)).toBe(1);
  });

  it('does not reload when nothing of the withdrawn purpose had run', async () => {
    // Markedsføring is asked about for a video no page holds: granted, it releases nothing.
    const s = await open({ '/': sitePage({ attrs: 'data-embeds="youtube" data-privacy-url="/personvern/"' }) });
    await s.page.evaluate(() => {
      (window as unknown as { __mark: number }).__mark = 1;
      window.samtykke!.acceptAll();
      window.samtykke!.reset();
    });
    await s.settled();
    expect(s.requests.filter((r) => new URL(r.url).pathname === '/')).toHaveLength(1);
    expect(await s.page.evaluate(() => (window as unknown as { __mark?: number }).__mark)).toBe(1);
  });
});

describe('markup the owner holds back', () => {
  it('runs text/plain scripts only after grant, in document order, once, keeping attributes', async () => {
    const body = `
      <script type="text/plain" data-samtykke="marketing">window.__ran=(window.__ran||[]).concat('inline-1')</script>
      <script type="text/plain" data-samtykke="marketing" src="/vendor/first.js" id="ext" data-x="keep"></script>
      <script type="text/plain" data-samtykke="marketing">window.__ran=window.__ran.concat('inline-2')</script>
      <script type="text/plain" data-samtykke="analytics marketing">window.__ran=window.__ran.concat('both')</script>
      <script type="text/plain" data-samtykke="analytics">window.__ran=(window.__ran||[]).concat('analytics')</script>
      <iframe data-samtykke="marketing" data-src="/frame.html" title="Video"></iframe>`;
    const s = await open({ '/': sitePage({ attrs: both, body }), '/frame.html': '<p>frame</p>' });
    await s.settled();
    const ran = () => s.page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? []);
    expect(await ran()).toEqual([]);
    await s.page.evaluate(() => window.samtykke!.set({ marketing: true }));
    await s.page.waitForFunction(() => ((window as unknown as { __ran?: string[] }).__ran ?? []).length >= 3);
    expect(await ran()).toEqual(['inline-1', '/vendor/first.js', 'inline-2']);
    expect(await s.page.getAttribute('#ext', 'data-x')).toBe('keep');
    expect(await s.page.getAttribute('iframe', 'src')).toBe('/frame.html');
    await s.page.evaluate(() => window.samtykke!.set({ analytics: true }));
    await s.page.waitForFunction(() => ((window as unknown as { __ran?: string[] }).__ran ?? []).length >= 5);
    expect(await ran()).toEqual(['inline-1', '/vendor/first.js', 'inline-2', 'both', 'analytics']);
    await s.page.evaluate(() => window.samtykke!.set({ analytics: true }));
    await s.settled();
    expect(await ran()).toHaveLength(5);
  });

  it('reports a misspelt purpose and keeps that script blocked', async () => {
    const s = await open({ '/': sitePage({ attrs: both, body: `<script type="text/plain" data-samtykke="marketting">window.__ran=1</script>` }) });
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    expect(await s.page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    expect((await explained(s)).some((m) => m.startsWith('error: [samtykke] data-samtykke="marketting"'))).toBe(true);
  });
});

describe('a robust guest on the host page', () => {
  it('included twice: one API, one default (WN-03)', async () => {
    const s = await open({ '/': sitePage({ attrs: both, head: `<script src="/samtykke.js" ${both}></script>` }) });
    expect((await consentEntries(s)).filter((e) => e[1] === 'default')).toHaveLength(1);
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    expect(gtagLoads(s)).toBe(1);
  });

  it('open() called from <head>, before <body> exists, opens the preferences once the page is there', async () => {
    const s = await open({ '/': sitePage({ attrs: both, head: '<script>window.samtykke.open()</script>' }) });
    const dialogOpen = () => s.page.evaluate(() => !!document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('dialog')?.open);
    await expect.poll(dialogOpen).toBe(true);
  });

  it('a returning visitor gets no banner; the reopen button after the first paint, samtykke:ready once it is there, and it opens the preferences from the keyboard', async () => {
    const listen = `<script>addEventListener('samtykke:ready', (e) => { window.__ready = { marketing: e.detail && e.detail.purposes.marketing, button: !!document.querySelector('samtykke-ui') } })</script>`;
    const s = await open({ '/': sitePage({ attrs: both, head: listen }) });
    await s.page.evaluate(() => window.samtykke!.rejectAll());
    await s.goto('/');
    // Drawn in idle time after the first paint: the signal says when, not the load.
    await s.page.waitForFunction(() => (window as unknown as { __ready?: unknown }).__ready !== undefined);
    expect(await s.page.evaluate(() => (window as unknown as { __ready?: unknown }).__ready)).toEqual({ marketing: false, button: true });
    const ui = await s.page.evaluate(() => {
      const root = document.querySelector('samtykke-ui')?.shadowRoot;
      return { first: document.body.firstElementChild?.localName, region: !!root?.querySelector('[role="region"], section'), buttons: [...(root?.querySelectorAll('button') ?? [])].filter((b) => b.checkVisibility()).length };
    });
    expect(ui).toEqual({ first: 'samtykke-ui', region: false, buttons: 1 });
    // First in the tab order, and Enter opens the preferences (the face fetched then).
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => document.querySelector('samtykke-ui')?.shadowRoot?.activeElement?.getAttribute('aria-label'))).toBe('Innstillinger for informasjonskapsler');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.evaluate(() => !!document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('dialog')?.open)).toBe(true);
  });

  it('a wrong setting: one clear error, nothing optional runs, the page works', async () => {
    const s = await open({ '/': sitePage({ attrs: 'data-google-ads="AW-12x" data-privacy-url="/p/"', body: '<p id="ok">ok</p>' }) });
    expect((await explained(s)).filter((m) => m.startsWith('error:'))).toEqual([expect.stringContaining('googleAds: "AW-12x" is not a valid id')]);
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    await s.settled();
    expect(s.google).toEqual([]);
    expect(await s.page.textContent('#ok')).toBe('ok');
  });

  it('works under a strict nonce-based Content-Security-Policy', async () => {
    const csp = "default-src 'self'; script-src 'nonce-r4nd0m' 'strict-dynamic'; style-src 'self'; img-src 'self' data:; frame-src 'self'";
    const body = `<script type="text/plain" data-samtykke="marketing" nonce="r4nd0m">window.__ran=['inline']</script>`;
    const html = sitePage({ attrs: `nonce="r4nd0m" ${both}`, body });
    const site = await sites.open({ pages: { '/': { body: html, headers: { 'content-security-policy': csp } } } });
    await site.goto('/');
    await site.page.evaluate(() => window.samtykke!.acceptAll());
    await site.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    expect(await site.page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran)).toEqual(['inline']);
    expect(site.console.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
  });
});
