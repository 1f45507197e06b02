// Issue 3 on the built bundle: D2, UI-01…UI-15, WN-05, A11Y-01…A11Y-14, in Chromium.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, openSite, screenshot, sitePage, type Site } from './harness';

/**
 * Both Google presets, so every optional purpose the presets know is on screen. No reload on
 * withdrawal, so focus after a withdrawal can be checked on the same page.
 */
const ATTRS = 'data-google-ads="AW-123456789" data-google-analytics="G-ABC1234567" data-privacy-url="/personvern/" data-reload-on-withdraw="false"';

const pages = (head = '') => ({
  '/': sitePage({ attrs: ATTRS, head }),
  '/personvern/': sitePage({
    attrs: ATTRS,
    head,
    body: '<main><h1>Personvern</h1><h2>Informasjonskapsler</h2><div data-samtykke-declaration></div><p><a href="#samtykke">Endre samtykke</a> <button data-samtykke-open>Innstillinger</button></p></main>',
  }),
});

/** What has focus, looking through shadow roots: its text or accessible label, and where it lives. */
function focused(page: Page): Promise<{ text: string; inBanner: boolean; inDialog: boolean; tag: string }> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return {
      text: (a?.getAttribute('aria-label') ?? (a instanceof HTMLInputElement ? a.labels?.[0]?.textContent : a?.textContent) ?? '').trim(),
      inBanner: !!a?.closest('section[aria-labelledby]'),
      inDialog: !!a?.closest('dialog'),
      tag: a?.tagName.toLowerCase() ?? '',
    };
  });
}

const stored = (page: Page) =>
  page.evaluate(() => (window as unknown as { samtykke: { get(): { choices: Record<string, boolean> } | null } }).samtykke.get()?.choices ?? null);

const dialogOpen = (page: Page) => page.evaluate(() => !!document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('dialog')?.open);

const bannerShown = (page: Page) => page.evaluate(() => !!document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('section[aria-labelledby]'));

/** Presses Tab until `name` has focus; fails after `max` presses. */
async function tabTo(page: Page, name: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).text === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

let browser: Browser;
const sites: Site[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const s of sites) await s.close();
  await browser.close();
});

async function site(options: Parameters<typeof openSite>[1] | { head?: string; viewport?: { width: number; height: number }; colorScheme?: 'dark' | 'light'; reducedMotion?: 'reduce' | 'no-preference'; deviceScaleFactor?: number; forcedColors?: 'active' } = {}, path = '/'): Promise<Site> {
  const { head, ...rest } = options as { head?: string };
  const s = await openSite(browser, { pages: pages(head), viewport: { width: 1024, height: 720 }, ...rest });
  sites.push(s);
  await s.goto(path);
  return s;
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe('first layer (D2, UI-01, UI-07, A11Y-12, A11Y-14)', () => {
  it('is a labelled region with the purposes, Google, the privacy link and three buttons, and no axe violations', async () => {
    const { page } = await site();
    const region = page.getByRole('region', { name: 'Informasjonskapsler' });
    await expect(region.isVisible()).resolves.toBe(true);
    const text = await region.innerText();
    expect(text).toContain('Statistikk');
    expect(text).toContain('Markedsføring');
    expect(text).toContain('Google');
    expect(text).not.toContain('2-7');
    await expect(region.getByRole('link', { name: 'personvernerklæringen' }).getAttribute('href')).resolves.toBe('/personvern/');
    await expect(region.getByRole('button').allInnerTexts()).resolves.toEqual(['Godta alle', 'Avvis alle', 'Tilpass']);
    // The host is the first child of <body> and the root carries the language (A11Y-12).
    await expect(page.evaluate(() => document.body.firstElementChild?.tagName)).resolves.toBe('SAMTYKKE-UI');
    await expect(page.evaluate(() => document.querySelector('samtykke-ui')!.shadowRoot!.querySelector('[lang]')!.getAttribute('lang'))).resolves.toBe('nb');
    await screenshot(page, 'banner-light.png');
    expect(await axe(page)).toEqual([]);
  });

  it('gives Godta alle and Avvis alle identical computed styles (UI-02)', async () => {
    const { page } = await site();
    const style = (name: string) =>
      button(page, name).evaluate((b) => {
        const s = getComputedStyle(b);
        const r = b.getBoundingClientRect();
        return [r.width, r.height, s.fontSize, s.fontWeight, s.fontFamily, s.padding, s.borderRadius, s.color, s.backgroundColor, s.borderColor, b.tagName];
      });
    const accept = await style('Godta alle');
    expect(accept).toEqual(await style('Avvis alle'));
    expect(accept[1]).toBeGreaterThanOrEqual(44);
  });

  it('records nothing on Escape, clicks elsewhere or following a link (LAW-02, UI-13)', async () => {
    const { page } = await site();
    await page.keyboard.press('Escape');
    await page.mouse.click(500, 100);
    expect(await stored(page)).toBeNull();
    expect(await bannerShown(page)).toBe(true);
    // The banner's own link to the privacy page: read, and the next page asks again.
    await Promise.all([page.waitForURL('**/personvern/', { waitUntil: 'load' }), page.getByRole('link', { name: 'personvernerklæringen' }).click()]);
    expect(await stored(page)).toBeNull();
    await expect.poll(() => bannerShown(page)).toBe(true);
  });
});

describe('keyboard only (A11Y-02…A11Y-04, D2)', () => {
  it('reaches the banner with the first Tab, accepts, announces it and keeps focus', async () => {
    const { page } = await site();
    await page.keyboard.press('Tab');
    expect((await focused(page)).inBanner).toBe(true);
    await tabTo(page, 'Godta alle');
    await page.keyboard.press('Enter');
    // The banner goes at the next frame; the choice is stored right after it.
    await expect.poll(() => stored(page)).toEqual({ marketing: true, analytics: true });
    expect(await bannerShown(page)).toBe(false);
    expect((await focused(page)).text).toBe('Innstillinger for informasjonskapsler');
    await expect(page.getByRole('status').innerText()).resolves.toBe('Valget ditt er lagret.');
  });

  it('after "Godta alle" shows the one reopen button, hidden while the banner asked, and it opens the preferences', async () => {
    const { page } = await site();
    const reopen = button(page, 'Innstillinger for informasjonskapsler');
    // Every button so named in the page, in every root of ours, shown or not.
    const inPage = () =>
      page.evaluate(() => [...document.querySelectorAll('samtykke-ui')].flatMap((h) => [...(h.shadowRoot?.querySelectorAll('button[aria-label="Innstillinger for informasjonskapsler"]') ?? [])]).length);
    await expect(reopen.count()).resolves.toBe(0);
    await button(page, 'Godta alle').click();
    await expect.poll(() => reopen.isVisible()).toBe(true);
    expect(await inPage()).toBe(1);
    await expect(reopen.count()).resolves.toBe(1);
    await reopen.click();
    expect(await dialogOpen(page)).toBe(true);
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page)).text).toBe('Innstillinger for informasjonskapsler');
    expect(await inPage()).toBe(1);
  });

  it('rejects with one key press once there, the same as accepting (LAW-05)', async () => {
    const { page } = await site();
    await tabTo(page, 'Avvis alle');
    await page.keyboard.press('Enter');
    await expect.poll(() => stored(page)).toEqual({ marketing: false, analytics: false });
    expect((await focused(page)).tag).not.toBe('body');
  });

  it('traps focus in the preferences, closes on Escape without granting and restores focus; saves a choice', async () => {
    const { page } = await site();
    await tabTo(page, 'Tilpass');
    await page.keyboard.press('Enter');
    expect(await dialogOpen(page)).toBe(true);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press(i % 2 ? 'Tab' : 'Shift+Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await dialogOpen(page)).toBe(false);
    expect(await stored(page)).toBeNull();
    expect((await focused(page)).text).toBe('Tilpass');

    await page.keyboard.press('Enter');
    await tabTo(page, 'Statistikk');
    await page.keyboard.press('Space');
    await tabTo(page, 'Lagre valg');
    await page.keyboard.press('Enter');
    expect(await stored(page)).toEqual({ analytics: true, marketing: false });
    expect(await dialogOpen(page)).toBe(false);
    // Focus is handed back by the dialog's `close` event, a task after the click.
    await expect.poll(async () => (await focused(page)).text).toBe('Innstillinger for informasjonskapsler');
  });

  it('reopened before the last close has been handled, the preferences keep their contents and focus', async () => {
    const { page } = await site();
    await button(page, 'Tilpass').click();
    // close() queues the `close` event; a visitor who presses Escape and at once Enter on
    // "Tilpass" reopens the dialog before that event is handled (seen under load).
    await page.evaluate(() => {
      const root = document.querySelector('samtykke-ui')!.shadowRoot!;
      root.querySelector('dialog')!.close();
      [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Tilpass')!.click();
    });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
    expect(await dialogOpen(page)).toBe(true);
    expect(await page.getByRole('switch', { name: 'Statistikk' }).count()).toBe(1);
    expect((await focused(page)).inDialog).toBe(true);
  });
});

describe('preferences (UI-03, UI-09, A11Y-10, LAW-03, LAW-04)', () => {
  const switches = (page: Page) =>
    page.getByRole('switch').evaluateAll((els) => els.map((e) => [e.getAttribute('name'), (e as HTMLInputElement).checked, (e as HTMLInputElement).disabled]));

  it('starts with every optional switch off, necessary on and disabled, and lists each cookie; axe clean', async () => {
    const { page } = await site();
    await button(page, 'Tilpass').click();
    expect(await switches(page)).toEqual([
      ['necessary', true, true],
      ['analytics', false, false],
      ['marketing', false, false],
    ]);
    const dialog = page.getByRole('dialog', { name: 'Innstillinger for informasjonskapsler' });
    expect(await dialog.innerText()).toContain('ekomloven § 3-15');
    await screenshot(page, 'preferences.png');
    for (const d of await dialog.locator('details').all()) await d.locator('summary').click();
    const text = await dialog.innerText();
    for (const cookie of ['_gcl_*', '_gac_*', '_gcl_ls', '_ga', '_ga_*', 'IDE', 'samtykke']) expect(text).toContain(cookie);
    expect(text).toContain('Google Ireland Limited');
    expect(text).toContain('90 dager');
    expect(await axe(page)).toEqual([]);
  });

  it('reopens from the floating button with the stored state, and reopening can withdraw in one click', async () => {
    const { page } = await site();
    await button(page, 'Tilpass').click();
    await page.getByRole('switch', { name: 'Markedsføring' }).click();
    await expect(page.getByRole('dialog').innerText()).resolves.toContain('På');
    await button(page, 'Lagre valg').click();
    await button(page, 'Innstillinger for informasjonskapsler').click();
    expect(await switches(page)).toEqual([
      ['necessary', true, true],
      ['analytics', false, false],
      ['marketing', true, false],
    ]);
    await button(page, 'Avvis alle').click();
    expect(await stored(page)).toEqual({ analytics: false, marketing: false });
    expect((await focused(page)).text).toBe('Innstillinger for informasjonskapsler');
  });

  it('opens from samtykke.open(), data-samtykke-open and links to #samtykke', async () => {
    const { page } = await site({}, '/personvern/');
    await page.evaluate(() => (window as unknown as { samtykke: { open(): void } }).samtykke.open());
    expect(await dialogOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Endre samtykke' }).click();
    expect(await dialogOpen(page)).toBe(true);
    expect(page.url()).not.toContain('#samtykke');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('link', { name: 'Endre samtykke' }).evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Innstillinger', exact: true }).click();
    expect(await dialogOpen(page)).toBe(true);
  });

  it('places the reopen button as configured, or not at all', async () => {
    const s = await openSite(browser, {
      pages: { '/': sitePage({ attrs: 'data-google-ads="AW-123456789" data-reopen="bottom-right"' }), '/none': sitePage({ attrs: 'data-google-ads="AW-123456789" data-reopen="none"' }) },
      viewport: { width: 800, height: 600 },
    });
    sites.push(s);
    await s.goto('/');
    await button(s.page, 'Avvis alle').click();
    const box = await button(s.page, 'Innstillinger for informasjonskapsler').boundingBox();
    expect(box!.x).toBeGreaterThan(700);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await s.goto('/none');
    expect(await bannerShown(s.page)).toBe(false);
    await expect(button(s.page, 'Innstillinger for informasjonskapsler').count()).resolves.toBe(0);
  });

  for (const where of ['the banner was answered', 'next'] as const) {
    it(`steps aside when focus lands under it, and comes back when focus moves on (A11Y-06), on the page ${where}`, async () => {
      // A footer link pinned to the bottom-left corner, where the reopen button stands.
      const body = '<main><h1>Stressfri</h1><a href="/tjenester/">Tjenester</a></main><footer><a href="/kontakt/" style="position:fixed;left:12px;bottom:12px">Kontakt</a></footer>';
      const s = await openSite(browser, { pages: { '/': sitePage({ attrs: ATTRS, body }) }, viewport: { width: 800, height: 600 } });
      sites.push(s);
      await s.goto('/');
      await button(s.page, 'Avvis alle').click();
      // A returning visitor's next page: the engine draws the button, the face is not fetched.
      if (where === 'next') {
        s.faces.length = 0;
        await s.goto('/');
      }
      const reopen = button(s.page, 'Innstillinger for informasjonskapsler');
      const link = s.page.getByRole('link', { name: 'Kontakt' });
      const overlap = async () => {
        const [a, b] = [(await link.boundingBox())!, (await reopen.boundingBox())!];
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      };
      // Unfocused, the link is covered: that is the case the button must get out of.
      expect((await reopen.boundingBox())!.x).toBeLessThan(100);
      expect(await overlap()).toBe(true);
      await tabTo(s.page, 'Kontakt');
      await expect.poll(overlap).toBe(false);
      expect((await reopen.boundingBox())!.x).toBeGreaterThan(700);
      // Focus moves on (Tab from the link reaches the reopen button itself): it goes home again.
      await tabTo(s.page, 'Tjenester');
      await expect.poll(async () => (await reopen.boundingBox())!.x).toBeLessThan(100);
      // The page that asked fetched the face once; the next page, not at all.
      expect(s.faces).toEqual(where === 'next' ? [] : ['samtykke-face.nb.js']);
    });
  }
});

describe('declaration', () => {
  it('shows purposes, services and cookies, updates live with the choice, and is axe clean with the reopen button', async () => {
    const { page } = await site({}, '/personvern/');
    const decl = page.locator('[data-samtykke-declaration] [lang]');
    expect(await decl.innerText()).toContain('Du har ikke gjort noe valg ennå.');
    await expect(decl.locator('table').count()).resolves.toBe(3);
    // A fixed clock and decision id keep the screenshot below the same from run to run.
    await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+01:00'));
    await page.evaluate(() => (crypto.getRandomValues = <T extends ArrayBufferView | null>(a: T) => {
      if (a) new Uint8Array(a.buffer).fill(42);
      return a;
    }));
    await button(page, 'Godta alle').click();
    await expect.poll(() => decl.innerText()).toContain('Statistikk: godtatt');
    const text = await decl.innerText();
    const id = await page.evaluate(() => (window as unknown as { samtykke: { get(): { id: string } } }).samtykke.get().id);
    expect(text).toContain(id);
    await decl.getByRole('button', { name: 'Endre valg' }).click();
    expect(await dialogOpen(page)).toBe(true);
    await button(page, 'Avvis alle').click();
    expect(await decl.innerText()).toContain('Markedsføring: avvist');
    expect(await page.getByRole('button', { name: 'Endre valg' }).evaluate((b) => b.getRootNode() instanceof ShadowRoot && (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    await screenshot(page, 'declaration.png', { fullPage: true });
    expect(await axe(page)).toEqual([]);
  });
});

describe('the cookie tables at 320 px', () => {
  /**
   * Words the browser split across lines that had room to stay whole, the tables wider than their
   * box, and how far the page scrolls sideways. A heading or a duration is never split
   * («Nav/n», «Varig/het», «13 måne/der»); a purpose only in a word wider than its column; a
   * cookie's name (code) anywhere.
   */
  const brokenWords = (page: Page) =>
    page.evaluate(() => {
      const roots = [...document.querySelectorAll('[data-samtykke-declaration], samtykke-ui')].map((host) => host.shadowRoot!);
      const broken: string[] = [];
      // A table wider than its box would scroll sideways inside the dialog, which the page's width does not show.
      const wide = roots.flatMap((root) => [...root.querySelectorAll('table')])
        .filter((table) => table.getBoundingClientRect().width > table.parentElement!.clientWidth + 0.5)
        .map((table) => `${table.rows[1]?.cells[0]?.textContent}: ${table.getBoundingClientRect().width} px in ${table.parentElement!.clientWidth}`);
      for (const cell of roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>('th, td:not(:first-child)')])) {
        const room = cell.matches('td:nth-child(2)') ? cell.getBoundingClientRect().width - parseFloat(getComputedStyle(cell).paddingRight) : Infinity;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // A word, or its part up to a hyphen, where a line may end.
          for (const match of node.textContent!.matchAll(/[^\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            const lines = new Set(rects.map((r) => Math.round(r.top)));
            if (lines.size > 1 && rects.reduce((width, r) => width + r.width, 0) <= room) broken.push(match[0]);
          }
        }
      }
      return { broken, wide, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });

  it('breaks no word on the privacy page nor in «Tilpass», and scrolls nothing sideways', async () => {
    const { page } = await site({ viewport: { width: 320, height: 640 } }, '/personvern/');
    await expect(page.locator('[data-samtykke-declaration] table').count()).resolves.toBe(3);
    expect(await brokenWords(page)).toEqual({ broken: [], wide: [], sideways: 0 });
    await button(page, 'Tilpass').click();
    await page.getByRole('dialog').getByText('Tjenester og informasjonskapsler').first().click();
    await expect.poll(() => page.locator('samtykke-ui table').count()).toBeGreaterThan(0);
    expect(await brokenWords(page)).toEqual({ broken: [], wide: [], sideways: 0 });
  });
});

describe('look (A11Y-08, WN-05, dark scheme)', () => {
  it('has no horizontal scroll at 320 px and every button can be reached', async () => {
    const { page } = await site({ viewport: { width: 320, height: 640 } });
    await screenshot(page, 'banner-320.png');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Before any scrolling, Reject is in view beside Accept, never below the fold under it.
    const [accept, reject] = await Promise.all(['Godta alle', 'Avvis alle'].map(async (name) => (await button(page, name).boundingBox())!));
    expect(reject.y).toBe(accept.y);
    expect(reject.y + reject.height).toBeLessThanOrEqual(640);
    for (const name of ['Godta alle', 'Avvis alle', 'Tilpass']) {
      const b = button(page, name);
      await b.scrollIntoViewIfNeeded();
      const box = (await b.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    await button(page, 'Tilpass').click();
    await button(page, 'Lagre valg').scrollIntoViewIfNeeded();
    await screenshot(page, 'preferences-320.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
  });

  /** A scrolling box of words (the banner's, or the preferences'): not the row of buttons below it. */
  const words = (root: Locator) => root.locator(':scope > :not(.actions)');

  /**
   * The colours on screen in a strip of the box's left padding (no text there), 2 to 6 px inside
   * its top and its bottom edge. Decoded in a blank page, whose canvas no site CSP restricts.
   */
  async function edges(page: Page, box: Locator): Promise<{ top: string[]; bottom: string[] }> {
    const b = (await box.boundingBox())!;
    const strip = async (y: number) => {
      const png = (await page.screenshot({ clip: { x: b.x + 2, y, width: 14, height: 4 } })).toString('base64');
      const blank = await page.context().newPage();
      const colours = await blank.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [img.width, img.height];
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<string>();
        for (let i = 0; i < d.length; i += 4) seen.add(`rgb(${d[i]}, ${d[i + 1]}, ${d[i + 2]})`);
        return [...seen];
      }, 'data:image/png;base64,' + png);
      await blank.close();
      return colours;
    };
    return { top: await strip(b.y + 2), bottom: await strip(b.y + b.height - 6) };
  }

  /** Scrolls the box to its last line, as a visitor's thumb would. */
  const toEnd = (box: Locator) => box.evaluate((e) => e.scrollTo(0, e.scrollHeight));

  it('shows on a phone that the words go on below, in the banner\'s own colour, until the privacy link is reached (UI-07, UI-08)', async () => {
    // The owner's own setting (one purpose), the shortest banner, still scrolls at 320 × 640.
    const head = '<style>:root{--samtykke-background:#fdf3e1}</style>';
    const s = await openSite(browser, { pages: { '/': sitePage({ head }) }, viewport: { width: 320, height: 640 } });
    sites.push(s);
    await s.goto('/');
    const region = s.page.getByRole('region', { name: 'Informasjonskapsler' });
    const box = words(region);
    const plain = await region.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(plain).toBe('rgb(253, 243, 225)');
    const look = await box.evaluate((e) => ({ more: e.scrollHeight - e.clientHeight, image: getComputedStyle(e).backgroundImage, attachment: getComputedStyle(e).backgroundAttachment }));
    expect(look.more).toBeGreaterThan(0);
    // The cover that hides the shade at an end is the banner's background, themed or not.
    expect(look.image).toContain(`linear-gradient(${plain} 12px`);
    expect(look.attachment).toBe('local, scroll');
    const link = region.getByRole('link', { name: 'personvernerklæringen' });
    const linkShown = async () => {
      const [l, b] = [(await link.boundingBox())!, (await box.boundingBox())!];
      return l.y >= b.y && l.y + l.height <= b.y + b.height;
    };
    // First screen: the privacy link is not (wholly) in view, and the bottom edge is shaded; the top is not.
    expect(await linkShown()).toBe(false);
    const first = await edges(s.page, box);
    expect(first.top).toEqual([plain]);
    expect(first.bottom.filter((c) => c !== plain).length).toBeGreaterThan(0);
    await toEnd(box);
    // At the end the link shows, the bottom shade is gone and the top one says there is more above.
    expect(await linkShown()).toBe(true);
    const last = await edges(s.page, box);
    expect(last.bottom).toEqual([plain]);
    expect(last.top.filter((c) => c !== plain).length).toBeGreaterThan(0);
    expect(await axe(s.page)).toEqual([]);
  });

  it('at 320 px, «Tilpass» shades the edge where the list goes on, and the last switch scrolls fully into view above the buttons', async () => {
    const { page } = await site({ viewport: { width: 320, height: 640 } });
    await button(page, 'Tilpass').click();
    const dialog = page.getByRole('dialog');
    const box = words(dialog);
    const plain = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await box.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeGreaterThan(0);
    expect((await edges(page, box)).bottom.filter((c) => c !== plain).length).toBeGreaterThan(0);
    const last = dialog.getByRole('switch').last();
    await expect(last.getAttribute('name')).resolves.toBe('marketing');
    await last.evaluate((e) => e.scrollIntoView());
    const [sw, row] = [(await last.boundingBox())!, (await dialog.locator(':scope > .actions').boundingBox())!];
    expect(sw.y + sw.height).toBeLessThanOrEqual(row.y);
    // Nothing lies over it: what the visitor taps at its middle is the switch itself.
    const hit = await last.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return (e.getRootNode() as ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === e;
    });
    expect(hit).toBe(true);
    await toEnd(box);
    expect((await edges(page, box)).bottom).toEqual([plain]);
  });

  it('in forced colours, draws no shade or cover, so nothing of the page\'s colours lies under the forced text', async () => {
    const { page } = await site({ viewport: { width: 320, height: 640 }, forcedColors: 'active' });
    const box = words(page.getByRole('region', { name: 'Informasjonskapsler' }));
    expect(await box.evaluate((e) => getComputedStyle(e).backgroundImage)).toBe('none, none');
    await toEnd(box);
    await expect(page.getByRole('link', { name: 'personvernerklæringen' }).isVisible()).resolves.toBe(true);
  });

  it('loses nothing at 200 % zoom: a 1280 × 800 window zoomed in is 640 × 400 CSS pixels', async () => {
    const { page } = await site({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const inView = async (el: Locator, scroll = true) => {
      if (scroll) await el.scrollIntoViewIfNeeded();
      const box = (await el.boundingBox())!;
      return box.x >= 0 && box.y >= 0 && box.x + box.width <= 640 && box.y + box.height <= 400;
    };
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const banner = page.getByRole('region', { name: 'Informasjonskapsler' });
    // The choice is in view as the banner opens, before the visitor scrolls anything.
    for (const name of ['Godta alle', 'Avvis alle', 'Tilpass']) expect(await inView(banner.getByRole('button', { name, exact: true }), false), name).toBe(true);
    for (const name of ['Godta alle', 'Avvis alle', 'Tilpass']) expect(await inView(banner.getByRole('button', { name, exact: true })), name).toBe(true);
    expect(await inView(banner.getByRole('link', { name: 'personvernerklæringen' }))).toBe(true);
    await button(page, 'Tilpass').click();
    const dialog = page.getByRole('dialog');
    for (const name of ['Lagre valg', 'Godta alle', 'Avvis alle']) expect(await inView(dialog.getByRole('button', { name, exact: true })), name).toBe(true);
    expect(await axe(page)).toEqual([]);
  });

  it('follows the dark colour scheme and stays axe clean', async () => {
    const { page } = await site({ colorScheme: 'dark' });
    const bg = await page.getByRole('region', { name: 'Informasjonskapsler' }).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(33, 34, 38)');
    await screenshot(page, 'banner-dark.png');
    expect(await axe(page)).toEqual([]);
    await button(page, 'Tilpass').click();
    await screenshot(page, 'preferences-dark.png');
    expect(await axe(page)).toEqual([]);
  });

  it('slides the switches only when the visitor has not asked for reduced motion (A11Y-13)', async () => {
    const slide = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { page } = await site({ reducedMotion });
      await button(page, 'Tilpass').click();
      return page.getByRole('switch').last().evaluate((el) => getComputedStyle(el, '::before').transitionDuration);
    };
    expect(await slide('no-preference')).toBe('0.15s');
    expect(await slide('reduce')).toBe('0s');
  });

  it('is untouched by a hostile host stylesheet', async () => {
    const probe = (page: Page) =>
      Promise.all(
        ['Godta alle', 'Avvis alle'].map((name) =>
          button(page, name).evaluate((b) => {
            const s = getComputedStyle(b);
            const r = b.getBoundingClientRect();
            return [Math.round(r.width), Math.round(r.height), s.fontSize, s.fontFamily, s.padding, s.backgroundColor, s.color, getComputedStyle(b.closest('section[aria-labelledby]')!).position];
          }),
        ),
      );
    const clean = await probe((await site()).page);
    const hostile =
      '<style>button{font-size:10px!important;padding:0!important;background:red!important;width:20px!important}*{outline:none!important;color:red!important;font-family:serif!important;line-height:3!important;letter-spacing:4px!important}samtykke-ui,div,section{display:none!important;position:static!important}</style>';
    const { page } = await site({ head: hostile });
    expect(await probe(page)).toEqual(clean);
    await tabTo(page, 'Godta alle');
    const outline = await page.evaluate(() => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      const s = getComputedStyle(a!);
      return [s.outlineStyle, s.outlineWidth];
    });
    expect(outline).toEqual(['solid', '3px']);
  });
});

describe('theming', () => {
  it('takes theme keys from the config over --samtykke-* set by the page', async () => {
    const s = await openSite(browser, {
      pages: {
        '/': sitePage({
          attrs: 'data-google-ads="AW-123456789"',
          head: '<style>:root{--samtykke-accent:#0b6e4f;--samtykke-radius:2px}</style>',
        }).replace('<script src', '<script>window.samtykkeConfig={theme:{radius:"0px",accentText:"#ffffee"}}</script><script src'),
      },
    });
    sites.push(s);
    await s.goto('/');
    const look = await button(s.page, 'Godta alle').evaluate((b) => {
      const c = getComputedStyle(b);
      return [c.backgroundColor, c.color, c.borderRadius];
    });
    expect(look).toEqual(['rgb(11, 110, 79)', 'rgb(255, 255, 238)', '0px']);
  });
});

describe('languages (LAW-07)', () => {
  it('follows <html lang>, and data-lang wins over it', async () => {
    const s = await openSite(browser, {
      pages: {
        '/': sitePage({ lang: 'nn', attrs: 'data-google-ads="AW-123456789"' }),
        '/en': sitePage({ lang: 'nb', attrs: 'data-google-ads="AW-123456789" data-lang="en"' }),
      },
    });
    sites.push(s);
    await s.goto('/');
    await expect(s.page.getByRole('region', { name: 'Informasjonskapslar' }).isVisible()).resolves.toBe(true);
    await s.goto('/en');
    await expect(s.page.getByRole('region', { name: 'Cookies' }).getByRole('button').allInnerTexts()).resolves.toEqual(['Accept all', 'Reject all', 'Customise']);
  });
});
