import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { explained, siteFixture, sitePage, type Site } from './harness';

// One page per hostile environment the built bundle must fail closed in: it never throws into
// the page, never lets anything optional run before consent, and says what is wrong.
const sites = siteFixture();

const ADS = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/"';
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
/** Google's snippet as page code adds it after the tag (the way plugins do). */
const INSERTED = `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}var s=document.createElement('script');s.async=true;s.src='${GTAG}';document.head.appendChild(s);</script>`;
const HELD_INLINE = `<script type="text/plain" data-samtykke="marketing">window.__held=(window.__held||0)+1;</script>`;

interface Opened extends Site {
  readonly errors: string[];
}

const open = async (html: string | { body: string; headers: Record<string, string> }): Promise<Opened> => {
  const site = await sites.open({ pages: { '/': html } });
  const errors: string[] = [];
  site.page.on('pageerror', (e) => errors.push(e.message));
  await site.goto('/');
  return Object.assign(site, { errors });
};
const runs = (p: Page, name: '__gtagLoads' | '__held' | '__pwned') => p.evaluate((n) => (window as unknown as Record<string, number | undefined>)[n] ?? 0, name);
const accept = (p: Page) => p.getByRole('button', { name: 'Godta alle', exact: true }).first().click();
const ours = async (s: Site, level: 'error' | 'warning') => (await explained(s)).filter((m) => m.startsWith(`${level}: [samtykke]`));

describe('odd configs still hold', () => {
  it('a throwing samtykkeConfig getter and Object.prototype.mode = "advanced" neither stop samtykke nor switch its mode', async () => {
    const before = `<script>Object.prototype.mode='advanced';Object.defineProperty(window,'samtykkeConfig',{get(){throw new Error('no')}});</script>`;
    const s = await open(sitePage({ attrs: ADS, head: INSERTED }).replace('<script src="/samtykke.js"', `${before}<script src="/samtykke.js"`));
    await s.settled();
    expect(await runs(s.page, '__gtagLoads')).toBe(0);
    expect((await explained(s)).some((m) => m.includes('could not start'))).toBe(false);
    expect((await ours(s, 'error')).some((m) => m.includes('window.samtykkeConfig could not be read'))).toBe(true);
    await accept(s.page);
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    expect(s.errors).toEqual([]);
  });

  it('a config holding a BigInt, a cycle and a throwing getter is read, reported and still holds', async () => {
    const before = `<script>var c={googleAds:'AW-123456789',privacyUrl:'/personvern/',revision:10n,theme:{get accent(){throw new Error('x')}}};c.services=[c];window.samtykkeConfig=c;</script>`;
    const s = await open(sitePage({ attrs: '', head: INSERTED }).replace('<script src="/samtykke.js"', `${before}<script src="/samtykke.js"`));
    await s.settled();
    expect(await runs(s.page, '__gtagLoads')).toBe(0);
    expect((await explained(s)).some((m) => m.includes('could not start'))).toBe(false);
    expect((await ours(s, 'error')).some((m) => m.includes('revision: "10n"'))).toBe(true);
    await accept(s.page);
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    expect(s.errors).toEqual([]);
  });
});

describe('a garbled cookie asks again', () => {
  for (const value of ['"1.1.abcdefgh1234.t0000.m1"', '1%2E1.abcdefgh1234.t9x7m0.m1', '1.1.abcdefgh1234.0t9x7m0.m1']) {
    it(`${value} is no decision`, async () => {
      const site = await sites.open({ pages: { '/': sitePage({ attrs: ADS }) } });
      const seconds = Math.floor(Date.now() / 1000).toString(36);
      await site.context.addCookies([{ name: 'samtykke', value: value.replace(/t[0-9a-z]{4,6}/, seconds), url: 'https://www.stressfri.test/' }]);
      await site.goto('/');
      await expect(site.page.getByRole('button', { name: 'Godta alle', exact: true }).isVisible()).resolves.toBe(true);
      await expect(site.page.evaluate(() => window.samtykke!.has('marketing'))).resolves.toBe(false);
      expect(site.google.filter((r) => r.url.includes('/gtag/js'))).toEqual([]);
    });
  }
});

describe('Trusted Types enforced', () => {
  const page = (withDefault: boolean) => ({
    headers: { 'Content-Security-Policy': `require-trusted-types-for 'script'; trusted-types page samtykke${withDefault ? ' default' : ''}` },
    body: sitePage({
      attrs: ADS,
      head: withDefault ? `<script>trustedTypes.createPolicy('default',{createHTML:s=>s,createScript:s=>s,createScriptURL:s=>s});</script>` : '',
      body: `<main id="m"></main>${HELD_INLINE}<script>var p=trustedTypes.createPolicy('page',{createHTML:s=>s});document.getElementById('m').innerHTML=p.createHTML('<b id="a">a</b>');document.getElementById('m').insertAdjacentHTML('beforeend',p.createHTML('<i id="b">b</i>'));</script>`,
    }),
  });
  for (const withDefault of [false, true]) {
    it(`${withDefault ? 'with' : 'without'} a default policy: the page's TrustedHTML works, and "Godta alle" loads gtag.js and releases a held inline script`, async () => {
      const s = await open(page(withDefault));
      await expect(s.page.locator('#a').count()).resolves.toBe(1);
      await expect(s.page.locator('#b').count()).resolves.toBe(1);
      expect(await runs(s.page, '__held')).toBe(0);
      await accept(s.page);
      await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
      await expect.poll(() => runs(s.page, '__held')).toBe(1);
      expect(s.errors).toEqual([]);
      expect((await explained(s)).filter((m) => m.includes('Trusted Type'))).toEqual([]);
    });
  }
});

describe('the tag in the wrong place says so, and still holds', () => {
  const cases: [string, string, string][] = [
    ['async', sitePage({ attrs: `async ${ADS}`, head: HELD_INLINE }), 'remove "async"'],
    ['defer', sitePage({ attrs: `defer ${ADS}`, head: HELD_INLINE }), 'remove "defer"'],
    ['type="module"', sitePage({ attrs: `type="module" ${ADS}`, head: HELD_INLINE }), 'without type="module"'],
    [
      'after a Google snippet',
      sitePage({ attrs: ADS, head: HELD_INLINE }).replace('<script src="/samtykke.js"', `<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','AW-123456789');</script><script src="/samtykke.js"`),
      'above the Google snippet',
    ],
    ['after gtag.js', sitePage({ attrs: ADS, head: HELD_INLINE }).replace('<script src="/samtykke.js"', `<script src="${GTAG}"></script><script src="/samtykke.js"`), `above ${GTAG}`],
  ];
  for (const [name, html, fix] of cases) {
    it(`${name}: one error saying what to change; accepting releases nothing`, async () => {
      const s = await open(html);
      await s.settled();
      const loads = await runs(s.page, '__gtagLoads');
      await s.page.evaluate(() => window.samtykke?.acceptAll());
      await s.settled();
      const errors = await ours(s, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('the tag is in the wrong place');
      expect(errors[0]).toContain(fix);
      expect(await runs(s.page, '__held')).toBe(0);
      expect(await runs(s.page, '__gtagLoads')).toBe(loads);
      expect(s.errors).toEqual([]);
    });
  }
  it('with data-meta-pixel: Markedsføring is not asked about, and accepting releases no marketing markup', async () => {
    const snippetFirst = `<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>`;
    const s = await open(sitePage({ attrs: 'data-meta-pixel="123456789012345" data-privacy-url="/personvern/"', before: snippetFirst, head: HELD_INLINE }));
    await s.page.evaluate(() => window.samtykke?.acceptAll());
    await s.settled();
    expect(await ours(s, 'error')).toEqual([expect.stringContaining('the tag is in the wrong place')]);
    await expect(s.page.evaluate(() => window.samtykke!.has('marketing'))).resolves.toBe(false);
    expect(await runs(s.page, '__held')).toBe(0);
    expect(s.others.filter((r) => r.url.includes('facebook'))).toEqual([]);
  });
  it('a Google tag pasted after a misplaced tag is not asked about, and accepting does not release it', async () => {
    const snippetFirst = `<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-ABC123XYZ');</script>`;
    const pasted = `<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ"></script>`;
    const s = await open(sitePage({ attrs: 'data-privacy-url="/personvern/"', before: snippetFirst, head: pasted }));
    await s.settled();
    await s.page.evaluate(() => window.samtykke?.acceptAll());
    await s.settled();
    expect(await ours(s, 'error')).toEqual([expect.stringContaining('the tag is in the wrong place')]);
    expect((await ours(s, 'warning')).filter((m) => m.includes('found a Google tag'))).toEqual([]);
    expect(await runs(s.page, '__gtagLoads')).toBe(0);
    expect(s.errors).toEqual([]);
  });
});

describe('an element with id="samtykke"', () => {
  it('does not stop a tag after it', async () => {
    const html = sitePage({ attrs: ADS }).replace(/<script src="\/samtykke.js"[^>]*><\/script>/, '').replace('<main>', `<main><a id="samtykke" href="#samtykke">Cookies</a><script src="/samtykke.js" ${ADS}></script>`);
    const s = await open(html);
    await expect(s.page.evaluate(() => typeof window.samtykke?.acceptAll)).resolves.toBe('function');
    await expect(s.page.getByRole('button', { name: 'Godta alle', exact: true }).isVisible()).resolves.toBe(true);
  });
});

describe('document.write of a Google script', () => {
  it('is held until "Godta alle" and then runs once', async () => {
    const s = await open(sitePage({ attrs: ADS, head: `<script>document.write('<script src="${GTAG}"><\\/script>');</script>` }));
    await s.settled();
    expect(await runs(s.page, '__gtagLoads')).toBe(0);
    await accept(s.page);
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    await s.settled();
    expect(await runs(s.page, '__gtagLoads')).toBe(1);
    expect(s.errors).toEqual([]);
  });

  it('as TrustedHTML, which cannot be read first: says truthfully it was not held, and never runs it twice', async () => {
    const write = `<script>var p=trustedTypes.createPolicy('page',{createHTML:s=>s});document.write(p.createHTML('<script src="${GTAG}"><\\/script>'));</script>`;
    const s = await open({ headers: { 'Content-Security-Policy': "require-trusted-types-for 'script'; trusted-types page samtykke" }, body: sitePage({ attrs: ADS, head: write }) });
    await s.page.waitForFunction(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads === 1);
    expect((await ours(s, 'warning')).some((m) => m.includes(GTAG) && m.includes('could not be held and loaded without consent'))).toBe(true);
    await accept(s.page);
    await s.settled();
    expect(await runs(s.page, '__gtagLoads')).toBe(1);
    expect(s.errors).toEqual([]);
  });
});

describe('owner input that could do harm', () => {
  it('a theme url() is refused and never fetched', async () => {
    const requested: string[] = [];
    const before = `<script>window.samtykkeConfig={theme:{accent:'url(https://tracker.example/x.png)',background:'#fff'}};</script>`;
    const site = await sites.open({ pages: { '/': sitePage({ attrs: ADS }).replace('<script src="/samtykke.js"', `${before}<script src="/samtykke.js"`) } });
    site.page.on('request', (r) => requested.push(r.url()));
    await site.goto('/');
    await site.settled();
    expect(requested.filter((u) => u.includes('tracker.example'))).toEqual([]);
    expect((await explained(site)).some((m) => m.startsWith('error: [samtykke] theme.accent'))).toBe(true);
  });

  it('a javascript: data-src or a data: script src is refused on release, with a message', async () => {
    const s = await open(
      sitePage({
        attrs: ADS,
        body: `<main><iframe data-samtykke="marketing" data-src="javascript:parent.__pwned=1" title="x"></iframe><script type="text/plain" data-samtykke="marketing" src="data:text/javascript,window.__pwned=1"></script></main>`,
      }),
    );
    await accept(s.page);
    await s.settled();
    expect(await runs(s.page, '__pwned')).toBe(0);
    expect((await ours(s, 'error')).filter((m) => m.includes('is not a web address'))).toHaveLength(2);
  });

  it('{__proto__} in an owner text is shown as written', async () => {
    const before = `<script>window.samtykkeConfig={texts:{nb:{more:'Se {__proto__} og {constructor} i {privacy}.'}}};</script>`;
    const s = await open(sitePage({ attrs: ADS }).replace('<script src="/samtykke.js"', `${before}<script src="/samtykke.js"`));
    await expect(s.page.getByText('Se {__proto__} og {constructor} i').isVisible()).resolves.toBe(true);
    expect(s.errors).toEqual([]);
  });
});

describe('the API called with anything from the page', () => {
  it('never throws into the page', async () => {
    const s = await open(sitePage({ attrs: ADS }));
    const thrown = await s.page.evaluate(() => {
      const api = window.samtykke!;
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const bad = () => {
        throw new Error('x');
      };
      const calls = [
        () => api.set(new Proxy({}, { ownKeys: bad }) as never),
        () => api.set(Object.defineProperty({}, 'marketing', { enumerable: true, get: bad }) as never),
        () => api.on(10n as never, () => undefined),
        () => api.on(cyclic as never, () => undefined),
        () => api.on({ toJSON: bad } as never, () => undefined),
        () => api.has(Object.create(null) as never),
        () => (window as unknown as { gtag(...a: unknown[]): void }).gtag('config', Object.create(null)),
      ];
      return calls.map((c) => {
        try {
          c();
          return null;
        } catch (e) {
          return String(e);
        }
      });
    });
    expect(thrown).toEqual(thrown.map(() => null));
    await expect(s.page.evaluate(() => window.samtykke!.has('marketing'))).resolves.toBe(false);
  });
});

describe('built-ins broken by an earlier script', () => {
  it('say so once, and nothing optional runs', async () => {
    const before = `<script>delete window.MutationObserver;</script>`;
    const s = await open(sitePage({ attrs: ADS, head: HELD_INLINE }).replace('<script src="/samtykke.js"', `${before}<script src="/samtykke.js"`));
    await s.settled();
    expect(await ours(s, 'error')).toEqual([expect.stringContaining('deleted or replaced MutationObserver')]);
    // No API and no banner: nothing can grant, so the held script stays held.
    await expect(s.page.evaluate(() => typeof window.samtykke)).resolves.toBe('undefined');
    await expect(s.page.locator('samtykke-ui').count()).resolves.toBe(0);
    expect(await runs(s.page, '__held')).toBe(0);
    expect(s.google).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
