import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pasteTag } from '../../demo/configure/tag';
import { isGoogleTracking } from '../../src/config/trackers';
import { CHECK_FILE, DIST, HELP_FILE, SRI_MANIFEST, START_FILE } from '../../scripts/built-files.mjs';
import { ORIGIN, sitePage } from '../browser/harness';
import { sleep, type StartEngine, type Tab } from './engine';
import { siteWithEngine, type Pages } from './site';

/**
 * The owner's self-check (#23) in every engine, on the built files: the cases, read from
 * the panel as the owner sees it. Call once per engine, at the top level of a test file.
 */

const ATTRS = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/"';
const ADS_TAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
const SNIPPET = `<script async src="${ADS_TAG}"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','AW-123456789');</script>`;
const page = (options: Parameters<typeof sitePage>[0] = {}) => sitePage({ attrs: ATTRS, ...options });
const PAGES: Pages = { '/': page(), '/personvern/': page() };
const CSP = "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types samtykke";

interface Shown {
  readonly section: string;
  readonly tone: string;
  readonly text: string;
  readonly fix: string;
}

/** In the page: the panel's lines with their headings, or null while it is not there. Self-contained, as it is sent into the page. */
function readPanel(): Shown[] | null {
  const root = document.querySelector('samtykke-check')?.shadowRoot;
  if (!root?.querySelector('h2')) return null;
  let section = '';
  const lines: Shown[] = [];
  for (const el of Array.from(root.querySelectorAll('h3, h4, li'))) {
    if (el.localName !== 'li') section = el.textContent ?? '';
    else if (el.className) lines.push({ section, tone: el.className, text: el.querySelector('.badge + span')?.textContent ?? '', fix: el.querySelector('.fix')?.textContent ?? '' });
  }
  return lines;
}

/** The panel once `ready` holds of it (it reads the page again as the page makes requests); fails naming `what`. */
async function panelWhen(tab: Tab, what: string, ready: (lines: Shown[]) => boolean, ms = 10_000): Promise<Shown[]> {
  let last: Shown[] | null = null;
  let failed: unknown = null;
  for (const end = Date.now() + ms; Date.now() < end; await sleep(150)) {
    // The page may be between documents (the check reloads it); the last failure is kept and reported.
    try {
      last = await tab.run(readPanel, undefined);
      failed = null;
    } catch (error) {
      [last, failed] = [null, error];
    }
    if (last && ready(last)) return last;
  }
  throw new Error(`timed out waiting for the panel to show ${what}; it showed ${JSON.stringify(last)}`, { cause: failed });
}
const BUILT = new URL(`../../${DIST}`, import.meta.url);
/** The inline form first in `<head>`, as the configurator writes it (the guide's first paste). */
const inlinePage = () =>
  `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Stressfri</title>${pasteTag(
    { googleAds: 'AW-123456789', privacyUrl: '/personvern/' },
    { src: '/samtykke.js', integrity: (JSON.parse(readFileSync(new URL(SRI_MANIFEST, BUILT), 'utf8')) as { files: Record<string, string> }).files['samtykke.js']! },
    readFileSync(new URL(START_FILE, BUILT), 'utf8'),
  )}</head><body><main><h1>Stressfri</h1></main></body></html>`;
const privacyAnswered = (lines: Shown[]) => lines.some((l) => l.text.startsWith('Lenken til personvernsiden svarer'));
const notGreen = (lines: Shown[]) => lines.filter((l) => l.tone !== 'ok');

export function checkScenarios(label: string, start: StartEngine): void {
  const on = siteWithEngine(start);
  const visit = async (pages: Pages, path = '/?samtykke=sjekk'): Promise<Tab> => {
    on.site.serve(pages);
    const tab = await on.engine.open();
    on.tabs.push(tab);
    await tab.goto(ORIGIN + path);
    return tab;
  };
  const clickWhenShown = async (tab: Tab, name: string) => {
    for (const end = Date.now() + 5000; Date.now() < end && !(await tab.shown(name)); ) await sleep(100);
    await tab.click(name);
  };

  describe(`${label}: the owner’s self-check`, () => {
    it('a clean install: all green; the help fetched first, then the check with the hash it carries', async () => {
      const tab = await visit(PAGES);
      const lines = await panelWhen(tab, 'the privacy page answering', privacyAnswered);
      expect(notGreen(lines)).toEqual([]);
      expect(on.site.requests.map((r) => r.url.pathname).filter((p) => p === '/' + HELP_FILE || p === '/' + CHECK_FILE)).toEqual(['/' + HELP_FILE, '/' + CHECK_FILE]);
    });

    it('the inline form: named in Installasjon, its start known, all green', async () => {
      const tab = await visit({ '/': inlinePage(), '/personvern/': inlinePage() });
      const lines = await panelWhen(tab, 'the privacy page answering', privacyAnswered);
      expect(notGreen(lines)).toEqual([]);
      expect(lines.filter((l) => l.section === 'Installasjon').map((l) => l.text)).toEqual(
        expect.arrayContaining([
          'Koden fra samtykke-verktøyet står først i feltet for HTML-kode i Header, og resten av banneret lastes etterpå uten å gjøre siden tregere.',
          'Koden du limte inn, og filen den henter, hører til samme utgave.',
          'Alle filene til banneret kom fram og er uendret.',
        ]),
      );
    });

    it('a Google snippet pasted before the tag: red, with the fix', async () => {
      const tab = await visit({ ...PAGES, '/': page({ before: SNIPPET }) });
      const lines = await panelWhen(tab, 'the misplaced tag', (l) => l.some((x) => x.text.startsWith('Koden til banneret står feil')));
      expect(lines.find((l) => l.text.startsWith('Koden til banneret står feil'))).toMatchObject({ tone: 'bad', fix: expect.stringContaining('flytt koden til banneret over Google-koden') });
      expect(lines.find((l) => l.text.startsWith('Google-kode som banneret ikke styrer'))).toMatchObject({ tone: 'bad', text: expect.stringContaining(ADS_TAG) });
    });

    it('the tag async: red', async () => {
      const tab = await visit({ ...PAGES, '/': page({ attrs: `async ${ATTRS}` }) });
      const lines = await panelWhen(tab, 'the misplaced tag', (l) => l.some((x) => x.text.startsWith('Koden til banneret står feil')));
      expect(lines.find((l) => l.text.startsWith('Koden til banneret står feil'))).toMatchObject({ tone: 'bad', fix: expect.stringContaining('fjern ordet «async» fra koden til banneret') });
    });

    it('an unknown iframe: yellow, naming the host', async () => {
      const body = '<main><h1>Booking</h1><iframe src="https://booking.eksempel.test/widget" title="Bestill time"></iframe></main>';
      const tab = await visit({ ...PAGES, '/': page({ body }) });
      const lines = await panelWhen(tab, 'the unknown host', (l) => l.some((x) => x.text === 'Ukjent tredjepart: booking.eksempel.test'));
      expect(lines.find((l) => l.text === 'Ukjent tredjepart: booking.eksempel.test')).toMatchObject({ tone: 'warn', fix: expect.stringContaining('må den legges til som tjeneste') });
      expect(lines.filter((l) => l.tone === 'bad')).toEqual([]);
    });

    it('after "Avvis alle": no tracker requests, green', async () => {
      const tab = await visit(PAGES);
      await panelWhen(tab, 'itself', () => true);
      await clickWhenShown(tab, 'Avvis alle');
      const lines = await panelWhen(tab, 'the decision', (l) => l.some((x) => x.text.startsWith('Valget ble tatt')) && privacyAnswered(l));
      expect(notGreen(lines)).toEqual([]);
      expect(lines.filter((l) => l.section === 'Etter valget').map((l) => l.text)).toEqual(['Ingen forespørsler til andre nettsteder.']);
      expect(on.site.requests.filter((r) => isGoogleTracking(r.url))).toEqual([]);
    });

    it('after "Godta alle": Google’s requests listed as after consent', async () => {
      const tab = await visit(PAGES);
      await panelWhen(tab, 'itself', () => true);
      await clickWhenShown(tab, 'Godta alle');
      const lines = await panelWhen(tab, 'Google’s request', (l) => l.some((x) => x.text.startsWith('www.googletagmanager.com')));
      expect(lines.find((l) => l.text.startsWith('www.googletagmanager.com'))).toMatchObject({ section: 'Etter valget', tone: 'ok', text: expect.stringContaining('etter samtykke (Markedsføring)') });
      expect(lines.filter((l) => l.section === 'Før valget').map((l) => l.text)).toEqual(['Ingen forespørsler til andre nettsteder.']);
    });

    it('strict CSP with a nonce and Trusted Types enforced: the panel still works', async () => {
      const csp = { body: page({ attrs: `nonce="r4nd0m" ${ATTRS}` }), headers: { 'content-security-policy': CSP } };
      const tab = await visit({ '/': csp, '/personvern/': csp });
      const lines = await panelWhen(tab, 'the privacy page answering', privacyAnswered);
      expect(notGreen(lines)).toEqual([]);
      expect(lines.map((l) => l.text)).toContain('Koden til banneret har sidens sikkerhetsnøkkel, og bannerets egne filer og stiler får den samme.');
    });

    it('samtykke.full.js fetches the check only when asked, from beside it: all green', async () => {
      const full = page().replace('src="/samtykke.js"', 'src="/samtykke.full.js"');
      const tab = await visit({ '/': full, '/personvern/': full });
      const lines = await panelWhen(tab, 'the privacy page answering', privacyAnswered);
      expect(notGreen(lines)).toEqual([]);
      expect(lines.map((l) => l.text)).toContain('Hele banneret er i én fil; sjekken hentes bare når du ber om den.');
      expect(on.site.requests.map((r) => r.url.pathname)).toContain('/' + CHECK_FILE);
    });

    it('a page without the parameter never requests samtykke-check.js', async () => {
      const tab = await visit(PAGES, '/');
      await clickWhenShown(tab, 'Avvis alle');
      // Our parts are inserted before `load`, which waits for them: by then any request was made.
      await tab.goto(ORIGIN + '/personvern/');
      expect(on.site.requests.map((r) => r.url.pathname)).not.toContain('/' + CHECK_FILE);
      // Nor the help, which carries the check's hash: a clean page has nothing to say.
      expect(on.site.requests.map((r) => r.url.pathname)).not.toContain('/' + HELP_FILE);
      expect(await tab.run(() => !!document.querySelector('samtykke-check'), undefined)).toBe(false);
    });
  });
}
