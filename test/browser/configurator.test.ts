import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUILT_FILES, DIST, SRI_MANIFEST, START_FILE } from '../../scripts/built-files.mjs';
import { pagesUrl, versionDir } from '../../scripts/versioned.mjs';
import { axe, dataLayer, explained, FILES_ORIGIN, browserAndStaticSite, openSite, ORIGIN } from './harness';

/**
 * The configurator as owners meet it: on the static site (`npm run build:site`), reading this
 * version's sri.json from its folder there, with jsDelivr intercepted. Its tag, pasted into a
 * blank page of the mock site, must give the banner that was configured.
 */
const ROOT = new URL('../../', import.meta.url);
const SRI = JSON.parse(readFileSync(new URL(DIST + SRI_MANIFEST, ROOT), 'utf8')) as { version: string; files: Record<string, string> };
const CDN = `https://cdn.jsdelivr.net/npm/samtykke@${SRI.version}/dist/`;
/** The owner's consent log, on a host of its own. */
const LOG = 'https://logg.example.no';

const site = browserAndStaticSite();

/**
 * The configurator; `npm` says what jsDelivr answers for this version's sri.json: this
 * release's (it is published), or 404 (not yet). `missing` paths of the site answer 404, as on
 * a host without them. Every other host is cut off.
 */
async function openConfigurator(npm: 'published' | 'missing' = 'missing', missing: string[] = []): Promise<{ page: Page; cdnAsked: string[]; close(): Promise<void> }> {
  const context = await site.browser.newContext();
  const cdnAsked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return missing.includes(url.pathname) ? route.fulfill({ status: 404, body: 'not found' }) : route.continue();
    if (url.hostname === 'cdn.jsdelivr.net') {
      cdnAsked.push(url.href);
      return npm === 'published' && url.href === CDN + SRI_MANIFEST
        ? route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(SRI) })
        : route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'Couldn\'t find the requested release version' });
    }
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(site.server.origin + '/configure.html', { waitUntil: 'load' });
  return { page, cdnAsked, close: () => context.close() };
}

const code = (page: Page) => page.locator('#code').innerText();
const messages = (page: Page) => page.locator('.msg:not(:empty), #general-msg:not(:empty)').allInnerTexts();
/** The tag once the version's hashes and its inline start are in (the form is usable before). */
const tagOf = async (page: Page) => {
  await expect.poll(() => code(page), { timeout: 10_000 }).toContain('integrity="sha384-');
  return code(page);
};
/** Adds one of the owner's own services and fills in its text fields (by name); its box. */
async function addService(page: Page, fields: Record<string, string>) {
  await page.click('#add-service');
  const service = page.locator('fieldset.service').last();
  for (const [name, value] of Object.entries(fields)) await service.locator(`[name="${name}"]`).fill(value);
  return service;
}
/** Runs `steps` on a configurator whose tag is in (`tag`, as it opens), closing it after. */
async function withTag(steps: (page: Page, tag: string) => Promise<void>): Promise<void> {
  const { page, close } = await openConfigurator();
  try {
    await steps(page, await tagOf(page));
  } finally {
    await close();
  }
}
/** «Kopier» says it copied, and the clipboard holds exactly `expected` (the test has granted the clipboard). */
const copiesExactly = async (page: Page, expected: string) => {
  await page.click('#copy');
  await expect.poll(() => page.locator('#copied').innerText()).toBe('Kopiert.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
};
/** Opens the technical choices, folded away under «For den som hjelper deg med nettstedet», as a helper would. */
const openTechnical = (page: Page) => page.getByText('For den som hjelper deg med nettstedet', { exact: true }).click();
/** Chooses the single synchronous tag (the configurator offers the inline form first); the technical choices must be open. */
const singleTag = (page: Page) => page.check('input[name="form"][value="sync"]');

describe('configurator', () => {
  it('offers this version on the project’s site by default, and jsDelivr only once the version is there, saying so when it is not', async () => {
    const missing = await openConfigurator('missing');
    try {
      // The inline form first: the start inline, whole, with the engine's address and hash and the bokmål face's hash for its preload.
      const inline = await tagOf(missing.page);
      expect(inline.slice(0, inline.indexOf('>') + 1)).toBe(
        `<script data-engine="${pagesUrl(SRI.version)}samtykke.js" data-engine-integrity="${SRI.files['samtykke.js']}" data-engine-face-nb="${SRI.files['samtykke-face.nb.js']}" data-privacy-url="/personvern/">`,
      );
      expect(inline.endsWith(readFileSync(new URL(DIST + START_FILE, ROOT), 'utf8').trim() + '</script>')).toBe(true);
      await openTechnical(missing.page);
      await singleTag(missing.page);
      expect(await code(missing.page)).toBe(
        `<script src="${pagesUrl(SRI.version)}samtykke.js" integrity="${SRI.files['samtykke.js']}" crossorigin="anonymous" data-privacy-url="/personvern/"></script>`,
      );
      await expect.poll(() => missing.page.locator('#cdn-msg').innerText()).toBe(`Versjon ${SRI.version} ligger ikke på jsDelivr ennå (den kommer dit når den er publisert på npm). Velg samtykke-prosjektets nettsted så lenge.`);
      expect(missing.cdnAsked).toEqual([CDN + SRI_MANIFEST]);
      expect(await missing.page.isEnabled('input[name="hosting"][value="cdn"]')).toBe(false);
    } finally {
      await missing.close();
    }

    const published = await openConfigurator('published');
    try {
      await expect.poll(() => published.page.isEnabled('input[name="hosting"][value="cdn"]')).toBe(true);
      await openTechnical(published.page);
      expect(await published.page.locator('#cdn-msg').innerText()).toBe(`Versjon ${SRI.version} ligger på jsDelivr og kan hentes derfra.`);
      await published.page.check('input[name="hosting"][value="cdn"]');
      await singleTag(published.page);
      await expect.poll(() => code(published.page)).toBe(`<script src="${CDN}samtykke.js" integrity="${SRI.files['samtykke.js']}" crossorigin="anonymous" data-privacy-url="/personvern/"></script>`);
    } finally {
      await published.close();
    }
  });

  it('says plainly when it cannot find this version’s files, and leaves integrity out rather than guessing', async () => {
    const { page, close } = await openConfigurator('published', [`/${versionDir(SRI.version)}${SRI_MANIFEST}`]);
    try {
      await openTechnical(page);
      await expect.poll(() => page.locator('#release-msg').innerText()).toContain(`Fant ikke filene til versjon ${SRI.version} her`);
      expect(await code(page)).toBe(`<script src="${pagesUrl(SRI.version)}samtykke.js" data-privacy-url="/personvern/"></script>`);
      // Without the hash there is nothing to check jsDelivr's copy against.
      expect(await page.isEnabled('input[name="hosting"][value="cdn"]')).toBe(false);
    } finally {
      await close();
    }
  });

  it('self-hosting: one file (samtykke.full.js) or the whole folder, naming every file to upload, each a download of this version', async () => {
    const { page, close } = await openConfigurator();
    try {
      await tagOf(page);
      await openTechnical(page);
      await singleTag(page);
      expect(await page.isVisible('#ownFolder')).toBe(false);
      await page.check('input[name="hosting"][value="file"]');
      await page.fill('#ownFolder', 'https://www.stressfri.no/filer');
      await expect.poll(() => code(page)).toBe(`<script src="https://www.stressfri.no/filer/samtykke.full.js" integrity="${SRI.files['samtykke.full.js']}" crossorigin="anonymous" data-privacy-url="/personvern/"></script>`);
      expect(await page.locator('#own-files li').allInnerTexts()).toEqual(['samtykke.full.js']);

      await page.check('input[name="hosting"][value="folder"]');
      await expect.poll(() => code(page)).toBe(`<script src="https://www.stressfri.no/filer/samtykke.js" integrity="${SRI.files['samtykke.js']}" crossorigin="anonymous" data-privacy-url="/personvern/"></script>`);
      // Every file the tag may fetch from its folder, and nothing no tag loads.
      const folder = BUILT_FILES.map((f) => f.file).filter((f) => f !== 'samtykke.full.js' && f !== 'samtykke-start.js' && f.endsWith('.js'));
      expect(await page.locator('#own-files li').allInnerTexts()).toEqual(folder);
      const links = await page.locator('#own-files a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const [i, link] of links.entries()) {
        expect(link).toBe(`${site.server.origin}/${versionDir(SRI.version)}${folder[i]}`);
        expect((await fetch(link)).status, link).toBe(200);
      }
    } finally {
      await close();
    }
  });

  it('its preview shows the banner on the built site served locally (`npm run preview:site`), which answers the preview’s opaque origin as GitHub Pages does', async () => {
    const { page, close } = await openConfigurator();
    try {
      const refused: string[] = [];
      page.on('console', (m) => void (/CORS|Access-Control-Allow-Origin/.test(m.text()) && refused.push(m.text())));
      await page.fill('#googleAds', 'AW-123456789');
      const banner = page.frameLocator('#preview').locator('samtykke-ui section.banner');
      await expect.poll(() => banner.count()).toBe(1);
      await expect.poll(() => banner.getByRole('button', { name: 'Avvis alle' }).isVisible()).toBe(true);
      expect(refused).toEqual([]);
      // The face the engine fetches beside it, as the sandbox asks for it (Origin: null).
      const face = await fetch(`${site.server.origin}/${versionDir(SRI.version)}samtykke-face.nb.js`, { headers: { origin: 'null' } });
      expect([face.status, face.headers.get('access-control-allow-origin')]).toEqual([200, '*']);
    } finally {
      await close();
    }
  });

  it('the Google Ads field’s help and the guide send the owner to the same place for the id: the old code, one menu path, or the search field', () => {
    const guide = readFileSync(new URL('docs/veiledning.md', ROOT), 'utf8').replace(/\s+/g, ' ');
    const help = /id="googleAds-help">([^<]*)</.exec(readFileSync(new URL('demo/configure.html', ROOT), 'utf8'))?.[1] ?? '';
    const where = (text: string) => [
      text.includes('id=AW-…'),
      /Google Ads under \*?([^,;*]+)/.exec(text)?.[1],
      text.includes('søk etter «Google-tag» i søkefeltet øverst i Google Ads'),
    ];
    expect(where(help)).toEqual([true, 'Verktøy › Konverteringer', true]);
    expect(where(guide)).toEqual(where(help));
  });

  it('checks the Google ids as they are typed, and says in one line what is wrong: a space, small letters, an id of the other kind', async () => {
    const { page, close } = await openConfigurator();
    try {
      // Each as an owner might type it (a space after the dash is a real first try), and the one line it gets.
      const typed: [field: string, value: string, message: string][] = [
        ['googleAds', 'AW-12', 'Feil: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.'],
        ['googleAds', 'G-ABC123XYZ', 'Feil: «G-ABC123XYZ» er en Google Analytics-ID (G-…). Skriv den i feltet «Google Analytics-måle-ID».'],
        ['googleAnalytics', 'GT-ABCD123', 'Feil: «GT-ABCD123» er en Google Ads-ID (AW-…) eller en Google-tag (GT-…). Skriv den i feltet «Google Ads-ID».'],
        ['googleAds', 'aw-123456789', 'Feil: Skriv ID-en med store bokstaver: «AW-123456789».'],
        ['googleAds', 'AW- 123456789', 'Feil: Ta bort mellomrommet: «AW-123456789».'],
        ['metaPixel', '1234 5678 9012 345', 'Feil: Ta bort mellomrommene: «123456789012345».'],
      ];
      for (const [field, value, message] of typed) {
        await page.fill(`#${field}`, value);
        await expect.poll(() => page.locator(`#${field}-msg`).innerText(), { message: value }).toBe(message);
        expect(await page.getAttribute(`#${field}`, 'aria-invalid'), value).toBe('true');
      }
      await page.fill('#metaPixel', '');

      await page.fill('#googleAds', 'AW-123456789, GT-ABCD123');
      await page.fill('#googleAnalytics', 'G-ABC123XYZ');
      await expect.poll(() => messages(page)).toEqual([]);
      expect(await page.locator('[aria-invalid]').count()).toBe(0);
      expect(await code(page)).toContain('data-google-ads="AW-123456789, GT-ABCD123" data-google-analytics="G-ABC123XYZ"');
    } finally {
      await close();
    }
  });

  it('shows the script’s own messages in bokmål next to a wrong field, and clears them when fixed', async () => {
    const { page, close } = await openConfigurator();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    try {
      // Nothing filled in for the owner but the usual privacy page; empty colours say "standard".
      expect(await page.inputValue('#siteUrl')).toBe('');
      expect(await page.locator('#colours .standard:visible').allInnerTexts()).toEqual(['standard', 'standard', 'standard', 'standard']);
      await page.fill('#theme-accent', '#aa0000');
      await expect.poll(() => page.locator('#colours .standard:visible').allInnerTexts()).toEqual(['standard', 'standard', 'standard']);
      expect(await page.inputValue('#colours input[type="color"][data-for="theme-accent"]')).toBe('#aa0000');
      await page.fill('#theme-accent', '');
      await page.fill('#googleAds', 'AW-12');
      await expect.poll(() => page.locator('#googleAds-msg').innerText()).toBe('Feil: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.');
      // The preview's samtykke says it too, in the console, with the texts of samtykke-help.js fetched beside it.
      await expect.poll(() => console.filter((m) => m.startsWith('[samtykke] googleAds:'))).toContain('[samtykke] googleAds: "AW-12" is not a valid id; it looks like "AW-123456789". Nothing is loaded for it.');
      await page.fill('#theme-accent', 'red; }');
      await expect.poll(() => page.locator('#theme-accent-msg').innerText()).toBe('Feil: «red; }» er ikke tillatt; gi en farge som «#0b5cad». Blir oversett.');
      await page.fill('#privacyUrl', '');
      await expect.poll(() => page.locator('#privacyUrl-msg').innerText()).toBe('Merk: Skriv adressen til personvernerklæringen din: banneret må lenke til den.');
      await page.fill('#logUrl', 'ftp://logg.example.no/');
      await expect.poll(() => page.locator('#logUrl-msg').innerText()).toContain('Feil: «ftp://logg.example.no/» er ikke en nettadresse');
      expect(await page.getAttribute('#logUrl', 'aria-invalid')).toBe('true');
      // In a box of several fields, the field is named by its label, not by the setting's path.
      await page.click('#add-service');
      const service = page.locator('fieldset.service').first();
      await service.locator('[name="id"]').fill('chat');
      await service.locator('[name="name"]').fill('Chat');
      await service.locator('[name="description"]').fill('Chat med oss.');
      await expect.poll(() => service.locator('.msg').innerText()).toBe('Feil: Leverandør: må nevne selskapet som mottar opplysningene. Tjenesten blir utelatt.');
      await service.getByRole('button', { name: 'Fjern' }).click();

      await page.fill('#googleAds', 'AW-123456789');
      await page.fill('#theme-accent', '');
      await page.fill('#privacyUrl', '/personvern/');
      await page.fill('#logUrl', '');
      await expect.poll(() => messages(page)).toEqual([]);
      expect(await page.locator('[aria-invalid]').count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('offers the embeds the engine knows, and links to the self-check for the owner’s own site, in Norwegian with no link to the English README', async () => {
    const { page, close } = await openConfigurator();
    try {
      expect((await page.locator('#embeds label').allInnerTexts()).map((t) => t.trim())).toEqual(['YouTube', 'Vimeo', 'Google Maps']);
      await page.check('#embeds label:has-text("YouTube") input');
      await page.check('#embeds label:has-text("Google Maps") input');
      await expect.poll(() => code(page)).toContain('data-privacy-url="/personvern/" data-embeds="youtube google-maps"');
      expect(await messages(page)).toEqual([]);

      const check = page.locator('#check-link');
      expect(await page.locator('#next + p a[href="veiledning.html#steg-6"]').count()).toBe(1);
      await page.fill('#siteUrl', 'https://www.stressfri.no/');
      await expect.poll(() => check.getAttribute('href')).toBe('https://www.stressfri.no/?samtykke=sjekk');
      expect(await check.innerText()).toBe('https://www.stressfri.no/?samtykke=sjekk');

      const links = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.filter((href) => /README|github\.com/i.test(href))).toEqual([]);
      // What the owner reads (not the code itself) has no developer words.
      for (const text of await page.locator('header, form, #next + p, .result > .help').allInnerTexts()) expect(text).not.toMatch(/README|integrity|SRI|CORS|<head>|html lang|dataLayer|konsoll/i);
    } finally {
      await close();
    }
  });

  it('reads the site’s address typed without https://, and says so when it cannot be an address', async () => {
    const { page, close } = await openConfigurator();
    try {
      const check = page.locator('#check-link');
      await page.fill('#siteUrl', 'www.stressfri.no');
      await expect.poll(() => check.getAttribute('href')).toBe('https://www.stressfri.no/?samtykke=sjekk');
      expect(await check.innerText()).toBe('https://www.stressfri.no/?samtykke=sjekk');
      await page.fill('#siteUrl', 'stressfri.no/');
      await expect.poll(() => check.getAttribute('href')).toBe('https://stressfri.no/?samtykke=sjekk');
      expect(await messages(page)).toEqual([]);

      // Not an address at all: the field says how to write it, and the link is the example again, not the last address read.
      await page.fill('#siteUrl', 'stressfri');
      await expect.poll(() => page.locator('#siteUrl-msg').innerText()).toBe('Tips: Skriv hele adressen til nettstedet ditt, f.eks. https://www.dittnettsted.no/');
      expect(await check.getAttribute('href')).toBe('https://www.dittnettsted.no/?samtykke=sjekk');
      expect(await axe(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says once per field what a right id looks like, and «Kopier» copies no code with an error (saying so in its status), though a hint never stops it', async () => {
    const { page, close } = await openConfigurator();
    try {
      await tagOf(page);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
      await page.evaluate(() => navigator.clipboard.writeText('før'));
      // Two wrong ids ("aw" and "12"), not one with a space inside: one line.
      await page.fill('#googleAds', 'aw 12');
      await expect.poll(() => page.locator('#googleAds-msg').innerText()).toBe('Feil: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.');
      await page.click('#copy');
      await expect.poll(() => page.locator('#copied').innerText()).toBe('Ikke kopiert: rett først det som er merket «Feil» (Google Ads-ID).');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('før');
      expect(await axe(page)).toEqual([]);

      // Fixed, with a hint left (a site address that is none, for the check link only): it copies.
      await page.fill('#googleAds', 'AW-123456789');
      await page.fill('#siteUrl', 'stressfri');
      await expect.poll(() => page.locator('#siteUrl-msg').innerText()).toContain('Tips:');
      expect(await page.locator('#copied').innerText()).toBe('');
      await page.click('#copy');
      await expect.poll(() => page.locator('#copied').innerText()).toBe('Kopiert.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('data-google-ads="AW-123456789"');
    } finally {
      await close();
    }
  });

  it('calls a privacy address without "/" or https:// wrong, as it points somewhere else on each sub-page, and copies no code with it, unless the script already objects to it', async () => {
    const { page, close } = await openConfigurator();
    try {
      await tagOf(page);
      const said = page.locator('#privacyUrl-msg');
      await page.fill('#privacyUrl', 'personvern');
      await expect.poll(() => said.innerText()).toBe('Feil: Skriv adressen med / foran, f.eks. /personvern/, eller hele adressen med https://. Uten / peker den et annet sted på hver underside.');
      expect(await page.locator('#privacyUrl').getAttribute('aria-invalid')).toBe('true');
      await page.click('#copy');
      await expect.poll(() => page.locator('#copied').innerText()).toBe('Ikke kopiert: rett først det som er merket «Feil» (Adressen til personvernerklæringen).');
      await page.fill('#privacyUrl', 'javascript:alert(1)');
      await expect.poll(() => said.innerText()).toBe('Feil: «javascript:alert(1)» er ikke en nettadresse; skriv en sti som «/personvern/» eller en full https://-adresse.');
      for (const fine of ['/personvern/', 'https://www.stressfri.no/personvern/']) {
        await page.fill('#privacyUrl', fine);
        await expect.poll(() => messages(page)).toEqual([]);
      }
    } finally {
      await close();
    }
  });

  it('folds the technical choices away under one closed disclosure named for who they are for, opened by keyboard, and open by itself when a field in it says «Feil»', () =>
    withTag(async (page) => {
      const technical = page.locator('#technical');
      const isOpen = () => technical.evaluate((d) => (d as HTMLDetailsElement).open);
      // One native disclosure holds both boxes; closed, neither box's choices show.
      expect(await page.locator('details > summary').allInnerTexts()).toEqual(['For den som hjelper deg med nettstedet']);
      expect(await technical.locator('legend').allTextContents()).toEqual(['Hvordan skal koden se ut?', 'Hvor skal filen hentes fra?']);
      expect(await isOpen()).toBe(false);
      expect(await page.isVisible('input[name="form"][value="sync"]')).toBe(false);
      expect(await page.isVisible('input[name="hosting"][value="pages"]')).toBe(false);
      expect(await axe(page)).toEqual([]);

      // The keyboard opens and closes it, as a helper without a mouse would.
      await page.focus('#technical > summary');
      await page.keyboard.press('Enter');
      await expect.poll(isOpen).toBe(true);
      expect(await page.isVisible('input[name="hosting"][value="pages"]')).toBe(true);
      expect(await axe(page)).toEqual([]);
      await page.keyboard.press(' ');
      await expect.poll(isOpen).toBe(false);

      // A folder address without "/" is an error; closed again, the next change opens it, so the owner sees the error.
      await page.keyboard.press(' ');
      await page.check('input[name="hosting"][value="folder"]');
      await page.fill('#ownFolder', 'samtykke/');
      await expect.poll(() => page.locator('#ownFolder-msg').innerText()).toBe('Feil: Skriv adressen med / foran, f.eks. /samtykke/, eller hele adressen med https://. Uten / peker den et annet sted på hver underside.');
      await page.click('#technical > summary');
      await expect.poll(isOpen).toBe(false);
      await page.fill('#googleAds', 'AW-123456789');
      await expect.poll(isOpen).toBe(true);
      expect(await page.isVisible('#ownFolder-msg')).toBe(true);
      expect(await page.getAttribute('#ownFolder', 'aria-invalid')).toBe('true');
      await page.click('#copy');
      await expect.poll(() => page.locator('#copied').innerText()).toBe('Ikke kopiert: rett først det som er merket «Feil» (Adressen til mappen du laster opp i).');
      await page.fill('#ownFolder', '/samtykke/');
      await expect.poll(() => messages(page)).toEqual([]);
    }));

  it('shows no code to select by hand while a field says «Feil», only what to fix first, and the code again, exactly what «Kopier» copies, once it is fixed', () =>
    withTag(async (page, tag) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
      await page.fill('#googleAds', 'AW-12');
      await expect.poll(() => code(page)).toBe('Koden kommer her når du har rettet det som er merket «Feil» (Google Ads-ID).');
      // Selected by hand, the box holds no code to take, nor does the page anywhere.
      await page.evaluate(() => getSelection()?.selectAllChildren(document.querySelector('#code')!));
      expect(await page.evaluate(() => String(getSelection()))).not.toContain('<script');
      expect(await page.locator('body').innerText()).not.toContain('data-google-ads');
      expect(await axe(page)).toEqual([]);

      await page.fill('#googleAds', 'AW-123456789');
      await expect.poll(() => code(page)).toContain('data-google-ads="AW-123456789"');
      const shown = await code(page);
      expect(shown.replace(' data-google-ads="AW-123456789"', '')).toBe(tag);
      await copiesExactly(page, shown);
    }));

  it('holds the consent log’s address to https:// or a path from /, and a service’s privacy page to a full https:// address, each said under its field, and copies no code with them', () =>
    withTag(async (page) => {
      await page.fill('#logUrl', 'logg.stressfri.no/v1/consents');
      await expect.poll(() => page.locator('#logUrl-msg').innerText()).toBe('Feil: Skriv hele adressen med https://, f.eks. https://logg.dittnettsted.no/v1/consents, eller med / foran hvis loggen ligger på nettstedet ditt.');
      expect(await page.getAttribute('#logUrl', 'aria-invalid')).toBe('true');
      // From an https page the browser sends nothing to http.
      await page.fill('#logUrl', 'http://logg.stressfri.no/v1/consents');
      await expect.poll(() => page.locator('#logUrl-msg').innerText()).toContain('Feil: Skriv hele adressen med https://');
      await page.click('#copy');
      await expect.poll(() => page.locator('#copied').innerText()).toBe('Ikke kopiert: rett først det som er merket «Feil» (Adressen til samtykkeloggen).');
      for (const fine of ['/v1/consents', 'https://logg.stressfri.no/v1/consents']) {
        await page.fill('#logUrl', fine);
        await expect.poll(() => messages(page)).toEqual([]);
      }

      const service = await addService(page, { id: 'hano', name: 'Hano timebestilling', provider: 'Hano AS', description: 'Viser timebestillingen vår.' });
      await expect.poll(() => messages(page)).toEqual([]);
      for (const wrong of ['hano.no/personvern', '/personvern']) {
        await service.locator('[name="privacyUrl"]').fill(wrong);
        await expect.poll(() => service.locator('.msg').innerText(), { message: wrong }).toBe(
          'Feil: Leverandørens personvernside: skriv hele adressen med https://, f.eks. https://hano.no/personvern. Siden ligger hos leverandøren, ikke på nettstedet ditt.',
        );
        expect(await service.locator('[name="privacyUrl"]').getAttribute('aria-invalid')).toBe('true');
      }
      await page.click('#copy');
      await expect.poll(() => page.locator('#copied').innerText()).toBe('Ikke kopiert: rett først det som er merket «Feil» (Leverandørens personvernside).');
      await service.locator('[name="privacyUrl"]').fill('https://hano.no/personvern');
      await expect.poll(() => messages(page)).toEqual([]);
      expect(await code(page)).toContain('"privacyUrl": "https://hano.no/personvern"');
    }));

  it('on a 320 px phone, «Kopier» is within a screen of the code’s heading, and no choice in a dropdown is cut off', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    try {
      const page = await context.newPage();
      await page.goto(site.server.origin + '/configure.html', { waitUntil: 'load' });
      await tagOf(page);
      const top = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
      expect((await top('#copy')) - (await top('.result h2 >> nth=0'))).toBeLessThan(640);
      // A select cannot wrap its text: every option must fit beside the arrow (about 24 px).
      const tooWide = await page.evaluate(() =>
        Array.from(document.querySelectorAll('select')).flatMap((select) => {
          const style = getComputedStyle(select);
          const measure = document.createElement('canvas').getContext('2d')!;
          measure.font = `${style.fontSize} ${style.fontFamily}`;
          const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
          return Array.from(select.options, (o) => o.text).filter((text) => measure.measureText(text).width > room);
        }),
      );
      expect(tooWide).toEqual([]);
      // The technical choices fit too, folded and open: nothing scrolls sideways.
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await sideways()).toBe(0);
      await openTechnical(page);
      await page.check('input[name="hosting"][value="folder"]');
      await expect.poll(() => page.locator('#own-files li').count()).toBeGreaterThan(1);
      expect(await sideways()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('keeps the self-check’s address whole on a line where it fits, and on a 320 px phone breaks it only after a «/», never after its «?», with nothing scrolling sideways', async () => {
    for (const width of [1280, 320]) {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      try {
        const page = await context.newPage();
        await page.goto(site.server.origin + '/configure.html', { waitUntil: 'load' });
        for (const address of ['', 'https://www.stressfri.no/']) {
          await page.fill('#siteUrl', address);
          await expect.poll(() => page.locator('#check-link').innerText()).toMatch(/^https:\/\/www\.(dittnettsted|stressfri)\.no\/\?samtykke=sjekk$/);
          // Where each character of the address is drawn: the line (its top) of each, and of the «?».
          const lines = await page.locator('#check-link').evaluate((link) => {
            const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
            const chars: { char: string; top: number }[] = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (let i = 0; i < node.textContent!.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                chars.push({ char: node.textContent![i]!, top: Math.round(range.getBoundingClientRect().top) });
              }
            }
            const tops = [...new Set(chars.map((c) => c.top))];
            // Each line's text, in order.
            return tops.map((top) => chars.filter((c) => c.top === top).map((c) => c.char).join(''));
          });
          expect(lines.join('')).toBe(await page.locator('#check-link').getAttribute('href'));
          expect(lines.find((line) => line.includes('?'))).toMatch(/\?samtykke=sjekk$/);
          // Whole where it fits (a wide screen); on the phone it cannot fit, and each line but the last ends at a «/».
          expect(lines.length === 1).toBe(width === 1280);
          expect(lines.slice(0, -1).filter((line) => !line.endsWith('/'))).toEqual([]);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      } finally {
        await context.close();
      }
    }
  });

  it('selects the whole code and says how to copy it, on a PC and a phone, when the browser refuses the clipboard', async () => {
    const { page, close } = await openConfigurator();
    try {
      const tag = await tagOf(page);
      // A browser that refuses the clipboard to the page (no permission asked or granted).
      await page.evaluate(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }));
      await page.click('#copy');
      await expect.poll(() => page.locator('#copied').innerText()).toBe('Koden er merket, men ikke kopiert. Trykk Ctrl+C (på Mac: Cmd+C), eller på mobilen: hold fingeren på den merkede koden og velg «Kopier».');
      expect(await page.evaluate(() => String(getSelection()))).toBe(tag);
    } finally {
      await close();
    }
  });

  it('passes axe with every choice shown, and its copy button copies the tag exactly', async () => {
    const { page, close } = await openConfigurator();
    try {
      const tag = await tagOf(page);
      expect(await axe(page)).toEqual([]);
      await openTechnical(page);
      await page.check('input[name="hosting"][value="folder"]');
      await page.fill('#googleAds', 'G-ABC123XYZ');
      await expect.poll(() => page.locator('#own-files li').count()).toBeGreaterThan(1);
      await expect.poll(() => page.locator('#googleAds-msg').innerText()).toContain('Feil: «G-ABC123XYZ» er en Google Analytics-ID');
      expect(await axe(page)).toEqual([]);

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
      await page.check('input[name="hosting"][value="pages"]');
      await page.fill('#googleAds', '');
      await expect.poll(() => code(page)).toBe(tag);
      await copiesExactly(page, tag);
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
      const service = await addService(page, {
        id: 'chat-widget',
        name: 'Chat',
        provider: 'Chat AS',
        description: 'Lets you chat with us.',
        src: '/widgets/chat.js',
        block: 'chat.example.no',
        cookies: 'chat_id | Keeps the conversation | 30 days',
      });
      await service.locator('[name="purpose"]').selectOption('functional');
      await service.locator('[name="transfer"]').check();
      // The mock site's file space, which serves the built folder (with CORS), as an owner's web space would.
      await openTechnical(page);
      await page.check('input[name="hosting"][value="folder"]');
      await page.fill('#ownFolder', FILES_ORIGIN);
      await tagOf(page);
      await expect.poll(() => code(page)).toContain('data-reopen="bottom-right"');
      expect(await messages(page)).toEqual([]);
      generated = await code(page);

      // The live preview runs the same code (from this version's folder) in its sandbox: one
      // banner, and no log address, so a click in the preview is never logged as a visitor's decision.
      await expect.poll(() => page.frameLocator('#preview').locator('samtykke-ui section.banner').count()).toBe(1);
      expect(await page.locator('#preview').getAttribute('srcdoc')).not.toContain('logg.example.no');
    } finally {
      await close();
    }

    expect(generated).toMatch(/^<script>\nwindow\.samtykkeConfig = \{/);
    expect(generated.split('\n').at(-1)).toBe(
      `<script src="${FILES_ORIGIN}/samtykke.js" integrity="${SRI.files['samtykke.js']}" crossorigin="anonymous" data-google-ads="AW-987654321" data-google-analytics="G-TEST1234" data-meta-pixel="123456789012345" data-privacy-url="/personvern/" data-lang="en" data-reopen="bottom-right" data-strict="true" data-log-url="https://logg.example.no/v1/consents"></script>`,
    );
    expect(generated).toContain('"block": [\n        "chat.example.no"\n      ],\n      "transfer": true');

    const blank = await openSite(site.browser, {
      pages: { '/': `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Blank</title>${generated}</head><body><main><h1>Blank</h1><div data-samtykke-declaration></div></main></body></html>` },
    });
    // The log as a receiver answers it (CORS for the site), keeping what it was sent.
    const logged: unknown[] = [];
    await blank.context.route(`${LOG}/**`, (route) => {
      const request = route.request();
      if (request.method() === 'POST') logged.push(JSON.parse(request.postData()!));
      return route.fulfill({ status: request.method() === 'POST' ? 201 : 204, headers: { 'access-control-allow-origin': ORIGIN } });
    });
    try {
      await blank.goto('/');
      const errors = (await explained(blank)).filter((m) => m.startsWith('error') || m.startsWith('warning'));
      expect(errors).toEqual([]);
      expect(await blank.page.evaluate(() => (window as unknown as { samtykke?: { get(): unknown } }).samtykke?.get())).toBeNull();
      const layer = await dataLayer(blank.page);
      expect(layer[0]).toEqual(['consent', 'default', expect.objectContaining({ ad_storage: 'denied', analytics_storage: 'denied' })]);
      // The configured look and language reached the banner.
      expect(await blank.page.evaluate(() => (document.querySelector('samtykke-ui') as HTMLElement | null)?.style.getPropertyValue('--samtykke-accent'))).toBe('#aa0000');
      expect(await blank.page.evaluate(() => document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang'))).toBe('en');
      expect(blank.google).toEqual([]);
      // Every recipient is named, Meta and the owner's own service included.
      expect(await blank.page.locator('samtykke-ui section.banner').textContent()).toContain('with Google Ireland Limited, Meta Platforms Ireland Limited and Chat AS. The information may be transferred to the USA.');

      await blank.page.evaluate(() => (window as unknown as { samtykke: { acceptAll(): void } }).samtykke.acceptAll());
      await expect.poll(() => blank.google.map((g) => g.url)).toContainEqual(expect.stringContaining('googletagmanager.com/gtag/js?id=AW-987654321'));
      const state = await blank.page.evaluate(() => (window as unknown as { samtykke: { get(): { purposes: Record<string, boolean> } } }).samtykke.get().purposes);
      expect(state).toEqual({ necessary: true, functional: true, analytics: true, marketing: true });
      const configured = (await dataLayer(blank.page)).filter((e) => Array.isArray(e) && e[0] === 'config').map((e) => (e as unknown[])[1]);
      expect(configured).toEqual(['AW-987654321', 'G-TEST1234']);
      // The owner service's script was loaded after consent.
      await expect.poll(() => blank.page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran ?? [])).toContain('/widgets/chat.js');
      // The decision went to the configured consent log.
      await expect.poll(() => logged).toEqual([expect.objectContaining({ choices: { functional: true, analytics: true, marketing: true }, lang: 'en' })]);
    } finally {
      await blank.close();
    }
  });
});
