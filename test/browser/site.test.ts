import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUILT_FILES, SRI_MANIFEST } from '../../scripts/built-files.mjs';
import { versionDir } from '../../scripts/versioned.mjs';
import { browserAndStaticSite } from './harness';

/**
 * The static site (`npm run build:site`: demo and configurator) served by a plain node:http file
 * server, as GitHub Pages would: this version's files in `v/<version>/` and none at the root, and
 * the configurator's preview running them. (The configurator itself, on this site:
 * configurator.test.ts.)
 */
const ROOT = new URL('../../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
/** This version's folder on the site, from its root: `/v/0.1.0/`. */
const FOLDER = '/' + versionDir(version);

const site = browserAndStaticSite();

/** The configurator from the static server; `missing` paths answer 404, as on a host without them. */
async function configurator(missing: string[] = []): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await site.browser.newContext();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') return route.abort();
    return missing.includes(url.pathname) ? route.fulfill({ status: 404, body: 'not found' }) : route.continue();
  });
  const page = await context.newPage();
  await page.goto(site.server.origin + '/configure.html', { waitUntil: 'load' });
  return { page, close: () => context.close() };
}


describe('the static site', () => {
  it('serves every built file and sri.json, as built, in v/<version>/, and no samtykke file at its root', async () => {
    const get = (path: string) => fetch(site.server.origin + path);
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
});
