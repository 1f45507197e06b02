// What visitors are told and what owners forgot: recipients, withdrawal, a consent that never
// widens silently, pasted Google and Meta snippets, unknown hosts and the cookie table.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, dataLayer, explained, sitePage, siteFixture, type Site } from './harness';

const { open } = siteFixture();
const PRIVACY = 'data-privacy-url="/personvern/"';
const ADS = `data-google-ads="AW-123456789" ${PRIVACY}`;
const BOTH = `data-google-ads="AW-123456789" data-google-analytics="G-ABC123XYZ" ${PRIVACY}`;

/** Meta's base code exactly as Events Manager hands it out. */
const META_SNIPPET = `<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '123456789012345');
fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none"
src="https://www.facebook.com/tr?id=123456789012345&ev=PageView&noscript=1"
/></noscript>`;

/** Google's gtag.js snippet as Google Ads hands it out. */
const gtagSnippet = (id: string) => `<script async src="https://www.googletagmanager.com/gtag/js?id=${id}"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '${id}');</script>`;

/** Tells the site the banner (or the reopen button) is in place: `samtykke:ready` fires once it is. */
const SHOWN = `<script>addEventListener('samtykke:ready', () => fetch('/vist'));</script>`;

const ui = (page: Page) => page.locator('samtykke-ui');
const bannerText = async (page: Page) => ((await ui(page).locator('section.banner').textContent()) ?? '').replace(/\s+/g, ' ');
const bannerPurposes = (page: Page) => ui(page).locator('section.banner li b').allTextContents();
const warnings = async (s: Site) => (await explained(s)).filter((m) => m.startsWith('warning:'));
/** A time past every request logged so far: what is logged at or after it came later. */
const past = (s: Site) => s.google.concat(s.others).reduce((t, r) => Math.max(t, r.at), 0) + 1;
const meta = (s: Site) => s.others.filter((r) => /facebook\.(net|com)/.test(r.url));

async function openWith(attrs: string, head = '', body?: string, lang = 'nb'): Promise<Site> {
  const s = await open({ pages: { '/': sitePage({ attrs, head, lang, ...(body ? { body } : {}) }), '/neste/': sitePage({ attrs, head, lang, ...(body ? { body } : {}) }) } });
  await s.goto('/');
  return s;
}

describe('the first layer names every recipient', () => {
  it('names Google and Meta, once each, and says data may go to the USA', async () => {
    const s = await openWith(`${BOTH} data-meta-pixel="123456789012345" data-embeds="youtube"`);
    const text = await bannerText(s.page);
    expect(text).toContain('Til dette deler vi opplysninger om besøket ditt med Google Ireland Limited og Meta Platforms Ireland Limited.');
    expect(text).toContain('Opplysningene kan bli overført til USA.');
    expect(await axe(s.page)).toEqual([]);
  });

  it('says it in nynorsk and English too', async () => {
    const nn = await openWith(`${ADS} data-meta-pixel="123456789012345"`, '', undefined, 'nn');
    expect(await bannerText(nn.page)).toContain('med Google Ireland Limited og Meta Platforms Ireland Limited. Opplysningane kan bli overførte til USA.');
    const en = await openWith(`${ADS} data-meta-pixel="123456789012345"`, '', undefined, 'en');
    expect(await bannerText(en.page)).toContain('with Google Ireland Limited and Meta Platforms Ireland Limited. The information may be transferred to the USA.');
  });

  it("names an owner's own service and no transfer it does not declare", async () => {
    const services = JSON.stringify([{ id: 'hano', name: 'Hano', purpose: 'functional', provider: 'Hano AS', description: 'Timebestilling.' }]);
    const page = await open({ pages: { '/': `<!doctype html><html lang="nb"><head><title>t</title><script>window.samtykkeConfig = { services: ${services} };</script><script src="/samtykke.js" ${PRIVACY}></script></head><body><main><h1>Stressfri</h1></main></body></html>` } });
    await page.goto('/');
    const text = await bannerText(page.page);
    expect(text).toContain('med Hano AS.');
    expect(text).not.toContain('USA');
  });
});

describe('the first layer says how to withdraw, where it is done', () => {
  it.each([
    ['bottom-left', 'med knappen nederst til venstre'],
    ['bottom-right', 'med knappen nederst til høyre'],
  ])('names the reopen button at %s', async (reopen, words) => {
    const s = await openWith(`${ADS} data-reopen="${reopen}"`);
    expect(await bannerText(s.page)).toContain(`Du kan når som helst trekke tilbake samtykket eller endre valget ditt ${words}.`);
  });

  it('names the button the engine drew, when the banner comes back on a page that had only the button', async () => {
    const s = await openWith(`${ADS} data-reopen="bottom-right" data-reload-on-withdraw="false"`);
    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => s.page.evaluate(() => window.samtykke!.has('marketing'))).toBe(true);
    s.faces.length = 0;
    await s.goto('/neste/');
    // A returning visitor's page: the engine's button, no face.
    await expect.poll(() => ui(s.page).getByRole('button', { name: 'Innstillinger for informasjonskapsler' }).isVisible()).toBe(true);
    expect(s.faces).toEqual([]);
    await s.page.evaluate(() => window.samtykke!.reset());
    await expect.poll(() => bannerText(s.page)).toContain('Du kan når som helst trekke tilbake samtykket eller endre valget ditt med knappen nederst til høyre.');
    expect(s.faces).toEqual(['samtykke-face.nb.js']);
  });

  it('names the page\'s own link when there is no reopen button', async () => {
    const s = await openWith(`${ADS} data-reopen="none"`, '', '<main><h1>Stressfri</h1></main><footer><a href="#samtykke">Personvernvalg</a></footer>');
    expect(await bannerText(s.page)).toContain('trekke tilbake samtykket eller endre valget ditt med lenken «Personvernvalg» på siden.');
    expect(await axe(s.page)).toEqual([]);
  });
});

describe('a consent never widens silently', () => {
  it('asks again about a purpose that gained a service, only that one, and keeps the other', async () => {
    const s = await open({
      pages: {
        '/': sitePage({ attrs: BOTH }),
        '/neste/': sitePage({ attrs: `${BOTH} data-meta-pixel="123456789012345"` }),
        '/uten-statistikk/': sitePage({ attrs: ADS }),
      },
    });
    await s.goto('/');
    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => s.google.filter((r) => r.url.includes('/gtag/js')).length).toBe(1);

    // A service removed: nothing is asked.
    await s.goto('/uten-statistikk/');
    expect(await ui(s.page).locator('section.banner').count()).toBe(0);

    // A service added under Markedsføring: only Markedsføring is asked about, Statistikk stays granted.
    s.google.length = 0;
    await s.goto('/neste/');
    expect(await bannerPurposes(s.page)).toEqual(['Markedsføring']);
    expect(await bannerText(s.page)).toContain('med Google Ireland Limited og Meta Platforms Ireland Limited.');
    expect(await s.page.evaluate(() => [window.samtykke!.has('analytics'), window.samtykke!.has('marketing')])).toEqual([true, false]);
    const configured = (await dataLayer(s.page)).filter((e) => Array.isArray(e) && e[0] === 'config').map((e) => (e as unknown[])[1]);
    expect(configured).toEqual(['G-ABC123XYZ']);

    await ui(s.page).getByRole('button', { name: 'Avvis alle' }).click();
    await expect.poll(() => s.page.evaluate(() => window.samtykke!.get()?.choices)).toEqual({ analytics: true, marketing: false });
  });

  it('keeps the cookie short and asks again when it is tampered with', async () => {
    const s = await openWith(`${BOTH} data-meta-pixel="123456789012345"`);
    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(async () => (await s.context.cookies()).find((c) => c.name === 'samtykke')?.value ?? '').toMatch(/^1\.1\.[a-z0-9]+\.[a-z0-9]+\.a1[0-9A-Z]{3}m1[0-9A-Z]{6}$/);
    const value = (await s.context.cookies()).find((c) => c.name === 'samtykke')!.value;
    expect(value.length).toBeLessThan(60);
    // Codes swapped out of order are not the one form samtykke writes: ask again.
    const swapped = value.replace(/m1([0-9A-Z]{3})([0-9A-Z]{3})$/, 'm1$2$1');
    await s.context.addCookies([{ name: 'samtykke', value: swapped, url: 'https://www.stressfri.test/' }]);
    await s.goto('/neste/');
    expect(await bannerPurposes(s.page)).toEqual(['Statistikk', 'Markedsføring']);
  });
});

describe('a pasted Google snippet with no ids given', () => {
  it('is asked about, and accepting releases the pasted tag once', async () => {
    const s = await openWith(PRIVACY, gtagSnippet('AW-987654321'));
    expect(await bannerPurposes(s.page)).toEqual(['Markedsføring']);
    expect(await bannerText(s.page)).toContain('Google Ireland Limited');
    // Chromium's preload scanner may fetch the pasted tag ahead of the parser; it never runs.
    await s.settled();
    expect(s.google.every((r) => r.url === 'https://www.googletagmanager.com/gtag/js?id=AW-987654321')).toBe(true);
    expect(await s.page.evaluate(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads)).toBeUndefined();
    const fetchedAhead = s.google.length;
    expect(await warnings(s)).toContainEqual(expect.stringContaining('found a Google tag with the id AW-987654321 in the page; visitors are asked about it. Put data-google-ads="AW-987654321"'));

    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => s.page.evaluate(() => (window as unknown as { __gtagLoads?: number }).__gtagLoads ?? 0)).toBe(1);
    await s.settled();
    expect(s.google.slice(fetchedAhead).map((r) => r.url)).toEqual(['https://www.googletagmanager.com/gtag/js?id=AW-987654321']);
    const configs = (await dataLayer(s.page)).filter((e) => Array.isArray(e) && e[0] === 'config');
    expect(configs).toEqual([['config', 'AW-987654321']]);
  });

  it('found after the banner is shown, is held until the next page, which asks about it', async () => {
    // The parser waits for /vent.js after <body> opens, which comes only once the banner is shown
    // (the face arrives when it arrives), so the banner is shown before the parser reaches the tag.
    const page = sitePage({ attrs: ADS, head: SHOWN, body: `<main><h1>Stressfri</h1><script src="/vent.js"></script>${gtagSnippet('G-LATE12345')}</main>` });
    const s = await open({ pages: { '/': page, '/neste/': page }, waits: { '/vent.js': '/vist' } });
    await s.goto('/');
    expect(await bannerPurposes(s.page)).toEqual(['Markedsføring']);
    expect(await warnings(s)).toContainEqual(expect.stringContaining('held back https://www.googletagmanager.com/gtag/js?id=G-LATE12345'));
    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await s.settled();
    const late = () => s.page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.some((e) => (e as unknown[])[0] === 'config' && (e as unknown[])[1] === 'G-LATE12345') && !!document.querySelector('script[src*="G-LATE12345"]:not([type="text/plain"])'));
    expect(await late()).toBe(false);
    expect(await s.page.evaluate(() => window.samtykke!.has('analytics'))).toBe(false);

    // The next page finds it while parsing, before anything is shown, and asks about Statistikk alone.
    await s.goto('/neste/');
    expect(await bannerPurposes(s.page)).toEqual(['Statistikk']);
    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(late).toBe(true);
  });
});

describe('Meta pixel', () => {
  it('pasted unmodified: nothing reaches Meta before consent, one load after', async () => {
    const s = await openWith(`${ADS} data-meta-pixel="123456789012345"`, META_SNIPPET);
    await s.settled();
    expect(meta(s)).toEqual([]);
    expect(await s.cookieNames()).not.toContain('_fbp');

    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => meta(s).map((r) => new URL(r.url).pathname)).toEqual(['/en_US/fbevents.js', '/tr/']);
    expect(meta(s).filter((r) => r.url.endsWith('fbevents.js'))).toHaveLength(1);
    expect(await s.cookieNames()).toContain('_fbp');

    // Its cookies are in the table under Markedsføring, with Meta as provider.
    await s.page.evaluate(() => window.samtykke!.open());
    const marketing = ui(s.page).locator('dialog .purpose').filter({ hasText: 'Markedsføring' });
    await marketing.locator('summary').click();
    for (const text of ['Meta Platforms Ireland Limited', '_fbp', 'fr', '90 dager']) expect(await marketing.textContent()).toContain(text);
    expect(await axe(s.page)).toEqual([]);
  });

  it('without the setting, is held all the same and the console names the setting', async () => {
    const s = await openWith(ADS, META_SNIPPET);
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    await s.settled();
    expect(meta(s)).toEqual([]);
    expect(await warnings(s)).toContainEqual(expect.stringContaining('data-meta-pixel'));
  });
});

describe('unknown third parties', () => {
  const WIDGET = '<script src="https://widget.example.com/chat.js"></script><script src="https://widget.example.com/more.js"></script><iframe src="https://booking.example.net/embed" title="Bestill time" width="600" height="400"></iframe>';

  it('load, and the console names each host once', async () => {
    const s = await openWith(ADS, '', `<main><h1>Stressfri</h1>${WIDGET}</main>`);
    await expect.poll(() => s.others.length).toBe(3);
    const named = (await warnings(s)).filter((m) => m.includes('loads without consent'));
    expect(named).toEqual([
      expect.stringContaining('widget.example.com loads without consent; if it stores or reads anything on the device, declare it as a service with `block` patterns'),
      expect.stringContaining('booking.example.net loads without consent'),
    ]);
    // Every page view says it again until it is declared.
    await s.goto('/neste/');
    expect((await warnings(s)).filter((m) => m.includes('widget.example.com loads without consent'))).toHaveLength(2);
  });

  it('are held with strict: true, a frame behind its placeholder', async () => {
    const s = await openWith(`${ADS} data-strict="true"`, '', `<main><h1>Stressfri</h1>${WIDGET}</main>`);
    await s.page.evaluate(() => window.samtykke!.acceptAll());
    await s.settled();
    // The preload scanner may fetch the scripts, and the parser start the frame, before anything
    // can act (README, "When markup is still needed"); neither script runs and the frame is taken
    // out before it loads, even after a grant.
    expect(await s.page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran)).toBeUndefined();
    expect(await s.page.locator('iframe[data-src="https://booking.example.net/embed"]:not([src])').count()).toBe(1);
    const placeholder = s.page.locator('samtykke-embed');
    await expect.poll(() => placeholder.count()).toBe(1);
    expect(await placeholder.locator('section').textContent()).toContain('booking.example.net');
    const shown = past(s);
    await placeholder.getByRole('button', { name: 'Vis innhold' }).click();
    await expect.poll(() => s.others.filter((r) => r.at >= shown).map((r) => r.url)).toContain('https://booking.example.net/embed');
    expect(await axe(s.page)).toEqual([]);
  });

  it('a booking frame declared as a service with block gets the placeholder and loads on a grant', async () => {
    const services = JSON.stringify([{ id: 'hano', name: 'Hano', purpose: 'functional', provider: 'Hano AS', description: 'Timebestilling.', block: ['stressfri.hano.no'] }]);
    const s = await open({
      pages: {
        '/bestill-time/': `<!doctype html><html lang="nb"><head><title>Bestill time</title><script>window.samtykkeConfig = { services: ${services} };</script><script src="/samtykke.js" ${PRIVACY}></script></head><body><main><h1>Bestill time</h1><iframe src="https://stressfri.hano.no/booking" title="Bestill time" width="600" height="700"></iframe></main></body></html>`,
      },
    });
    await s.goto('/bestill-time/');
    const placeholder = s.page.locator('samtykke-embed');
    await expect.poll(() => placeholder.count()).toBe(1);
    expect(await placeholder.locator('section').textContent()).toContain('Hano');
    // Held: the parser may have started the request, but the frame was taken out before it loaded.
    expect(await s.page.locator('iframe[data-src="https://stressfri.hano.no/booking"]:not([src])').count()).toBe(1);
    const granted = past(s);
    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => s.others.filter((r) => r.at >= granted).map((r) => r.url)).toEqual(['https://stressfri.hano.no/booking']);
    expect(await placeholder.count()).toBe(0);
    expect((await warnings(s)).filter((m) => m.includes('loads without consent'))).toEqual([]);
  });
});

describe('the cookie table', () => {
  it('lists _gac_* and one _gcl_* entry under Markedsføring, and the Lifetime in words', async () => {
    const s = await openWith(BOTH);
    await s.page.evaluate(() => window.samtykke!.open());
    const section = (name: string) => ui(s.page).locator('dialog .purpose').filter({ hasText: name });
    const names = async (name: string) => section(name).locator('td code').allTextContents();
    await section('Statistikk').locator('summary').click();
    await section('Markedsføring').locator('summary').click();
    expect(await names('Statistikk')).toEqual(['_ga', '_ga_*']);
    expect(await names('Markedsføring')).toEqual(['_gcl_*', '_gac_*', '_gcl_ls', 'IDE']);
  });

  it('withdrawing Statistikk alone keeps the Ads cookies; withdrawing Markedsføring clears them and _gcl_ls', async () => {
    const s = await openWith(`${BOTH} data-reload-on-withdraw="false"`);
    await ui(s.page).getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => s.cookieNames()).toEqual(expect.arrayContaining(['_gcl_au', '_ga']));
    await s.page.evaluate(() => localStorage.setItem('_gcl_ls', '{"schema":"gcl"}'));
    await s.context.addCookies([{ name: '_gac_UA-1', value: '1', url: 'https://www.stressfri.test/' }]);

    await s.page.evaluate(() => window.samtykke!.set({ analytics: false }));
    await expect.poll(() => s.cookieNames()).not.toContain('_ga');
    expect(await s.cookieNames()).toEqual(expect.arrayContaining(['_gcl_au', '_gac_UA-1']));
    expect(await s.page.evaluate(() => localStorage.getItem('_gcl_ls'))).not.toBeNull();

    await s.page.evaluate(() => window.samtykke!.set({ marketing: false }));
    await expect.poll(() => s.cookieNames()).not.toContain('_gcl_au');
    expect(await s.cookieNames()).not.toContain('_gac_UA-1');
    expect(await s.page.evaluate(() => localStorage.getItem('_gcl_ls'))).toBeNull();
  });
});
