import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pasteTag } from '../../demo/configure/tag';
import { DIST, SRI_MANIFEST, START_FILE } from '../../scripts/built-files.mjs';
import { ORIGIN } from '../browser/harness';
import { sleep, waitFor, type StartEngine, type Tab } from './engine';
import { siteWithEngine, type Pages } from './site';

const BUILT = new URL(`../../${DIST}`, import.meta.url);
const START = readFileSync(new URL(START_FILE, BUILT), 'utf8');
const ENGINE = { src: '/samtykke.js', integrity: (JSON.parse(readFileSync(new URL(SRI_MANIFEST, BUILT), 'utf8')) as { files: Record<string, string> }).files['samtykke.js']! };
const ADS_TAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
/** Google's own install snippet, pasted right after the start unmodified, as an owner does. */
const PASTED = `<script async src="${ADS_TAG}"></script><script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', 'AW-123456789');</script>`;
const VIDEO = 'https://www.youtube-nocookie.com/embed/hnpQrMqDoqE';

/** A page with the inline form first in `<head>`, as the configurator writes it. */
const inlinePage = (head = '', body = '<main><h1>Stressfri</h1></main>') =>
  `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Stressfri</title>${pasteTag({ googleAds: 'AW-123456789', privacyUrl: '/personvern/', embeds: 'youtube' }, ENGINE, START)}${head}</head><body>${body}</body></html>`;

const gtagRuns = (tab: Tab) => tab.run(() => (window as unknown as { __gtagRuns?: string[] }).__gtagRuns ?? [], undefined);

/**
 * The inline form (dist/samtykke-start.js pasted inline, the engine loaded async) in every
 * engine: what it must hold before the engine is there, and what it must leave alone. Call once
 * per engine, at the top level of a test file.
 */
export function inlineScenarios(label: string, start: StartEngine): void {
  const on = siteWithEngine(start);
  const visit = async (pages: Pages): Promise<Tab> => {
    on.site.serve({ '/personvern/': inlinePage(), ...pages });
    const tab = await on.engine.open();
    on.tabs.push(tab);
    await tab.goto(ORIGIN + '/');
    return tab;
  };

  describe(`${label}, the inline start`, () => {
    // One page for every case, as each profile costs seconds in some engines.
    it('holds a pasted Google snippet and a video in the HTML until the engine has judged them, keeps the owner’s scripts in order, and runs the snippet once after "Godta alle"', async () => {
      const lib = { body: 'window.__order = ["lib"];', headers: { 'content-type': 'text/javascript' } };
      const head = `${PASTED}<script src="/lib.js"></script><script>window.__order.push("user")</script>`;
      const body = `<main><iframe id="v" width="560" height="315" src="${VIDEO}" title="Video"></iframe></main>`;
      const tab = await visit({ '/': inlinePage(head, body), '/lib.js': lib });
      await waitFor('the banner', () => tab.shown('Godta alle'));
      // The start's preload of the face is what the engine's own request for it takes: one fetch, not two.
      expect(on.site.requests.filter((r) => r.url.pathname.startsWith('/samtykke-face.')).map((r) => r.url.pathname)).toEqual(['/samtykke-face.nb.js']);
      expect(await tab.run(() => (window as unknown as { __order?: string[] }).__order, undefined)).toEqual(['lib', 'user']);
      expect(await tab.run(() => [document.getElementById('v')!.getAttribute('src'), document.getElementById('v')!.getAttribute('data-src')], undefined)).toEqual([null, VIDEO]);
      await sleep(1000);
      expect(await gtagRuns(tab)).toEqual([]);
      await tab.click('Godta alle');
      await waitFor('gtag.js to run', async () => (await gtagRuns(tab)).length >= 1);
      await sleep(500);
      expect(await gtagRuns(tab)).toEqual([ADS_TAG]);
    });
  });
}
