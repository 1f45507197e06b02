import { describe, expect, it } from 'vitest';
import { isGoogleTracking } from '../../src/config/trackers';
import { ORIGIN, sitePage, type Form } from '../browser/harness';
import { focused, sleep, waitAcross, waitFor, type StartEngine, type Tab } from './engine';
import { LOG_PATH, siteWithEngine, type Pages } from './site';

const ATTRS = 'data-google-ads="AW-123456789" data-google-analytics="G-ABC123XYZ" data-privacy-url="/personvern/"';
const ADS_TAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
const ANALYTICS_TAG = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ';
/**
 * Before the tag, where an engine without a console channel (WebKitGTK) can still tell us:
 * every console.error / console.warn, every uncaught exception or rejection of the page, and
 * everything its Content Security Policy refused (which no script's console call reports).
 */
const CONSOLE_HOOK = `<script>window.__console=[];(function(){['error','warn'].forEach(function(l){var o=console[l];console[l]=function(){__console.push(l+': '+[].map.call(arguments,String).join(' '));return o.apply(console,arguments)}});addEventListener('error',function(e){__console.push('exception: '+e.message)});addEventListener('unhandledrejection',function(e){__console.push('rejection: '+e.reason)});addEventListener('securitypolicyviolation',function(e){__console.push('refused by the CSP: '+e.effectiveDirective+' '+e.blockedURI)})})()</script>`;
/**
 * Right after the tag: Consent Mode's queue as the page's next script finds it, written down
 * then (the engine later adds its wait to the default's own object).
 */
const LAYER_SEEN = `<script>window.__layerSeen=JSON.stringify([].map.call(window.dataLayer||[],function(e){return [].slice.call(e)}))</script>`;
/** Google's own install snippet, pasted after the tag unmodified, as an owner does. */
const PASTED = `<script async src="${ADS_TAG}"></script><script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', 'AW-123456789');</script>`;
/** A GTM-style loader in the body: it inserts its tag before the page's first script. */
const LOADER = `<script>(function(){var s=document.createElement('script');s.async=true;s.src='${ANALYTICS_TAG}';var f=document.getElementsByTagName('script')[0];f.parentNode.insertBefore(s,f);})();</script>`;

/** A YouTube video, as the owner pastes it into the page's HTML, or marked up as the README asks. */
const VIDEO = 'https://www.youtube-nocookie.com/embed/hnpQrMqDoqE';
const VIDEO_HOST = new URL(VIDEO).hostname;
const PASTED_VIDEO = `<iframe width="560" height="315" src="${VIDEO}" title="Tre minutter om stress" allowfullscreen></iframe>`;
const MARKED_VIDEO = `<iframe width="560" height="315" data-samtykke="marketing" data-src="${VIDEO}" title="Tre minutter om stress" allowfullscreen></iframe>`;

/** A script the owner marked as marketing: it runs (sets `__ran`) only once that is granted. */
const HELD = '<script type="text/plain" data-samtykke="marketing">window.__ran=1</script>';
const FACE = '/samtykke-face.nb.js';
const REOPEN = 'Innstillinger for informasjonskapsler';


const consent = (tab: Tab) => tab.run(() => window.samtykke!.get(), undefined);
const ran = (tab: Tab) => tab.run(() => (window as unknown as { __ran?: number }).__ran ?? 0, undefined);
const consoleLog = (tab: Tab) => tab.run(() => (window as unknown as { __console: string[] }).__console, undefined);
/**
 * The console once samtykke has printed what it reported: its texts come in
 * `samtykke-help.js`, fetched on the first message, so they print once that file is in.
 */
async function explained(tab: Tab): Promise<string[]> {
  await waitFor('samtykke-help.js', () => tab.run(() => !document.querySelector('script[src$="/samtykke-help.js"]'), undefined));
  return consoleLog(tab);
}
/**
 * How often this page loaded the face, answered by the network or by the browser's memory
 * cache (the proxy sees only the former): its resource timing entries.
 */
const faceLoads = (tab: Tab) => tab.run((path) => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === path).length, FACE);
const gtagRuns = (tab: Tab) => tab.run(() => (window as unknown as { __gtagRuns?: string[] }).__gtagRuns ?? [], undefined);
const cookies = (tab: Tab) => tab.run(() => document.cookie.split('; ').map((c) => c.split('=')[0]), undefined);
const where = (tab: Tab) => tab.run(focused, undefined);
/** Clicks a button once it is on screen (the banner comes once the page is parsed). */
async function clickWhenShown(tab: Tab, name: string): Promise<void> {
  await waitFor(`a button "${name}"`, () => tab.shown(name));
  await tab.click(name);
}
/** Tabs forward until `name` has focus; fails naming the stops on the way if it never does. */
async function tabTo(tab: Tab, name: string, max = 15): Promise<void> {
  const seen: string[] = [];
  while (seen.length < max) {
    await tab.press('Tab');
    seen.push((await where(tab)).name);
    if (seen.at(-1) === name) return;
  }
  throw new Error(`Tab never reached "${name}": ${seen.join(' → ')}`);
}

/** The scenarios' numbers. */
type Scenario = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/**
 * The scenarios every engine a Norwegian visitor uses must pass, on the built files: each on the
 * inline form (the configurator's first offer: dist/samtykke-start.js inline, the engine async),
 * and those in `singleTag` on the single synchronous tag too, in the same browser. Call once per
 * engine, at the top level of a test file.
 */
export function engineScenarios(label: string, start: StartEngine, { singleTag = [] }: { singleTag?: readonly Scenario[] } = {}): void {
  const on = siteWithEngine(start);

  /** A fresh profile on the mock site, opened at `/`; `unreachable` of its paths fail as the network does. */
  const visit = async (pages: Pages, unreachable: string[] = []): Promise<Tab> => {
    on.site.serve(pages);
    for (const path of unreachable) on.site.unreachable.add(path);
    const tab = await on.engine.open();
    on.tabs.push(tab);
    await tab.goto(ORIGIN + '/');
    return tab;
  };
  const reload = (tab: Tab) => tab.goto(ORIGIN + '/');
  /**
   * Resolves once the page has settled: two frames have passed (a decision's effects run within
   * one), then nothing has reached the proxy for a quarter of a second. "Nothing was sent" is
   * checked after it: a late leak is still seen, and the wait lasts only while the page is busy.
   */
  const settled = async (tab: Tab) => {
    await tab.run(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))), undefined);
    await on.site.quiet();
  };
  /** Google requests (URLs) made at or after `since` (epoch ms). */
  const google = (since = 0) => on.site.requests.filter((r) => isGoogleTracking(r.url) && r.at >= since).map((r) => r.url.href);
  /** What reached YouTube's host: each connection opened to it, then each request (URL). */
  const youtube = () => [...on.site.connections.filter((host) => host === VIDEO_HOST).map((host) => `connection to ${host}`), ...on.site.requests.filter((r) => r.url.hostname === VIDEO_HOST).map((r) => r.url.href)];
  /** samtykke's warnings that name the video. */
  const namesVideo = async (tab: Tab) => (await explained(tab)).filter((m) => m.includes(VIDEO));

  /** The scenarios on the paste in `form`, those `wanted` of them. */
  const scenarios = (form: Form, wanted: (n: Scenario) => boolean) => {
    const page = (options: { attrs?: string; before?: string; head?: string; body?: string } = {}) => sitePage({ attrs: ATTRS, before: CONSOLE_HOOK, form, ...options });
    const pages = (home = page()): Pages => ({ '/': home, '/personvern/': page() });
    /** A page with a video in its HTML; the tag lists YouTube, so the banner asks about it. */
    const videoPage = (frame: string): Pages => ({ '/': page({ attrs: `${ATTRS} data-embeds="youtube"`, body: `<main><h1>Video</h1>${frame}</main>` }) });
    /** The site's pages with its consent log on the site's own origin, where the consent cookie would go along if let. */
    const logPage = page({ attrs: `${ATTRS} data-log-url="${LOG_PATH}"` });
    const logPages: Pages = { '/': logPage, '/personvern/': logPage };
    const scenario = (n: Scenario, name: string, test: () => Promise<void>) => {
      if (wanted(n)) it(`${n}. ${name}`, test);
    };

    describe(`${label}, ${form === 'inline' ? 'the inline form' : 'the single tag'}`, () => {
      scenario(1, 'first visit: the banner shows, the denied default comes first, no Google request for 2 s', async () => {
        const opened = Date.now();
        const tab = await visit(pages(page({ head: LAYER_SEEN })));
        await waitFor('the banner', () => tab.shown('Godta alle'));
        // Already there when the page's next script ran (the inline form's engine is not yet here
        // then), and still first once the engine is.
        const seen = JSON.parse(await tab.run(() => (window as unknown as { __layerSeen: string }).__layerSeen, undefined)) as unknown[][];
        const first = await tab.run(() => Array.from((window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer[0]!), undefined);
        for (const entry of [seen[0]!, first]) {
          expect(entry.slice(0, 2)).toEqual(['consent', 'default']);
          expect(entry[2]).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
        }
        // The promise is about time itself (nothing for 2 s, however idle the page looks), so a fixed wait.
        await sleep(2000 - (Date.now() - opened));
        expect(google()).toEqual([]);
        expect(await cookies(tab)).not.toContain('samtykke');
      });

      scenario(2, '"Avvis alle": the banner goes, the choice is stored, no Google request; the next page has the reopen button only', async () => {
        const tab = await visit(pages());
        const clicked = Date.now();
        await clickWhenShown(tab, 'Avvis alle');
        await waitFor('the banner to go', async () => !(await tab.shown('Avvis alle')));
        // The banner goes at the next frame; the choice is stored right after it.
        await waitFor('the consent cookie', async () => (await cookies(tab)).includes('samtykke'));
        await settled(tab);
        await reload(tab);
        await waitFor('the reopen button', () => tab.shown('Innstillinger for informasjonskapsler'));
        expect(await tab.shown('Godta alle')).toBe(false);
        await settled(tab);
        expect(google(clicked)).toEqual([]);
      });

      scenario(3, '"Godta alle": gtag.js is requested only after the click, and again on the next page', async () => {
        const tab = await visit(pages());
        await waitFor('the banner', () => tab.shown('Godta alle'));
        // A request the page would make unasked comes before the click.
        await settled(tab);
        const clicked = Date.now();
        await tab.click('Godta alle');
        await waitFor('gtag.js to run', async () => (await gtagRuns(tab)).length === 1);
        expect(google()).toEqual([ADS_TAG]);
        expect(on.site.requests.find((r) => r.url.href === ADS_TAG)!.at).toBeGreaterThanOrEqual(clicked);
        const reloaded = Date.now();
        await reload(tab);
        await waitFor('gtag.js to run on the next page', async () => (await gtagRuns(tab)).length === 1);
        expect(google(reloaded)).toEqual([ADS_TAG]);
        expect(await tab.shown('Godta alle')).toBe(false);
      });

      scenario(4, 'zero-markup: a pasted Google snippet and a loader-inserted tag run nothing before consent, each once after', async () => {
        const tab = await visit({ '/': page({ head: PASTED, body: '<main><h1>Stressfri</h1></main>' + LOADER }), '/personvern/': page() });
        await waitFor('the banner', () => tab.shown('Godta alle'));
        await settled(tab);
        expect(await gtagRuns(tab)).toEqual([]);
        // The loader's tag was held before it was requested. The pasted one may be fetched by the
        // browser reading ahead of the parser; that runs nothing.
        expect(google()).not.toContain(ANALYTICS_TAG);
        // Both are held, so neither "comes before samtykke", though the loader put its tag there.
        expect((await consoleLog(tab)).filter((m) => m.includes('comes before samtykke'))).toEqual([]);
        await tab.click('Godta alle');
        await waitFor('both tags to run', async () => (await gtagRuns(tab)).length >= 2);
        // A third run, if there were one, is a request the proxy sees first.
        await settled(tab);
        expect((await gtagRuns(tab)).sort()).toEqual([ADS_TAG, ANALYTICS_TAG]);
      });

      scenario(5, 'keyboard: Tab reaches both choices; the preferences keep focus, close on Escape and give it back', async () => {
        const tab = await visit(pages());
        await waitFor('the banner', () => tab.shown('Godta alle'));
        // Each in turn, whatever their order: Tab goes on from where focus is.
        for (const name of ['Godta alle', 'Avvis alle', 'Tilpass']) await tabTo(tab, name);
        // Firefox over WebDriver BiDi: Enter on a focused <button> fires no click (a driver limit,
        // seen on plain pages too), so there the button reached by Tab is activated by a click.
        if (on.engine.keyActivates) await tab.press('Enter');
        else await tab.click('Tilpass');
        await waitFor('the preferences', async () => (await where(tab)).inDialog);
        for (const key of ['Tab', 'Shift+Tab'] as const) {
          for (let i = 0; i < 12; i++) {
            await tab.press(key);
            expect(await where(tab), `after ${i + 1} × ${key}`).toMatchObject({ inDialog: true });
          }
        }
        await tab.press('Escape');
        await waitFor('the preferences to close', async () => !(await where(tab)).dialogOpen);
        expect((await where(tab)).name).toBe('Tilpass');
        expect(await cookies(tab)).not.toContain('samtykke');
      });

      scenario(6, 'no console error and no exception from samtykke through a whole visit', async () => {
        const tab = await visit(pages());
        await clickWhenShown(tab, 'Tilpass');
        await waitFor('the preferences', async () => (await where(tab)).dialogOpen);
        await tab.press('Escape');
        await clickWhenShown(tab, 'Godta alle');
        await waitFor('gtag.js to run', async () => (await gtagRuns(tab)).length === 1);
        expect(await consoleLog(tab)).toEqual([]);
        await reload(tab);
        await clickWhenShown(tab, 'Innstillinger for informasjonskapsler');
        // Withdrawing what ran reloads the page (so Google's tag is gone); the new page marks itself.
        await tab.run(() => void ((window as unknown as { __old: boolean }).__old = true), undefined);
        await clickWhenShown(tab, 'Avvis alle');
        await waitAcross('the page to reload', () => tab.run(() => document.readyState === 'complete' && !('__old' in window), undefined));
        await waitFor('the reopen button', () => tab.shown('Innstillinger for informasjonskapsler'));
        expect(await consoleLog(tab)).toEqual([]);
      });

      scenario(7, 'the banner file is fetched only when needed, and loads under a CSP with a nonce', async () => {
        const csp = "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self' data:";
        // The page's own first script carries the nonce too, as it must under this policy.
        const strict = { body: page({ attrs: `nonce="r4nd0m" ${ATTRS}`, before: CONSOLE_HOOK.replace('<script>', '<script nonce="r4nd0m">') }), headers: { 'content-security-policy': csp } };
        const faces = (since = 0) => on.site.requests.filter((r) => r.url.pathname === FACE && r.at >= since).length;
        const tab = await visit({ '/': strict, '/personvern/': strict });
        // The banner is the face's: shown under the CSP, it was fetched and ran with the nonce.
        // Once: the inline start's preload of it (with the nonce) is what the engine's request took.
        await clickWhenShown(tab, 'Avvis alle');
        expect(faces()).toBe(1);
        // Nothing of samtykke's (the start, the engine, the preload, the face) was refused.
        expect(await consoleLog(tab)).toEqual([]);
        await waitFor('the consent cookie', async () => (await cookies(tab)).includes('samtykke'));
        const returned = Date.now();
        await reload(tab);
        await waitFor('the reopen button', () => tab.shown('Innstillinger for informasjonskapsler'));
        await settled(tab);
        expect([faces(returned), await faceLoads(tab)]).toEqual([0, 0]);
        // Opening the preferences loads it again (a fresh page), once, and they open from one
        // click. WebKitGTK may answer from its memory cache, where the first page's preload (the
        // inline form's) left the file, so no request reaches the proxy; the page's load is counted.
        await tab.click('Innstillinger for informasjonskapsler');
        await waitFor('the preferences', async () => (await where(tab)).dialogOpen);
        expect(await faceLoads(tab)).toBe(1);
        expect(faces(returned)).toBeLessThanOrEqual(1);
        expect(await consoleLog(tab)).toEqual([]);
      });

      scenario(8, 'a video marked up in the HTML: nothing reaches YouTube, not even a connection, until "Godta alle"', async () => {
        const tab = await visit(videoPage(MARKED_VIDEO));
        await waitFor('the placeholder', () => tab.shown('Vis innhold'));
        await settled(tab);
        expect(youtube()).toEqual([]);
        expect(await namesVideo(tab)).toEqual([]);
        await tab.click('Godta alle');
        // The proxy sees this frame's request: the empty list above was no blind spot.
        await waitFor('the video to be requested', async () => youtube().includes(VIDEO));
      });

      scenario(9, 'a video pasted unmarked into the HTML is held behind its placeholder; the console names it exactly when the browser reached YouTube first', async () => {
        const tab = await visit(videoPage(PASTED_VIDEO));
        await waitFor('the placeholder', () => tab.shown('Vis innhold'));
        await settled(tab);
        expect(await tab.run(() => [document.querySelector('iframe')!.getAttribute('src'), document.querySelector('iframe')!.getAttribute('data-src')], undefined)).toEqual([null, VIDEO]);
        // Chromium connects (at times it also sends the request) before any script can act;
        // Firefox and WebKit send nothing. Markup (scenario 8) is what holds it in every on.engine.
        const reached = youtube();
        expect(reached.length > 0, `reached YouTube: ${reached.join(', ')}`).toBe(on.engine.framesLoadOnInsert);
        // Named when it did (once), and no false alarm when it did not (the page has settled).
        await waitFor('the console to name what reached YouTube', async () => (await namesVideo(tab)).length === Math.min(reached.length, 1));
        expect(await namesVideo(tab)).toEqual(reached.length ? [expect.stringContaining(`${VIDEO} was requested before consent (by an <iframe>)`)] : []);
      });

      scenario(10, 'a first visit whose face cannot be had: one error, nothing runs; the reopen button tries again, and closing the preferences gives focus to the banner', async () => {
        const tab = await visit({ '/': page({ body: `<main><h1>Stressfri</h1></main>${HELD}` }) }, [FACE]);
        await waitFor('the reopen button', () => tab.shown(REOPEN));
        await waitFor('the error', async () => (await consoleLog(tab)).length > 0);
        expect(await explained(tab)).toEqual([expect.stringMatching(/^error: \[samtykke\] .*samtykke-face\.nb\.js/)]);
        expect(await tab.shown('Godta alle')).toBe(false);
        // It was asked for and failed (in the inline form the start's preload fails too).
        expect(on.site.requests.filter((r) => r.url.pathname === FACE).length).toBeGreaterThan(0);
        // The visitor's click tries again, and this time the file comes.
        on.site.unreachable.delete(FACE);
        const retried = Date.now();
        await tab.click(REOPEN);
        await waitFor('the preferences, with focus inside', async () => (await where(tab)).inDialog);
        expect(on.site.requests.filter((r) => r.url.pathname === FACE && r.at >= retried)).toHaveLength(1);
        // Closed without a choice: the banner asks, the button hides while it does, and focus goes
        // where closing the preferences opened from the banner puts it, on its "Tilpass".
        await tab.press('Escape');
        await waitFor('the preferences to close', async () => !(await where(tab)).dialogOpen);
        await waitFor('the banner', () => tab.shown('Godta alle'));
        expect(await tab.shown(REOPEN)).toBe(false);
        await waitFor('focus on the banner', async () => (await where(tab)).name === 'Tilpass');
        // A choice brings the button back, with focus on it.
        await tab.click('Avvis alle');
        await waitFor('the reopen button', () => tab.shown(REOPEN));
        await waitFor('focus on the reopen button', async () => (await where(tab)).name === REOPEN);
        expect(await consoleLog(tab)).toHaveLength(1);
        expect([google(), await gtagRuns(tab), await ran(tab)]).toEqual([[], [], 0]);
      });

      scenario(11, 'consent log: "Godta alle" sends it one entry with the choices, and no cookie', async () => {
        const tab = await visit(logPages);
        await clickWhenShown(tab, 'Godta alle');
        await waitFor('the log entry', async () => on.site.logged.length > 0);
        // A second entry would be a request the proxy sees.
        await settled(tab);
        const record = await consent(tab);
        expect(on.site.logged.map(({ body, cookie }) => ({ entry: JSON.parse(body) as unknown, cookie }))).toEqual([
          { entry: expect.objectContaining({ id: record!.id, time: record!.time, choices: { analytics: true, marketing: true }, path: '/' }), cookie: undefined },
        ]);
        // The cookie was there to be sent.
        expect(await cookies(tab)).toContain('samtykke');
        expect(await consoleLog(tab)).toEqual([]);
      });

      scenario(12, 'consent log: a page left right after "Godta alle" still has its entry logged, once, with no cookie', async () => {
        const tab = await visit(logPages);
        await waitFor('the banner', () => tab.shown('Godta alle'));
        // The way out in the click's own task, as a link in the banner's place would: the page goes before its next frame.
        await tab.run(() => addEventListener('click', () => location.assign('/personvern/'), { once: true }), undefined);
        await tab.click('Godta alle');
        await waitFor('the next page', () => tab.run(() => location.pathname === '/personvern/' && document.readyState === 'complete', undefined));
        const record = await consent(tab);
        expect(record?.choices).toEqual({ analytics: true, marketing: true });
        await waitFor('the log entry', async () => on.site.logged.length > 0);
        await settled(tab);
        // Sent again until acknowledged, so it may arrive more than once; the log keeps one per (id, time).
        const entries = on.site.logged.map(({ body }) => JSON.parse(body) as { id: string; time: string; choices: unknown });
        expect(new Set(entries.map((e) => `${e.id} ${e.time}`))).toEqual(new Set([`${record!.id} ${record!.time}`]));
        expect(entries[0]).toMatchObject({ choices: { analytics: true, marketing: true }, path: '/' });
        expect(on.site.logged.map((l) => l.cookie)).toEqual(on.site.logged.map(() => undefined));
      });
    });
  };

  scenarios('inline', () => true);
  if (singleTag.length) scenarios('sync', (n) => singleTag.includes(n));
}
