import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scriptFile, START, type Hosting, type Release } from '../../demo/configure/hosting';
import { pasteTag } from '../../demo/configure/tag';
import type { DemoServer } from '../../demo/server/servers';
import { version } from '../../package.json';
import { pagesUrl, SRI_MANIFEST, versionDir } from '../../scripts/versioned.mjs';
import { ORIGIN } from '../browser/harness';
import { waitAcross, type Engine, type StartEngine, type Tab } from './engine';
import { startSite, type Answer, type Site } from './site';

/**
 * The owner's whole path, as issue #22 tells it: the configurator's paste (the inline form it offers first), pasted into Webnode's
 * header code field, on a Webnode-like site, loading samtykke from where the owner chose. Two
 * origins: the static site from `build:site` stands in for GitHub Pages on its own address
 * (answering with the CORS header Pages sends), and the owner's site on another. The tag is
 * made by the configurator's own function (docs-tag.test.ts holds the page to it).
 */

/** Webnode's asset host (CSS and scripts of its templates), another origin again. */
const WEBNODE_CDN = 'https://d1di2lzuh97fh2.cloudfront.net';
/** Where a self-hosting owner uploads the file or the folder on their own site. */
const OWN_FOLDER = '/filer/samtykke/';
/** The owner's Google Ads id, given in the configurator. */
const ADS = 'AW-123456789';
/**
 * Google's own snippet for the same id, pasted in an HTML block before samtykke and left there.
 * (A snippet with an id the tag does not name is asked about once samtykke finds it; found
 * after the visitor's first choice, it is asked about on the next page, which is why the guide
 * has the owner put the ids in the configurator.)
 */
const SNIPPET_TAG = `https://www.googletagmanager.com/gtag/js?id=${ADS}`;
const SETTINGS = { googleAds: ADS, privacyUrl: '/personvern/' };

/** Webnode's usual page: its own CSS and scripts from its CDN, the header code last in the head, an HTML block in the body. */
const webnodePage = (headerCode: string) => `<!DOCTYPE html>
<html lang="nb"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="Webnode 2">
<title>Stressfri</title>
<script>window.__console=[];['error','warn'].forEach(function(l){var o=console[l];console[l]=function(){__console.push(l+': '+[].map.call(arguments,String).join(' '));return o.apply(console,arguments)}});addEventListener('error',function(e){__console.push('exception: '+e.message)},true);</script>
<link rel="stylesheet" href="${WEBNODE_CDN}/_system/skins/v20/css/style.css">
<script src="${WEBNODE_CDN}/_system/skins/v20/js/functions.js"></script>
<script>(window.__webnode = window.__webnode || []).push('inline');</script>
${headerCode}
</head><body class="l-body"><div class="wnd-page">
<header><a href="/">Stressfri</a></header>
<main><h1>Mindre stress, mer liv</h1><p>Coaching i Oslo.</p>
<div class="b-html"><!-- Google tag (gtag.js) --><script async src="${SNIPPET_TAG}"></script><script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', '${ADS}');</script></div>
</main></div>
<script src="${WEBNODE_CDN}/_system/skins/v20/js/footer.js"></script>
</body></html>`;

/** Webnode's own files: they must run as before, in order, and its CSS must apply. */
function webnodeAsset(path: string): Answer | undefined {
  const run = (name: string): Answer => ({ status: 200, type: 'text/javascript', body: `(window.__webnode = window.__webnode || []).push('${name}');` });
  if (path.endsWith('/style.css')) return { status: 200, type: 'text/css', body: '.wnd-page { border-top: 7px solid rgb(47, 111, 94); }' };
  if (path.endsWith('/functions.js')) return run('functions');
  if (path.endsWith('/footer.js')) return run('footer');
  return undefined;
}

/** A check across a navigation, as the owner's reloads are: the page between two documents is asked again. */
const waitFor = (what: string, check: () => Promise<boolean>) => waitAcross(what, check, 10_000);

const gtagRuns = (tab: Tab) => tab.run(() => (window as unknown as { __gtagRuns?: string[] }).__gtagRuns ?? [], undefined);
const webnodeRan = (tab: Tab) => tab.run(() => [(window as unknown as { __webnode?: string[] }).__webnode ?? [], getComputedStyle(document.querySelector('.wnd-page')!).borderTopWidth], undefined);
/** What the page logged as an error or a warning, and every uncaught exception (the hook is Webnode's page's first script). */
const pageConsole = (tab: Tab) => tab.run(() => (window as unknown as { __console: string[] }).__console, undefined);
const decided = (tab: Tab) => tab.run(() => !!window.samtykke?.get(), undefined);
/** Consent Mode's state as the page's Google tag sees it: the last `consent` command's ad_storage. */
const adStorage = (tab: Tab) =>
  tab.run(() => {
    const layer = ((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? []).map((e) => Array.from(e));
    const consent = layer.filter((e) => e[0] === 'consent').at(-1) as [string, string, { ad_storage?: string }] | undefined;
    return consent?.[2].ad_storage ?? 'none';
  }, undefined);

/**
 * The owner's path in one engine. `pages`: the static site of this version (a DemoServer
 * serving `build:site`'s output), started once for every engine.
 */
export function ownerPath(label: string, start: StartEngine, pages: () => DemoServer): void {
  let site: Site;
  let engine: Engine;
  let release: Release;
  /** The inline start of this release (samtykke-start.js), which the paste carries. */
  let startScript: string;
  /** Serve a `samtykke.js` changed after its hash was taken, wherever it is fetched from. */
  let tampered = false;
  /**
   * What the owner uploaded to their own folder, when only some files (the self-check case: the
   * one file alone); null serves the whole folder. (The other cases keep the whole folder: a
   * one-file site whose page makes samtykke print a message asks for samtykke-help.js beside it,
   * and without it the message prints its one-line form after a 404.)
   */
  let uploaded: string[] | null = null;
  const tabs: Tab[] = [];

  /**
   * A file of the version's folder on the Pages stand-in, or of the owner's copy of it,
   * downloaded from there. `pagesCors`: GitHub Pages sends the header with every file, and the
   * face's integrity check needs it from the owner's domain; the owner's own site sends none.
   */
  const fromSite = (path: string, pagesCors: boolean): Promise<Answer> =>
    fetch(pages().origin + '/' + versionDir(release.version) + path).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type') ?? 'text/plain',
      headers: (pagesCors ? { 'access-control-allow-origin': '*' } : {}) as Record<string, string>,
      body: (await r.text()) + (tampered && path === 'samtykke.js' ? '\n;window.__tampered = true;' : ''),
    }));

  /**
   * The owner's site with the configurator's paste for `hosting` in its header code, opened in a
   * fresh profile: the inline form, as the configurator offers it first, or the single tag.
   */
  async function visit(hosting: Hosting, query = '', only: string[] | null = null, form: 'inline' | 'sync' = 'inline'): Promise<Tab> {
    const tag = pasteTag(SETTINGS, scriptFile(hosting, release, OWN_FOLDER), form === 'inline' ? startScript : null);
    uploaded = only;
    site.serve({ '/': webnodePage(tag), '/personvern/': webnodePage(tag) });
    const tab = await engine.open();
    tabs.push(tab);
    await tab.goto(ORIGIN + '/' + query);
    return tab;
  }

  describe(`${label}: the owner's path (Webnode, SRI on)`, () => {
    // Inside the describe, so each engine runs only while its own tests do.
    beforeAll(async () => {
      // This version's sri.json, as the configurator reads it from the site.
      release = (await (await fetch(`${pages().origin}/${versionDir(version)}${SRI_MANIFEST}`)).json()) as Release;
      // The start the configurator writes inline, as it reads it from the same folder.
      startScript = await (await fetch(`${pages().origin}/${versionDir(version)}${START}`)).text();
      site = await startSite((url) => {
        if (url.origin === WEBNODE_CDN) {
          const answer = webnodeAsset(url.pathname);
          return answer && Promise.resolve(answer);
        }
        const folder = new URL(pagesUrl(release.version));
        const onPages = url.origin === folder.origin && url.pathname.startsWith(folder.pathname);
        const onOwnSite = url.origin === ORIGIN && url.pathname.startsWith(OWN_FOLDER);
        const file = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
        if (onOwnSite && uploaded && !uploaded.includes(file)) return Promise.resolve({ status: 404, type: 'text/plain', body: 'not uploaded' });
        if (onPages || onOwnSite) return fromSite(file, onPages);
        return undefined;
      });
      engine = await start(site.proxy);
    });
    afterEach(async () => {
      tampered = false;
      await Promise.all(tabs.splice(0).map((t) => t.close()));
    });
    afterAll(async () => {
      await engine?.close();
      await site?.close();
    });

    it.each(['pages', 'file', 'folder'] as const)('%s: a first visit shows the banner, "Godta alle" loads Google, a reload keeps the choice', async (hosting) => {
      const tab = await visit(hosting);
      await waitFor('the banner', () => tab.shown('Godta alle'));
      // Webnode's own files ran, in order, and its look applies; the old snippet is held.
      expect(await webnodeRan(tab)).toEqual([['functions', 'inline', 'footer'], '7px']);
      expect(await gtagRuns(tab)).toEqual([]);
      const file = scriptFile(hosting, release, OWN_FOLDER).src;
      expect(site.requests.map((r) => r.url.href)).toContain(new URL(file, ORIGIN).href);

      expect(await adStorage(tab)).toBe('denied');
      // Nothing of it broke the page.
      expect((await pageConsole(tab)).filter((m) => !m.startsWith('warn: '))).toEqual([]);

      await tab.click('Godta alle');
      // Google's tag runs, once, with consent granted.
      await waitFor(`Google's tag for ${ADS}`, async () => (await gtagRuns(tab)).length > 0);
      expect(await gtagRuns(tab)).toEqual([SNIPPET_TAG]);
      expect(await adStorage(tab)).toBe('granted');

      await tab.goto(ORIGIN + '/');
      await waitFor('the choice, read back', () => decided(tab));
      await waitFor(`Google's tag for ${ADS}, with no click`, async () => (await gtagRuns(tab)).length > 0);
      expect(await gtagRuns(tab)).toEqual([SNIPPET_TAG]);
      expect(await adStorage(tab)).toBe('granted');
      expect(await tab.shown('Godta alle')).toBe(false);
    });

    it('file: an owner who uploaded samtykke.full.js alone still gets the self-check, from this version on the project\'s site', async () => {
      const tab = await visit('file', '?samtykke=sjekk', ['samtykke.full.js']);
      await waitFor('the self-check panel', () => tab.run(() => !!document.querySelector('samtykke-check')?.shadowRoot?.querySelector('h2'), undefined));
      // The check's hash rides in samtykke-help.js: with no help beside the file, the help and
      // then the check come from this version's folder on the project's site (the help may also be
      // asked for, beside and there, for the messages' texts).
      const asked = site.requests.map((r) => r.url.href);
      const pages = pagesUrl(release.version);
      expect(asked.filter((href) => href.endsWith('/samtykke-check.js'))).toEqual([pages + 'samtykke-check.js']);
      expect(asked.indexOf(pages + 'samtykke-help.js')).toBeGreaterThan(asked.indexOf(new URL(OWN_FOLDER + 'samtykke-help.js', ORIGIN).href));
      expect(asked.indexOf(pages + 'samtykke-help.js')).toBeLessThan(asked.indexOf(pages + 'samtykke-check.js'));
    });

    it('inline: a samtykke.js changed after its hash was taken is refused, and what the start held stays held', async () => {
      tampered = true;
      const tab = await visit('pages');
      // The load event waits for the async engine's request to end, refused here: nothing else could release what the start held.
      await waitFor('the page loaded', () => tab.run(() => document.readyState === 'complete', undefined));
      expect(site.requests.map((r) => r.url.href)).toContain(pagesUrl(release.version) + 'samtykke.js');
      expect(await tab.run(() => [typeof window.samtykke?.get, (window as unknown as { __tampered?: boolean }).__tampered ?? false, !!document.querySelector('samtykke-ui')], undefined)).toEqual(['undefined', false, false]);
      // The old snippet is held (never run, never asked for by a script), and Google was told "denied" by the start.
      expect(await gtagRuns(tab)).toEqual([]);
      expect(await tab.run((src) => document.querySelector(`script[data-samtykke-held][src="${src}"], script[data-samtykke-held][data-src="${src}"]`)?.getAttribute('type') ?? 'not held', SNIPPET_TAG)).toBe('text/plain');
      expect(await adStorage(tab)).toBe('denied');
      expect(await webnodeRan(tab)).toEqual([['functions', 'inline', 'footer'], '7px']);
    });

    it('single tag: a samtykke.js changed after its hash was taken is refused: no banner, and nothing samtykke would load runs', async () => {
      tampered = true;
      const tab = await visit('pages', '', null, 'sync');
      expect(site.requests.map((r) => r.url.href)).toContain(pagesUrl(release.version) + 'samtykke.js');
      // The old snippet, left pasted, runs on its own: the page was parsed to its end.
      await waitFor('the old snippet', async () => (await gtagRuns(tab)).length === 1);
      expect(await gtagRuns(tab)).toEqual([SNIPPET_TAG]);
      expect(await tab.run(() => [typeof window.samtykke, (window as unknown as { __tampered?: boolean }).__tampered ?? false, !!document.querySelector('samtykke-ui')], undefined)).toEqual(['undefined', false, false]);
      expect(await tab.shown('Godta alle')).toBe(false);
      // No face, help or log file fetched, and no consent state set: the engine never ran.
      expect(site.requests.map((r) => r.url.pathname).filter((p) => /samtykke-(face|help|log)/.test(p))).toEqual([]);
      expect(await adStorage(tab)).toBe('none');
      expect(await webnodeRan(tab)).toEqual([['functions', 'inline', 'footer'], '7px']);
    });
  });
}

