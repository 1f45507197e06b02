import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type DemoServer } from '../../demo/server/servers';
import { BUILT_FILES, SRI_MANIFEST } from '../../scripts/built-files.mjs';
import { versionDir } from '../../scripts/versioned.mjs';
import { explained, launch, openSite } from './harness';

/**
 * The static site (`npm run build:site`: demo and configurator) served by a plain node:http file
 * server, as GitHub Pages would: this version's files in `v/<version>/` and none at the root, the
 * configurator finding the SRI hash of the built file without a dev server, and its tag, pasted
 * into a blank page, showing the banner.
 */
const ROOT = new URL('../../', import.meta.url);
const built = readFileSync(new URL('dist/samtykke.js', ROOT));
const HASH = 'sha384-' + createHash('sha384').update(built).digest('base64');
const { version } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
/** This version's folder on the site, from its root: `/v/0.1.0/`. */
const FOLDER = '/' + versionDir(version);

let browser: Browser;
let server: DemoServer;

beforeAll(async () => {
  browser = await launch();
  server = await startStaticServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The configurator from the static server; `missing` paths answer 404, as on a host without them. */
async function configurator(missing: string[] = []): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') return route.abort();
    return missing.includes(url.pathname) ? route.fulfill({ status: 404, body: 'not found' }) : route.continue();
  });
  const page = await context.newPage();
  await page.goto(server.origin + '/configure.html', { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

const code = (page: Page) => page.locator('#code').innerText();
const note = (page: Page) => page.locator('#integrity-msg').innerText();

/** A blank page on the mock site (which serves the built dist/samtykke.js) with `tag` in its head. */
async function pasted(tag: string): Promise<{ banner: boolean; errors: string[]; close(): Promise<void> }> {
  const site = await openSite(browser, { pages: { '/': `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Blank</title>${tag}</head><body><main><h1>Blank</h1></main></body></html>` } });
  await site.goto('/');
  const banner = await site.page
    .waitForFunction(() => !!document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('button'), null, { timeout: 3000 })
    .then(() => true, () => false);
  return { banner, errors: (await explained(site)).filter((m) => m.startsWith('error')), close: () => site.close() };
}

describe('the static site', () => {
  it('serves every built file and sri.json, as built, in v/<version>/, and no samtykke file at its root', async () => {
    const get = (path: string) => fetch(server.origin + path);
    for (const { file } of BUILT_FILES) {
      const served = await get(FOLDER + file);
      expect(served.status, FOLDER + file).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(new URL('dist/' + file, ROOT))), FOLDER + file).toBe(true);
      // A tag pointed at the root would change under the owner with the next release.
      expect((await get('/' + file)).status, '/' + file).toBe(404);
    }
    expect(await (await get(FOLDER + SRI_MANIFEST)).text()).toBe(readFileSync(new URL('dist/' + SRI_MANIFEST, ROOT), 'utf8'));
    expect((await get('/' + SRI_MANIFEST)).status).toBe(404);
    // The demo pages run this version's tag, by a relative address (the site works from any folder).
    for (const page of ['/', '/personvern.html']) expect(await (await get(page)).text()).toContain(`<script src="${versionDir(version)}samtykke.js" `);
  });

  it('the configurator reads sri.json and makes a tag whose integrity is the built file’s, which a blank page runs', async () => {
    const { page, close } = await configurator();
    let tag: string;
    try {
      await expect.poll(() => note(page)).toContain(`gjelder samtykke.js versjon ${version}`);
      await page.fill('#googleAds', 'AW-123456789');
      await page.fill('#privacyUrl', '/personvern/');
      await expect.poll(() => code(page)).toContain('data-google-ads="AW-123456789"');
      tag = await code(page);
      // Now that the version is known, the CDN address can be pinned to it.
      expect(await page.isEnabled('input[name="hosting"][value="cdn"]')).toBe(true);
    } finally {
      await close();
    }
    expect(tag).toBe(`<script src="/samtykke.js" integrity="${HASH}" crossorigin="anonymous" data-google-ads="AW-123456789" data-privacy-url="/personvern/"></script>`);

    const good = await pasted(tag);
    try {
      expect(good.banner).toBe(true);
      expect(good.errors).toEqual([]);
    } finally {
      await good.close();
    }
    // The browser really checks it: one wrong character and the file is refused.
    const wrong = await pasted(tag.replace(/integrity="sha384-(.)/, (_, c: string) => `integrity="sha384-${c === 'A' ? 'B' : 'A'}`));
    try {
      expect(wrong.banner).toBe(false);
    } finally {
      await wrong.close();
    }
  });

  it('without sri.json it computes the hash of samtykke.js itself (SubtleCrypto SHA-384)', async () => {
    const { page, close } = await configurator([FOLDER + 'sri.json']);
    try {
      await expect.poll(() => note(page)).toContain('regnet ut her');
      await expect.poll(() => code(page)).toContain(`integrity="${HASH}"`);
      // No version known: the CDN cannot be pinned, so it is not offered.
      expect(await page.isEnabled('input[name="hosting"][value="cdn"]')).toBe(false);
    } finally {
      await close();
    }
  });

  it('the live preview shows the banner: its CSP lets in samtykke’s folder (the engine, its face and its help), not just samtykke.js', async () => {
    const { page, close } = await configurator();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    try {
      // A wrong id, so the preview's engine has a message to explain with samtykke-help.js (the
      // configurator's own check prints nothing, and speaks bokmål).
      await page.fill('#googleAds', 'AW-12');
      await expect.poll(() => page.frameLocator('#preview').locator('samtykke-ui section.banner').count()).toBe(1);
      await expect.poll(() => console.filter((m) => m.startsWith('[samtykke] googleAds:'))).toEqual(['[samtykke] googleAds: "AW-12" is not a valid id; it looks like "AW-123456789". Nothing is loaded for it.']);
      expect(console.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says plainly when it cannot find the hash, and leaves integrity out rather than guessing', async () => {
    const { page, close } = await configurator([FOLDER + 'sri.json', FOLDER + 'samtykke.js']);
    try {
      await expect.poll(() => note(page)).toContain('kunne ikke finnes');
      await page.fill('#googleAds', 'AW-123456789');
      await expect.poll(() => code(page)).toContain('data-google-ads');
      expect(await code(page)).not.toContain('integrity');
    } finally {
      await close();
    }
  });

  it('speaks Norwegian: bokmål messages, "standard" for empty colours, no site address filled in', async () => {
    const { page, close } = await configurator();
    try {
      expect(await page.inputValue('#siteUrl')).toBe('');
      expect(await page.locator('#colours .standard:visible').allInnerTexts()).toEqual(['standard', 'standard', 'standard', 'standard']);
      await page.fill('#theme-accent', '#aa0000');
      await expect.poll(() => page.locator('#colours .standard:visible').allInnerTexts()).toEqual(['standard', 'standard', 'standard']);
      expect(await page.inputValue('#colours input[type="color"][data-for="theme-accent"]')).toBe('#aa0000');
      await page.fill('#googleAds', 'AW-12');
      await expect.poll(() => page.locator('#googleAds-msg').innerText()).toBe('Feil: [samtykke] googleAds: "AW-12" er ikke en gyldig ID; den skal se ut som "AW-123456789". Ingenting lastes for den.');
      await page.fill('#privacyUrl', '');
      await expect.poll(() => page.locator('#privacyUrl-msg').innerText()).toContain('privacyUrl er ikke satt');
    } finally {
      await close();
    }
  });
});
