import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST, faceFile, LANGS } from '../../scripts/built-files.mjs';
import { integrity } from '../../scripts/sri.mjs';
import type { Locator } from 'playwright-core';
import { explained, FILES_ORIGIN, siteFixture, sitePage, type Site } from './harness';

// The engine and its face as two files (dist/samtykke.js fetching dist/samtykke-face.<lang>.js):
// when the face is fetched, and what happens when it cannot be.
const sites = siteFixture();

const ADS = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/"';
const FACE = 'samtykke-face.nb.js';
const built = (file: string) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
const errors = async (s: Site) => (await explained(s)).filter((m) => m.startsWith('error: [samtykke]'));
const banner = (s: Site) => s.page.getByRole('region', { name: 'Informasjonskapsler' });
const reopen = (s: Site) => s.page.getByRole('button', { name: 'Innstillinger for informasjonskapsler' });
const shows = (l: Locator) => expect.poll(() => l.isVisible()).toBe(true);
const dialogOpen = (s: Site) => s.page.evaluate(() => !!document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('dialog')?.open);
/** Where focus is, through shadow roots: 'dialog' (in the preferences), 'samtykke' (elsewhere in our roots), or the page's element. */
const focus = (s: Site) =>
  s.page.evaluate(() => {
    const root = document.querySelector('samtykke-ui')?.shadowRoot;
    if (root?.activeElement) return root.querySelector('dialog')?.contains(root.activeElement) ? 'dialog' : 'samtykke';
    return document.activeElement?.localName;
  });
const ran = (s: Site) => s.page.evaluate(() => (window as unknown as { __ran?: number }).__ran);
const HELD = '<script type="text/plain" data-samtykke="marketing">window.__ran=1</script>';
/** What the face's messages tell the owner comes next, as samtykke-help.js has it. */
const RETRIES = "The visitor's next click on the reopen button or a settings link tries again.";

/** A visitor who has chosen (all refused), then a fresh look at `path`. */
async function returning(s: Site, path = '/') {
  await s.goto('/');
  await s.page.evaluate(() => window.samtykke!.rejectAll());
  s.faces.length = 0;
  await s.goto(path);
}

describe('the face is fetched only when something must be shown', () => {
  it('is not requested for a returning visitor on a plain page, whose reopen button the engine draws', async () => {
    const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS }) } });
    await returning(s);
    await shows(reopen(s));
    await s.settled();
    expect(s.faces).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the reopen button looks the same with the face or without it, pixel for pixel (${colorScheme}), focused or not`, async () => {
      // The owner's colours too: the theme reaches the button with the face's rules beside it or not.
      const theme = `<script>window.samtykkeConfig={theme:{accent:'#7a1f5c'}}</script>`;
      const s = await sites.open({ colorScheme, pages: { '/': sitePage({ attrs: ADS, before: theme }) } });
      // The button and the focus ring around it, reached from the keyboard (Shift+Tab from the page's first link).
      const shots = async () => {
        await s.page.mouse.move(400, 10);
        await s.page.getByRole('link', { name: 'Om oss' }).focus();
        const box = (await reopen(s).boundingBox())!;
        const clip = { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 };
        const plain = await s.page.screenshot({ clip });
        await s.page.keyboard.press('Shift+Tab');
        return [plain, await s.page.screenshot({ clip })];
      };
      await s.goto('/');
      await s.page.getByRole('button', { name: 'Avvis alle' }).click();
      await shows(reopen(s));
      const withFace = await shots();
      s.faces.length = 0;
      await s.goto('/');
      await shows(reopen(s));
      const withoutFace = await shots();
      expect(s.faces).toEqual([]);
      expect(withoutFace[0]!.equals(withFace[0]!)).toBe(true);
      expect(withoutFace[1]!.equals(withFace[1]!)).toBe(true);
      // Focus shows: the focused button does not look like the unfocused one.
      expect(withoutFace[0]!.equals(withoutFace[1]!)).toBe(false);
    });
  }

  it('is requested while the page is parsed on a first visit, in the visitor’s language', async () => {
    const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS }), '/en': sitePage({ attrs: ADS, lang: 'en' }) } });
    await s.goto('/');
    await shows(banner(s));
    const started = await s.page.evaluate((face) => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(face))!;
      return entry.startTime < (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive;
    }, FACE);
    expect(started).toBe(true);
    await s.goto('/en');
    await shows(s.page.getByRole('button', { name: 'Accept all' }));
    expect(s.faces).toEqual([FACE, 'samtykke-face.en.js']);
  });

  it('is requested for a declaration or a held embed on the page', async () => {
    const frame = '<iframe width="560" height="315" data-samtykke="marketing" data-src="https://www.youtube.com/embed/x" title="Video"></iframe>';
    const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS }), '/personvern/': sitePage({ attrs: ADS, body: '<div data-samtykke-declaration></div>' }), '/video': sitePage({ attrs: ADS, body: frame }) } });
    await returning(s, '/personvern/');
    await expect.poll(() => s.page.evaluate(() => document.querySelector('[data-samtykke-declaration]')?.shadowRoot?.querySelectorAll('table').length)).toBeGreaterThan(0);
    s.faces.length = 0;
    await s.goto('/video');
    await shows(s.page.getByRole('region', { name: /YouTube/ }));
    expect(s.faces).toEqual([FACE]);
  });

  it('a click on the reopen button before the face is here opens the preferences once it arrives: one click, focus inside', async () => {
    const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS }) } });
    await returning(s);
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await s.context.route(`**/${FACE}`, async (route) => {
      await arrived;
      await route.fulfill({ contentType: 'text/javascript', body: built(FACE) });
    });
    await reopen(s).focus();
    await s.page.keyboard.press('Enter');
    expect(await dialogOpen(s)).toBe(false);
    release();
    await expect.poll(() => dialogOpen(s)).toBe(true);
    const focusInDialog = await s.page.evaluate(() => {
      const root = document.querySelector('samtykke-ui')!.shadowRoot!;
      return !!root.activeElement && !!root.querySelector('dialog')!.contains(root.activeElement);
    });
    expect(focusInDialog).toBe(true);
  });
});

describe('a face that cannot be had leaves the engine’s safe state', () => {
  for (const [why, body] of [
    ['blocked', 'abort'],
    ['altered (wrong hash)', `${built(FACE)}\n;window.__altered=1`],
  ] as const) {
    it(`${why}: nothing optional runs, one error, and a later click tries again`, async () => {
      const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS, body: `<main><a href="#samtykke">Cookies</a></main>${HELD}` }) }, files: { [FACE]: body } });
      await s.goto('/');
      await expect.poll(async () => (await errors(s)).length).toBe(1);
      expect((await errors(s))[0]).toContain(FACE);
      expect(await banner(s).count()).toBe(0);
      await s.settled();
      expect(s.google).toEqual([]);
      expect(await s.page.evaluate(() => (window as unknown as { __ran?: number; __altered?: number }).__ran ?? (window as unknown as { __altered?: number }).__altered)).toBeUndefined();
      // The face is reachable again at the retry's address (`?1`, shell/load.ts): the next click fetches it and opens the preferences.
      await s.context.route(`**/${FACE}?*`, (route) => route.fulfill({ contentType: 'text/javascript', body: built(FACE) }));
      await s.page.getByRole('link', { name: 'Cookies' }).click();
      await expect.poll(() => dialogOpen(s)).toBe(true);
      expect(await errors(s)).toHaveLength(1);
    });
  }
});

describe('a first visit whose face cannot be had: the reopen button is the visitor’s way to try again', () => {
  it('the button shows, named as usual; a click fetches the face, the preferences open over the banner with focus inside, and nothing optional ran before a choice', async () => {
    const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS, body: `<main><p>Stressfri</p></main>${HELD}` }) }, files: { [FACE]: 'abort' } });
    await s.goto('/');
    await expect.poll(async () => (await errors(s)).length).toBe(1);
    expect((await errors(s))[0]).toContain(`${FACE} from samtykke.js's folder (blocked, offline or altered); nothing optional runs until a choice is made. ${RETRIES}`);
    await shows(reopen(s));
    expect(await banner(s).count()).toBe(0);
    let fetched = 0;
    // A retry asks at another address (`?1`, shell/load.ts).
    await s.context.route(`**/${FACE}?*`, (route) => {
      fetched++;
      return route.fulfill({ contentType: 'text/javascript', body: built(FACE) });
    });
    await reopen(s).click();
    await expect.poll(() => dialogOpen(s)).toBe(true);
    expect(await focus(s)).toBe('dialog');
    expect([s.faces, fetched]).toEqual([[FACE], 1]);
    // Closed without a choice: the banner asks, the button is hidden again while it does, and focus
    // goes to the banner's "Tilpass", as when the preferences were opened from the banner.
    await s.page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(s)).toBe(false);
    await shows(banner(s));
    expect(await reopen(s).isVisible()).toBe(false);
    await expect.poll(() => focus(s)).toBe('samtykke');
    expect(await banner(s).getByRole('button', { name: 'Tilpass' }).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await s.settled();
    expect(s.google).toEqual([]);
    expect(await ran(s)).toBeUndefined();
    // A choice: the button is back, with focus on it, as after any choice from the banner.
    await s.page.getByRole('button', { name: 'Avvis alle' }).click();
    await shows(reopen(s));
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label'))).toBe('Innstillinger for informasjonskapsler');
    expect(await errors(s)).toHaveLength(1);
    expect(s.google).toEqual([]);
  });
});

describe('a face whose drawing throws partway', () => {
  it('leaves no host behind: after a failed mount and a successful one, the page holds one banner host and the reopen button’s', async () => {
    // The page breaks drawing into a shadow root (as a hostile or buggy script could) until it says otherwise.
    const breaks = `<script>(function(insert){Object.defineProperty(ShadowRoot.prototype,'insertBefore',{configurable:true,value:function(){if(window.__drawBroken!==false)throw new Error('drawing broke');return insert.apply(this,arguments)}})})(Node.prototype.insertBefore)</script>`;
    const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS, before: breaks, body: '<main><a href="#samtykke">Cookies</a></main>' }) } });
    await s.goto('/');
    await expect.poll(async () => (await errors(s)).length).toBe(1);
    expect((await errors(s))[0]).toContain('could not show the banner');
    expect(await s.page.locator('samtykke-ui').count()).toBe(1);
    await s.page.evaluate(() => ((window as unknown as { __drawBroken: boolean }).__drawBroken = false));
    await s.page.getByRole('link', { name: 'Cookies' }).click();
    await expect.poll(() => dialogOpen(s)).toBe(true);
    // The banner's host first in <body> (first in the tab order), then the button's.
    expect(await s.page.evaluate(() => Array.from(document.querySelectorAll('samtykke-ui'), (host) => [host === document.body.firstElementChild, !!host.shadowRoot!.querySelector('dialog')]))).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(s.faces).toEqual([FACE]);
  });
});

describe('a face whose mount throws', () => {
  // A face file that arrives and passes its hash, but throws when mounted while the page's
  // `__faceBroken` is not false; the engine carries its hash, as a build with that face would.
  const broken = `${built(FACE)}\n;(function(k){var create=window[k];Object.defineProperty(window,k,{configurable:true,value:function(config){var face=create(config),mount=face.mount;face.mount=function(store,reopen){if(window.__faceBroken!==false)throw new Error('the face broke');return mount(store,reopen)};return face}})})(Symbol.for('samtykke.face'));`;
  const engine = built('samtykke.js').replace(integrity(built(FACE)), integrity(broken));
  // An owner's scripts waiting for samtykke: one on the event (before the tag), one through the API (after it).
  const listening = `<script>window.__ready=0;addEventListener('samtykke:ready',function(){__ready++})</script>`;
  const onReady = `<script>window.__onReady=0;samtykke.on('ready',function(){__onReady++})</script>`;
  const heard = (s: Site) => s.page.evaluate(() => [(window as unknown as { __ready: number }).__ready, (window as unknown as { __onReady: number }).__onReady]);
  const mountError = 'could not show the banner';
  const fix = (s: Site) => s.page.evaluate(() => ((window as unknown as { __faceBroken: boolean }).__faceBroken = false));
  async function open(pages: Record<string, string>) {
    const s = await sites.open({ pages, files: { [FACE]: broken } });
    await s.context.route('**/samtykke.js', (route) => route.fulfill({ contentType: 'text/javascript', body: engine }));
    return s;
  }

  it('on a first visit, face arriving after the page is parsed: nothing optional runs, one error, ready fires once; a later click mounts it and opens the preferences', async () => {
    const s = await open({ '/': sitePage({ attrs: ADS, before: listening, body: `<main><a href="#samtykke">Cookies</a></main>${onReady}${HELD}` }) });
    // Held until the page is parsed, so the mount comes after the engine's own end-of-parse step.
    const parsed = s.page.waitForEvent('domcontentloaded');
    let fetched = 0;
    await s.context.route(`**/${FACE}`, async (route) => {
      fetched++;
      await parsed;
      await route.fulfill({ contentType: 'text/javascript', body: broken });
    });
    await s.goto('/');
    await expect.poll(async () => (await errors(s)).length).toBe(1);
    expect((await errors(s))[0]).toContain(`${mountError}; nothing optional runs until a choice is made. ${RETRIES}`);
    await expect.poll(() => heard(s)).toEqual([1, 1]);
    expect(await banner(s).count()).toBe(0);
    // No banner asks: the reopen button shows, for the visitor to try again with.
    await shows(reopen(s));
    await s.settled();
    expect(s.google).toEqual([]);
    expect(await ran(s)).toBeUndefined();
    // The face mounts now: the visitor's next click mounts it (it is not fetched again) and opens the preferences.
    await fix(s);
    await s.page.getByRole('link', { name: 'Cookies' }).click();
    await expect.poll(() => dialogOpen(s)).toBe(true);
    expect(await reopen(s).isVisible()).toBe(false);
    expect(fetched).toBe(1);
    expect(await errors(s)).toHaveLength(1);
    expect(await heard(s)).toEqual([1, 1]);
  });

  it('for a returning visitor on a page with a declaration: ready fires once, each open tries again with one error, and the reopen button opens the preferences once it mounts', async () => {
    const s = await open({
      '/': sitePage({ attrs: ADS, before: '<script>window.__faceBroken=false</script>' }),
      '/personvern/': sitePage({ attrs: ADS, before: listening, body: `<main><div data-samtykke-declaration></div></main>${onReady}` }),
    });
    await returning(s, '/personvern/');
    await expect.poll(async () => (await errors(s)).length).toBe(1);
    expect((await errors(s))[0]).toContain(mountError);
    await expect.poll(() => heard(s)).toEqual([1, 1]);
    await shows(reopen(s));
    // Still broken: samtykke.open() tries again, with one more error and nothing shown.
    await s.page.evaluate(() => window.samtykke!.open());
    await expect.poll(async () => (await errors(s)).length).toBe(2);
    expect((await errors(s))[1]).toContain(mountError);
    expect(await dialogOpen(s)).toBe(false);
    await fix(s);
    await reopen(s).focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => dialogOpen(s)).toBe(true);
    expect(await s.page.evaluate(() => document.querySelector('[data-samtykke-declaration]')?.shadowRoot?.querySelectorAll('table').length)).toBeGreaterThan(0);
    expect(s.faces).toEqual([FACE]);
    expect(await errors(s)).toHaveLength(2);
    expect(await heard(s)).toEqual([1, 1]);
  });
});

describe('a face that fails while the page is still parsed', () => {
  it('is not fetched again by itself: one request, one error, until the visitor asks', async () => {
    // The body's script keeps the parser busy, so the face has failed its hash before parsing ends.
    const slow = `<script>var t=Date.now();while(Date.now()-t<1500){}</script>`;
    const s = await sites.open({ pages: { '/': sitePage({ attrs: ADS, body: `<main><p>Stressfri</p></main>${slow}` }) }, files: { [FACE]: `${built(FACE)}\n;window.__altered=1` } });
    await s.goto('/');
    await s.settled();
    expect(s.faces).toEqual([FACE]);
    expect(await errors(s)).toEqual([expect.stringContaining(FACE)]);
  });
});

describe('trust', () => {
  it('loads and renders under a strict CSP with a nonce (no strict-dynamic)', async () => {
    const csp = "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self' data:";
    const s = await sites.open({ pages: { '/': { body: sitePage({ attrs: `nonce="r4nd0m" ${ADS}` }), headers: { 'content-security-policy': csp } } } });
    await s.goto('/');
    await shows(banner(s));
    expect(s.faces).toEqual([FACE]);
    expect((await explained(s)).filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
  });

  for (const withDefault of [false, true]) {
    it(`loads and renders under require-trusted-types-for 'script' ${withDefault ? 'with a default policy that refuses every script address' : 'without a default policy'}: the face's address goes through the 'samtykke' policy`, async () => {
      const csp = `require-trusted-types-for 'script'; trusted-types samtykke${withDefault ? ' default' : ''}`;
      // Created before the tag, so a face address set as a plain string would be refused by it.
      const before = withDefault ? `<script>trustedTypes.createPolicy('default',{createScriptURL:function(){return null}});</script>` : '';
      const s = await sites.open({ pages: { '/': { body: sitePage({ attrs: ADS, before }), headers: { 'content-security-policy': csp } } } });
      await s.goto('/');
      await shows(banner(s));
      expect(s.faces).toEqual([FACE]);
      expect(await errors(s)).toEqual([]);
      expect((await explained(s)).filter((m) => /Trusted Type|Content Security Policy|Refused/i.test(m))).toEqual([]);
    });
  }

  for (const strict of [false, true]) {
    it(`from a folder on another site (the owner's file space, a CDN)${strict ? ', under strict' : ''}: the face loads as samtykke's own, not as an unknown third party`, async () => {
      const page = sitePage({ attrs: `${ADS}${strict ? ' data-strict="true"' : ''}` }).replace('src="/samtykke.js"', `src="${FILES_ORIGIN}/samtykke.js"`);
      const s = await sites.open({ pages: { '/': page } });
      await s.goto('/');
      await shows(banner(s));
      expect(s.faces).toEqual([FACE]);
      expect((await explained(s)).filter((m) => m.includes(new URL(FILES_ORIGIN).hostname))).toEqual([]);
    });
  }

  it('the engine carries each face’s integrity hash as built', () => {
    const engine = built('samtykke.js');
    for (const lang of LANGS) expect(engine).toContain(integrity(readFileSync(new URL(`../../${DIST}${faceFile(lang)}`, import.meta.url))));
  });
});

describe('blocking does not depend on the settings being readable', () => {
  it('a window.samtykkeConfig that throws: one error, and a Google snippet added later by the page stays held', async () => {
    const throwing = `<script>Object.defineProperty(window, 'samtykkeConfig', { get() { throw new Error('no') } })</script>`;
    const snippet = `<script>var s=document.createElement('script');s.async=true;s.src='https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ';document.head.appendChild(s);window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-ABC123XYZ');</script>`;
    const html = sitePage({ attrs: ADS, body: '<p id="ok">ok</p>' }).replace('<script src="/samtykke.js"', `${throwing}<script src="/samtykke.js"`).replace('</head>', `${snippet}</head>`);
    const s = await sites.open({ pages: { '/': html } });
    await s.goto('/');
    await s.settled();
    expect(s.google).toEqual([]);
    expect(await errors(s)).toEqual([expect.stringContaining('window.samtykkeConfig could not be read')]);
    const layer = await s.page.evaluate(() => (window as unknown as { dataLayer: IArguments[] }).dataLayer.map((e) => [e[0], e[1]]));
    expect(layer[0]).toEqual(['consent', 'default']);
    expect(await s.page.textContent('#ok')).toBe('ok');
  });
});
