import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CHECK_FILE, DIST, HELP_FILE } from '../../scripts/built-files.mjs';
import { integrity } from '../../scripts/sri.mjs';
import { pasteTag } from '../../demo/configure/tag';
import { axe, FILES_ORIGIN, siteFixture, sitePage, type Site } from './harness';

/** The owner's self-check (#23) on the built files in Chromium: what the panel says on each kind of page. */

const ADS_TAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
/** Google's install snippet, pasted before the samtykke tag. */
const SNIPPET = `<script async src="${ADS_TAG}"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','AW-123456789');</script>`;
const STORAGE = 'Informasjonskapsler og lagring';
const PAGES = { '/': sitePage(), '/personvern/': sitePage() };
/** The guide's «Videoer og kart» markup, as the owner walk-through had it: held until Markedsføring, whether or not YouTube is ticked. */
const VIDEO = '<main><h1>Stressfri</h1><iframe data-samtykke="marketing" width="560" height="315" data-src="https://www.youtube.com/embed/abc" title="Video"></iframe></main>';
/** The yellow line for a YouTube video on a page whose tag does not name YouTube. */
const UNNAMED = 'Siden har en YouTube-video, men YouTube er ikke krysset av i samtykke-verktøyet, så banneret nevner den ikke for de besøkende.';

interface Shown {
  readonly section: string;
  readonly tone: string;
  readonly text: string;
  readonly fix: string;
}

/** The panel as the owner reads it: every line with the heading it is under, its colour, its text and its fix. */
async function panel(page: Page): Promise<{ summary: string; lines: Shown[] }> {
  await page.locator('samtykke-check h2').waitFor();
  return page.evaluate(() => {
    const root = document.querySelector('samtykke-check')!.shadowRoot!;
    let section = '';
    const lines: Shown[] = [];
    for (const el of Array.from(root.querySelectorAll('h3, h4, li'))) {
      if (el.localName !== 'li') section = el.textContent ?? '';
      else if (el.className)
        lines.push({ section, tone: el.className, text: el.querySelector('.badge + span')?.textContent ?? '', fix: el.querySelector('.fix')?.textContent ?? '' });
    }
    return { summary: root.querySelector('.summary')?.textContent ?? '', lines };
  });
}

const marked = (lines: Shown[], tone: string) => lines.filter((l) => l.tone === tone);
/** The panel has read the privacy page's answer: its last line to arrive on a page that makes no other request. */
const privacyAnswered = (p: { lines: Shown[] }) => p.lines.some((l) => l.text.startsWith('Lenken til personvernsiden svarer'));
/** Waits until the panel's reading satisfies `ok` (it reads again as the page makes requests). */
async function panelWhen(page: Page, ok: (p: { summary: string; lines: Shown[] }) => boolean): Promise<{ summary: string; lines: Shown[] }> {
  await expect.poll(async () => ok(await panel(page)), { timeout: 10_000 }).toBe(true);
  return panel(page);
}
/**
 * Whether the element shows whole in the viewport and is what a click reaches (through the shadow
 * roots) at its middle and just inside its top and bottom edges: nothing lies over it, and no
 * scrolling box cuts it off.
 */
const onTop = (l: Locator) =>
  l.evaluate((el) => {
    const box = el.getBoundingClientRect();
    if (box.height === 0 || box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) return false;
    const x = box.left + box.width / 2;
    return [box.top + box.height / 2, box.top + 3, box.bottom - 3].every((y) => {
      let hit = document.elementFromPoint(x, y);
      for (let inner = hit?.shadowRoot?.elementFromPoint(x, y); hit && inner && inner !== hit; inner = hit.shadowRoot?.elementFromPoint(x, y)) hit = inner;
      return !!hit && el.contains(hit);
    });
  });
const click = (site: Site, name: string) => site.page.getByRole('button', { name, exact: true }).click();

describe('the owner’s self-check (?samtykke=sjekk)', () => {
  const sites = siteFixture();

  it('a clean install: every line green, and axe finds nothing in the panel', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/?samtykke=sjekk');
    const { summary, lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('Lenken til personvernsiden svarer')));
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
    expect(summary).toBe('Ingen feil sett herfra.');
    expect(lines.map((l) => l.text)).toContain('Koden til banneret står én gang.');
    expect(lines.map((l) => l.text)).toContain('Alle filene til banneret kom fram og er uendret.');
    // Plain words for the owner: no markup, header names or browser terms in the panel.
    const shown = await site.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.textContent);
    expect(shown).not.toMatch(/<head>|<body>|async|defer|integrity|nonce|Content Security|Trusted Types|Resource Timing|_storage|localStorage|dataLayer|⟨/);
    expect(shown).toContain('En rød linje er et bevis. En grønn linje betyr «ingenting sett herfra»');
    expect(await axe(site.page)).toEqual([]);
  });

  it('a page without the parameter never requests samtykke-check.js', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/');
    await site.page.getByRole('button', { name: 'Avvis alle' }).click();
    await site.goto('/om-oss/');
    expect(site.parts).not.toContain('samtykke-check.js');
    // Nor the help, which carries the check's hash: a clean page has nothing to say.
    expect(site.parts).not.toContain('samtykke-help.js');
    expect(await site.page.locator('samtykke-check').count()).toBe(0);
  });

  it('asked for, the tag fetches samtykke-help.js (it knows its hash) and then samtykke-check.js with the hash the help carries', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/?samtykke=sjekk');
    await panel(site.page);
    expect(site.parts.filter((p) => p === 'samtykke-help.js' || p === 'samtykke-check.js')).toEqual(['samtykke-help.js', 'samtykke-check.js']);
  });

  /** The page asks for the check with one built file altered: what it requested, once the browser has refused that file by name. */
  async function withAltered(file: string) {
    const site = await sites.open({ pages: PAGES, files: { [file]: 'window.altered = true;' } });
    await site.goto('/?samtykke=sjekk');
    await expect.poll(() => site.console.some((m) => m.startsWith('error:') && m.includes(file))).toBe(true);
    expect(await site.page.evaluate(() => 'altered' in window)).toBe(false);
    expect(await site.page.locator('samtykke-check').count()).toBe(0);
    return site.parts;
  }

  it('an altered samtykke-check.js is refused: no panel, and the browser names the file', async () => {
    expect(await withAltered(CHECK_FILE)).toContain(CHECK_FILE);
  });

  it('an altered samtykke-help.js is refused, and the check is then never requested: its hash comes only from a help that passed', async () => {
    expect(await withAltered(HELP_FILE)).not.toContain(CHECK_FILE);
  });

  it('samtykke.check() and #samtykke-sjekk open it too, once', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/');
    await site.page.evaluate(() => window.samtykke!.check());
    await panel(site.page);
    await site.page.evaluate(() => window.samtykke!.check());
    expect(await site.page.locator('samtykke-check').count()).toBe(1);
    await site.goto('/personvern/#samtykke-sjekk');
    expect((await panel(site.page)).lines.length).toBeGreaterThan(0);
  });

  it('a Google snippet pasted before the tag: red, with the fix', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ before: SNIPPET }) } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.section === 'Før valget' && l.tone === 'bad'));
    const red = marked(lines, 'bad');
    expect(red.find((l) => l.text.startsWith('Koden til banneret står feil'))?.fix).toContain('flytt koden til banneret over Google-koden');
    expect(red.find((l) => l.text.startsWith('Google-kode som banneret ikke styrer'))?.text).toContain(ADS_TAG);
    expect(red.find((l) => l.section === 'Før valget')).toMatchObject({ text: expect.stringMatching(/^www\.googletagmanager\.com \(skript, etter [\d,]+ s\): hentet før den besøkende hadde valgt$/) });
    // The console's message in the owner's words, with the fix; its key only in the copied report.
    const said = await panelWhen(site.page, (p) => p.lines.some((l) => l.section === 'Beskjeder fra banneret' && l.tone === 'bad'));
    expect(said.lines.find((l) => l.section === 'Beskjeder fra banneret' && l.tone === 'bad')).toEqual({
      section: 'Beskjeder fra banneret',
      tone: 'bad',
      text: 'Koden til banneret står feil, så den ikke rekker å holde sporing tilbake. Til det er rettet, kjører ingenting valgfritt.',
      fix: 'Slik retter du det: Linjen om plasseringen under «Installasjon» sier hva du skal flytte.',
    });
    expect(await axe(site.page)).toEqual([]);
  });

  it('old Google code after the tag, fetched ahead from the HTML: one story — red with why, the fix names the Header field and skips step 2 (the ID is given), the install line, the held tag and the message say they are the same as the red line, without a badge asking for action, in the report too', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ head: SNIPPET }) }, permissions: ['clipboard-read', 'clipboard-write'] });
    await site.goto('/?samtykke=sjekk');
    const { summary, lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.section === 'Beskjeder fra banneret' && l.text.startsWith('Nettleseren hentet')));
    const red = marked(lines, 'bad');
    expect(red).toHaveLength(1);
    expect(red[0]).toMatchObject({ section: 'Før valget', text: expect.stringMatching(/^www\.googletagmanager\.com \(skript, etter [\d,]+ s\): hentet før den besøkende hadde valgt, fordi gammel kode for den står i sidens HTML\./) });
    expect(red[0]!.fix).toBe(
      'Slik retter du det: Fjern den gamle koden fra feltet for HTML-kode i Header, eller tøm Webnodes felt for Google Analytics hvis ID-en står der (steg 5 i veiledningen), og publiser. ID-en AW-123456789 er allerede med i koden fra samtykke-verktøyet, så banneret laster Google selv når den besøkende sier ja.',
    );
    // The install part points at that red line too: grey like the message, never a green «OK» beside a red fault.
    expect(lines.find((l) => l.text.startsWith('Ingen Google-kode har kjørt uten å gå gjennom banneret'))).toMatchObject({
      section: 'Installasjon',
      tone: 'same',
      text: expect.stringContaining('men filen ble hentet før den besøkende hadde valgt: se feilen under «Før valget».'),
    });
    // The console's word on it: the same story as the red line, said so, grey and without «Sjekk»; counted once, in the red.
    expect(lines.find((l) => l.section === 'Beskjeder fra banneret' && l.text.startsWith('Nettleseren hentet'))).toMatchObject({
      tone: 'same',
      text: expect.stringMatching(/fordi gammel kode for den står i sidens HTML.* Det samme som feilen under «Før valget»\.$/),
      fix: '',
    });
    // The old tag samtykke holds now, fetched all the same: listed as held, pointing at the red line too.
    expect(lines.filter((l) => l.section === 'Holdt tilbake nå')).toEqual([
      {
        section: 'Holdt tilbake nå',
        tone: 'same',
        text: 'www.googletagmanager.com (skript): holdt tilbake nå; venter på Markedsføring. Den ble hentet før banneret holdt den tilbake: se feilen under «Før valget».',
        fix: '',
      },
    ]);
    const badges = await site.page.locator('samtykke-check li.same .badge').allTextContents();
    expect(badges).toEqual(['', '', '']);
    expect(summary).toBe(`1 feil og ${marked(lines, 'warn').length} å sjekke.`);
    expect(await axe(site.page)).toEqual([]);
    // Listed where it is, but not again at the top: what to fix names the old code once.
    const first = await site.page.locator('samtykke-check .to-fix li').allTextContents();
    expect(first.filter((text) => text.includes('googletagmanager.com'))).toHaveLength(1);
    expect(first.join('\n')).not.toContain('Nettleseren hentet');
    // What the check cannot see is said as "not always", never as "cannot see what it just reported".
    const shown = await site.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.textContent);
    expect(shown).toContain('Den ser ikke alltid det nettleseren henter før noe på siden har kjørt');
    expect(shown).not.toMatch(/forhåndslasting|taggen|toppteksten/);
    await click(site, 'Kopier rapporten');
    await expect.poll(() => site.page.locator('samtykke-check [role=status]').textContent()).toBe('Rapporten er kopiert.');
    const report = await site.page.evaluate(() => navigator.clipboard.readText());
    expect(report).toMatch(/\n- Nettleseren hentet [^\n]*Det samme som feilen under «Før valget»\. \(leak\.preload\)\n/);
    expect(report).not.toMatch(/\[Sjekk\] Nettleseren hentet/);
  });

  it('speaks the page’s samtykke language: nynorsk and English', async () => {
    const site = await sites.open({ pages: { '/': sitePage({ lang: 'nn' }), '/en/': sitePage({ lang: 'en' }), '/personvern/': sitePage() } });
    await site.goto('/?samtykke=sjekk');
    expect((await panel(site.page)).lines.map((l) => l.text)).toContain('Koden til banneret står éin gong.');
    await site.goto('/en/?samtykke=sjekk');
    const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('The privacy page link answers')));
    expect(lines.map((l) => l.text)).toContain('The samtykke code is there once.');
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
  });

  it('the tag async: red, "remove async"', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs: 'async data-google-ads="AW-123456789" data-privacy-url="/personvern/"' }) } });
    await site.goto('/?samtykke=sjekk');
    const red = marked((await panel(site.page)).lines, 'bad');
    expect(red.find((l) => l.text.startsWith('Koden til banneret står feil'))?.fix).toContain('fjern ordet «async» fra koden til banneret');
  });

  it('the tag in <body>: yellow, "move it to <head>"', async () => {
    const inBody = '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Stressfri</title></head><body><script src="/samtykke.js" data-privacy-url="/personvern/"></script><main><h1>Stressfri</h1></main></body></html>';
    const site = await sites.open({ pages: { ...PAGES, '/': inBody } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panel(site.page);
    expect(lines.find((l) => l.text.startsWith('Koden til banneret står lenger ned på siden'))).toMatchObject({ tone: 'warn', fix: expect.stringContaining('Flytt koden øverst i feltet for HTML-kode i Header') });
  });

  it('an unknown iframe: yellow, naming its host', async () => {
    const body = '<main><h1>Booking</h1><iframe src="https://booking.eksempel.test/widget" title="Bestill time"></iframe></main>';
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ body }) } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panel(site.page);
    expect(marked(lines, 'bad')).toEqual([]);
    expect(marked(lines, 'warn').find((l) => l.text === 'Ukjent tredjepart: booking.eksempel.test')?.fix).toContain('må den legges til som tjeneste');
    expect(await axe(site.page)).toEqual([]);
  });

  it('a video pasted as plain code, loaded before the tag: red, and the fix is the guide’s «Videoer og kart», not a Google ID', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ before: '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>' }) } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.tone === 'bad' && l.text.startsWith('www.youtube.com (innebygd ramme')));
    const red = marked(lines, 'bad').find((l) => l.text.startsWith('www.youtube.com (innebygd ramme'))!;
    expect(red.fix).toContain('endre koden slik «Videoer og kart» i veiledningen viser');
    expect(red.fix).not.toContain('ID-en');
    // YouTube is not ticked either: said once, under the services named.
    expect(marked(lines, 'warn').filter((l) => l.text === UNNAMED).map((l) => l.section)).toEqual(['Innstillinger']);
    expect(await axe(site.page)).toEqual([]);
  });

  it('a video pasted as plain code after the tag, held by the engine without markup, YouTube not ticked: the same yellow line', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ body: '<main><iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe></main>' }) } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panelWhen(site.page, privacyAnswered);
    // Held unmarked: the engine's own mark and the address moved aside, no purpose of the owner's.
    expect(await site.page.locator('iframe').evaluate((el) => [el.hasAttribute('data-samtykke-held'), el.hasAttribute('data-samtykke'), el.getAttribute('data-src')])).toEqual([true, false, 'https://www.youtube.com/embed/abc']);
    expect(marked(lines, 'warn').filter((l) => l.text === UNNAMED).map((l) => l.section)).toEqual(['Innstillinger']);
    // The console's word on holding it asks for an id a video has none of: it points to that line instead, grey, uncounted.
    const said = await panelWhen(site.page, (p) => p.lines.some((l) => l.section === 'Beskjeder fra banneret' && l.text.includes('ble holdt tilbake')));
    expect(said.lines.find((l) => l.text.includes('ble holdt tilbake'))).toMatchObject({ tone: 'same', text: expect.stringMatching(/Det samme som linjen «Sjekk» under «Innstillinger»\.$/), fix: '' });
    expect(marked(said.lines, 'warn')).toEqual([expect.objectContaining({ text: UNNAMED })]);
  });

  it('a video pasted as plain code after the tag, held by the engine without markup, YouTube not ticked: «Holdt tilbake nå» lists it before and after «Godta alle», never «Ingenting holdes tilbake nå»', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ body: '<main><iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe></main>' }) } });
    await site.goto('/?samtykke=sjekk');
    const heldNow = (p: { lines: Shown[] }) => p.lines.filter((l) => l.section === 'Holdt tilbake nå');
    // Chromium starts the frame as the parser inserts it, before the engine holds it: whether or not
    // that request shows, the frame is held now, and the line says what would release it (nothing).
    const youtube = /^www\.youtube\.com \(innebygd ramme\): holdt tilbake (og aldri hentet|nå); ikke nevnt for besøkende, så ingen valg slipper den fram\./;
    const before = await panelWhen(site.page, privacyAnswered);
    expect(heldNow(before)).toEqual([expect.objectContaining({ text: expect.stringMatching(youtube) })]);
    await click(site, 'Godta alle');
    const after = await panelWhen(site.page, (p) => p.lines.some((l) => l.section === 'Etter valget' && l.text.startsWith('www.googletagmanager.com')));
    expect(await site.page.locator('iframe').getAttribute('data-samtykke-held')).not.toBeNull();
    expect(heldNow(after)).toEqual([expect.objectContaining({ text: expect.stringMatching(youtube) })]);
  });

  it('a video marked up as the guide shows, but YouTube not ticked in the tool: yellow under the services named, with the fix, counted and listed first; still so once «Godta alle» has released it', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ body: VIDEO }) } });
    await site.goto('/?samtykke=sjekk');
    const { summary, lines } = await panelWhen(site.page, privacyAnswered);
    const fix = 'Slik retter du det: Kryss av for YouTube i samtykke-verktøyet (steg 2 i veiledningen), lag koden på nytt og lim den inn i stedet for den gamle (steg 3 og 4).';
    const services = lines.findIndex((l) => l.text === 'Tjenester som nevnes for besøkende: Samtykke, Google Ads.');
    expect(lines[services + 1]).toEqual({ section: 'Innstillinger', tone: 'warn', text: UNNAMED, fix });
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([lines[services + 1]]);
    expect(summary).toBe('0 feil og 1 å sjekke.');
    expect(await site.page.locator('samtykke-check .to-fix li').allTextContents()).toEqual([`Sjekk ${UNNAMED}${fix}`]);
    expect(lines.filter((l) => l.section === 'Holdt tilbake nå').map((l) => l.text)).toEqual(['www.youtube.com (innebygd ramme): holdt tilbake og aldri hentet; venter på Markedsføring.']);
    // Released by the visitor's yes to Markedsføring, the frame has its address back: one line still, not one per state.
    await click(site, 'Godta alle');
    const after = await panelWhen(site.page, (p) => p.lines.some((l) => l.section === 'Etter valget' && l.text.startsWith('www.youtube.com')));
    expect(after.lines.filter((l) => l.text === UNNAMED)).toHaveLength(1);
    // Listed after the choice as released by the purpose it was marked with, though YouTube is not a service named; no longer held.
    expect(after.lines.find((l) => l.section === 'Etter valget' && l.text.startsWith('www.youtube.com'))).toMatchObject({
      tone: 'ok',
      text: expect.stringMatching(/^www\.youtube\.com \(innebygd ramme, etter [\d,]+ s\): etter samtykke \(Markedsføring\)$/),
    });
    expect(after.lines.filter((l) => l.section === 'Holdt tilbake nå').map((l) => l.text)).toEqual(['Ingenting holdes tilbake nå.']);
  });

  it('the same video with YouTube ticked in the tool (the tag’s embeds): named to visitors, and no such line', async () => {
    // What the configurator writes on the tag with YouTube ticked (demo/configure/model.ts).
    const attrs = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/" data-embeds="youtube"';
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs, body: VIDEO }) } });
    await site.goto('/?samtykke=sjekk');
    const { summary, lines } = await panelWhen(site.page, privacyAnswered);
    expect(lines.map((l) => l.text)).toContain('Tjenester som nevnes for besøkende: Samtykke, Google Ads, YouTube.');
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
    expect(summary).toBe('Ingen feil sett herfra.');
  });

  for (const form of ['sync', 'inline'] as const) {
    it(`a video the visitor shows with «Vis innhold» before answering the banner (${form} paste): listed as shown by that click, green and not counted, while no choice is made yet`, async () => {
      const attrs = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/" data-embeds="youtube"';
      const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs, body: VIDEO, form }) } });
      await site.goto('/?samtykke=sjekk');
      await panelWhen(site.page, privacyAnswered);
      await click(site, 'Vis innhold');
      const { summary, lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('www.youtube.com (innebygd ramme,')));
      expect(lines.filter((l) => l.text.startsWith('www.youtube.com (innebygd ramme,'))).toEqual([
        { section: 'Før valget', tone: 'ok', text: expect.stringMatching(/^www\.youtube\.com \(innebygd ramme, etter [\d,]+ s\): vist fordi den besøkende trykket «Vis innhold» i boksen banneret viste i stedet for den\. Det er et ja til akkurat dette innholdet, så det er ingen feil\.$/), fix: '' },
      ]);
      expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
      expect(summary).toBe('Ingen feil sett herfra.');
      expect(lines.find((l) => l.section === 'Etter valget')?.text).toBe('Ingen valg er tatt ennå: alt under skjedde før et valg.');
    });
  }

  it('a video the visitor shows with «Vis innhold» after «Avvis alle»: listed after the choice as shown by that click, not as fetched without a yes', async () => {
    const attrs = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/" data-embeds="youtube"';
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs, body: VIDEO }) } });
    await site.goto('/?samtykke=sjekk');
    await panelWhen(site.page, privacyAnswered);
    await click(site, 'Avvis alle');
    await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('Valget ble tatt')));
    await click(site, 'Vis innhold');
    const { summary, lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('www.youtube.com (innebygd ramme,')));
    expect(lines.filter((l) => l.text.startsWith('www.youtube.com (innebygd ramme,'))).toEqual([
      { section: 'Etter valget', tone: 'ok', text: expect.stringContaining(': vist fordi den besøkende trykket «Vis innhold»'), fix: '' },
    ]);
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
    expect(summary).toBe('Ingen feil sett herfra.');
  });

  it('a video loaded before the choice without «Vis innhold» (pasted as plain code, before the tag) stays red', async () => {
    const attrs = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/" data-embeds="youtube"';
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs, before: '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>' }) } });
    await site.goto('/?samtykke=sjekk');
    const { summary, lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('www.youtube.com (innebygd ramme,')));
    expect(lines.filter((l) => l.text.startsWith('www.youtube.com (innebygd ramme,'))).toEqual([
      { section: 'Før valget', tone: 'bad', text: expect.stringMatching(/: hentet før den besøkende hadde valgt$/), fix: expect.stringContaining('«Videoer og kart»') },
    ]);
    expect(summary).toMatch(/^1 feil/);
  });

  it('the banner’s own files fetched from another site (its folder there): not a fault, but «Før valget» says they came from there, not «no requests»', async () => {
    const page = sitePage().replace('src="/samtykke.js"', `src="${FILES_ORIGIN}/samtykke.js"`);
    const site = await sites.open({ pages: { ...PAGES, '/': page } });
    await site.goto('/?samtykke=sjekk');
    const { summary, lines } = await panelWhen(site.page, privacyAnswered);
    expect(lines.filter((l) => l.section === 'Før valget')).toEqual([
      { section: 'Før valget', tone: 'ok', text: 'Ingen forespørsler til andre nettsteder, utenom bannerets egne filer (fra filer.lager.test).', fix: '' },
    ]);
    expect(summary).toBe('Ingen feil sett herfra.');
  });

  it('right after the verdict, clean or not, one sentence asks to check each page with a video or map the same way; the limits do not say it again', async () => {
    const OTHER_PAGES = 'Sjekk også hver side med video, kart o.l. (?samtykke=sjekk).';
    /** The summary, what follows it, and the limits, as shown. */
    const verdict = (site: Site) =>
      site.page.evaluate(() => {
        const root = document.querySelector('samtykke-check')!.shadowRoot!;
        const summary = root.querySelector('.summary')!;
        return { summary: summary.textContent, next: summary.nextElementSibling?.textContent, limits: root.querySelector('.limits')?.textContent };
      });
    const clean = await sites.open({ pages: PAGES });
    await clean.goto('/?samtykke=sjekk');
    await panelWhen(clean.page, privacyAnswered);
    const video = '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>';
    const faulty = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs: 'data-google-ads="AW-123456789" data-privacy-url="/personvern/" data-embeds="youtube"', before: video }) } });
    await faulty.goto('/?samtykke=sjekk');
    await panelWhen(faulty.page, (p) => p.summary.startsWith('1 feil'));
    const [ok, bad] = [await verdict(clean), await verdict(faulty)];
    expect([ok.summary, ok.next]).toEqual(['Ingen feil sett herfra.', OTHER_PAGES]);
    expect([bad.summary, bad.next]).toEqual([expect.stringMatching(/^1 feil/), OTHER_PAGES]);
    expect(ok.limits).toContain('Sjekken gjelder denne sidevisningen i denne nettleseren.');
    expect(ok.limits).not.toMatch(/andre sidene|hver side/);
  });

  it('after "Avvis alle": no tracker requests, all green', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/?samtykke=sjekk');
    await panel(site.page);
    await click(site, 'Avvis alle');
    const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('Valget ble tatt')));
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
    expect(lines.filter((l) => l.section === 'Etter valget').map((l) => l.text)).toEqual(['Ingen forespørsler til andre nettsteder.']);
    expect(site.google).toEqual([]);
  });

  it('after "Godta alle": Google’s requests listed as after consent', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/?samtykke=sjekk');
    await panel(site.page);
    await click(site, 'Godta alle');
    const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.section === STORAGE && l.text.startsWith('_gcl_au')));
    expect(lines.filter((l) => l.section === 'Før valget').map((l) => l.text)).toEqual(['Ingen forespørsler til andre nettsteder.']);
    expect(lines.find((l) => l.text.startsWith('www.googletagmanager.com'))).toMatchObject({ section: 'Etter valget', tone: 'ok', text: expect.stringContaining('etter samtykke (Markedsføring)') });
    expect(lines.find((l) => l.section === STORAGE && l.text.startsWith('_gcl_au'))).toMatchObject({ tone: 'ok', text: '_gcl_au (informasjonskapsel): oppgitt under Google Ads.' });
  });

  describe('a choice changed on the same page (the reopen button): each request judged by the choice in force when it was made', () => {
    /** YouTube named; `reload: false` is the owner's setting for a withdrawal that does not reload the page. */
    const changing = (reload = true) => 'data-google-ads="AW-123456789" data-privacy-url="/personvern/" data-embeds="youtube"' + (reload ? '' : ' data-reload-on-withdraw="false"');
    const reopen = (site: Site) => site.page.getByRole('button', { name: 'Innstillinger for informasjonskapsler' }).click();
    /** The lines about what the page requested, before and after the choice. */
    const requested = (lines: Shown[]) => lines.filter((l) => l.section === 'Før valget' || l.section === 'Etter valget');
    const decided = (lines: Shown[]) => lines.filter((l) => l.section === 'Hva denne sidevisningen gjorde').map((l) => l.text);
    const NONE = { section: 'Før valget', tone: 'ok', text: 'Ingen forespørsler til andre nettsteder.', fix: '' };
    const AFTER_NONE = { ...NONE, section: 'Etter valget' };
    const consented = (host: string, kind: string) => ({ section: 'Etter valget', tone: 'ok', text: expect.stringMatching(new RegExp(`^${host.replaceAll('.', '\\.')} \\(${kind}, etter [\\d,]+ s\\): etter samtykke \\(Markedsføring\\)$`)), fix: '' });
    const UNDER_GRANT = [NONE, consented('www.googletagmanager.com', 'skript'), consented('www.youtube.com', 'innebygd ramme')];
    /** How the decision list starts: «Godta alle» on this page view, or stored before it. */
    const granted = (returning: boolean) =>
      expect.stringMatching(returning ? /^Valget ble tatt før denne sidevisningen \(.+\)\. Godtatt: Markedsføring\.$/ : /^Valget ble tatt etter [\d,]+ s på denne sidevisningen\. Godtatt: Markedsføring\.$/);
    const CHANGED_NOTE = 'Valget ble endret på denne sidevisningen. Hver forespørsel er vurdert etter valget som gjaldt da den ble gjort.';
    /** The panel has taken up «Avvis alle»: the decision it names refuses all. */
    const refused = (p: { lines: Shown[] }) => decided(p.lines).some((text) => text.endsWith('Avvist: alt som ikke er nødvendig.'));
    const panelText = (site: Site) => site.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.textContent);

    /** A fresh visitor's «Godta alle», or (`returning`) one stored on an earlier visit: the page with the check open, Google's tag and the video loaded under it. */
    async function underGrant(reload: boolean, returning: boolean): Promise<Site> {
      const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs: changing(reload), body: VIDEO }) } });
      if (returning) {
        await site.goto('/');
        await click(site, 'Godta alle');
        await site.settled();
      }
      await site.goto('/?samtykke=sjekk');
      if (!returning) {
        await panelWhen(site.page, privacyAnswered);
        await click(site, 'Godta alle');
      }
      const { lines } = await panelWhen(site.page, (p) => privacyAnswered(p) && p.lines.filter((l) => l.section === 'Etter valget').length === 2);
      expect(requested(lines)).toEqual(UNDER_GRANT);
      return site;
    }

    for (const returning of [false, true]) {
      const start = returning ? 'a returning visitor’s stored «Godta alle»' : '«Godta alle»';
      it(`${start}, then «Avvis alle» without a reload: what was fetched under the grant stays green after consent, not «hentet før den besøkende hadde valgt»; the change is listed and explained`, async () => {
        const site = await underGrant(false, returning);
        await reopen(site);
        await click(site, 'Avvis alle');
        const { lines } = await panelWhen(site.page, refused);
        expect(requested(lines)).toEqual(UNDER_GRANT);
        expect(marked(lines, 'bad')).toEqual([]);
        expect(decided(lines)).toEqual([granted(returning), expect.stringMatching(/^Valget ble endret etter [\d,]+ s\. Avvist: alt som ikke er nødvendig\.$/)]);
        expect(await panelText(site)).toContain(CHANGED_NOTE);
      });

      it(`${start}, then «Avvis alle» (the page reloads, as code had run): the new page view reads clean, the refusal made before it`, async () => {
        const site = await underGrant(true, returning);
        await reopen(site);
        await Promise.all([site.page.waitForEvent('load'), click(site, 'Avvis alle')]);
        const { lines } = await panelWhen(site.page, privacyAnswered);
        expect(requested(lines)).toEqual([NONE, AFTER_NONE]);
        expect(marked(lines, 'bad')).toEqual([]);
        expect(decided(lines)).toEqual([expect.stringMatching(/^Valget ble tatt før denne sidevisningen \(.+\)\. Avvist: alt som ikke er nødvendig\.$/)]);
      });
    }

    it('a tag that keeps sending after «Avvis alle» (no reload) is red: the withdrawal must stop it', async () => {
      const site = await underGrant(false, false);
      await reopen(site);
      await click(site, 'Avvis alle');
      await panelWhen(site.page, refused);
      await site.page.evaluate((url) => void fetch(url, { mode: 'no-cors' }), ADS_TAG + '&again=1');
      const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.tone === 'bad'));
      expect(marked(lines, 'bad')).toEqual([
        { section: 'Etter valget', tone: 'bad', text: expect.stringMatching(/^www\.googletagmanager\.com \(dataforespørsel, etter [\d,]+ s\): hentet uten at den besøkende sa ja$/), fix: expect.stringMatching(/^Slik retter du det: Koden til banneret er satt til ikke å laste siden på nytt når den besøkende trekker tilbake et ja.*\(steg 4\): da lastes siden på nytt, og koden stopper\.$/) },
      ]);
      // What was fetched under the grant is still green.
      expect(requested(lines).slice(0, 3)).toEqual(UNDER_GRANT);
    });

    it('«Avvis alle», «Vis innhold» on the video, then «Godta alle»: the video stays after the choice, shown by that click; Google after consent', async () => {
      const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ attrs: changing(), body: VIDEO }) } });
      await site.goto('/?samtykke=sjekk');
      await panelWhen(site.page, privacyAnswered);
      await click(site, 'Avvis alle');
      await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('Valget ble tatt')));
      await click(site, 'Vis innhold');
      await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('www.youtube.com (innebygd ramme,')));
      await reopen(site);
      await click(site, 'Godta alle');
      const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('www.googletagmanager.com')));
      expect(requested(lines)).toEqual([
        NONE,
        { section: 'Etter valget', tone: 'ok', text: expect.stringContaining(': vist fordi den besøkende trykket «Vis innhold»'), fix: '' },
        consented('www.googletagmanager.com', 'skript'),
      ]);
      expect(marked(lines, 'bad')).toEqual([]);
      expect(decided(lines)).toEqual([
        expect.stringMatching(/^Valget ble tatt etter [\d,]+ s på denne sidevisningen\. Avvist: alt som ikke er nødvendig\.$/),
        expect.stringMatching(/^Valget ble endret etter [\d,]+ s\. Godtatt: Markedsføring\.$/),
      ]);
    });
  });

  it('"Prøv som ny besøkende" clears only samtykke’s cookie and reloads with the check open', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/');
    await site.page.getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => site.cookieNames()).toContain('_gcl_au');
    await site.page.evaluate(() => window.samtykke!.check());
    await panel(site.page);
    await Promise.all([site.page.waitForURL('**/?samtykke=sjekk'), click(site, 'Prøv som ny besøkende')]);
    const { lines } = await panel(site.page);
    expect(lines.find((l) => l.text.startsWith('Ingen valg er tatt ennå'))).toBeDefined();
    expect(await site.cookieNames()).toEqual(expect.arrayContaining(['_gcl_au', '_ga']));
    expect(await site.cookieNames()).not.toContain('samtykke');
    // The Google cookie left from the earlier visit is now present without consent: red.
    expect(lines.find((l) => l.section === STORAGE && l.text.startsWith('_gcl_au'))).toMatchObject({ tone: 'bad' });
  });

  it('"Kopier rapporten" copies the report as plain text', async () => {
    const site = await sites.open({ pages: PAGES, permissions: ['clipboard-read', 'clipboard-write'] });
    await site.goto('/?samtykke=sjekk');
    await panel(site.page);
    await click(site, 'Kopier rapporten');
    await expect.poll(() => site.page.locator('samtykke-check [role=status]').textContent()).toBe('Rapporten er kopiert.');
    const text = await site.page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('samtykke-sjekk av https://www.stressfri.test/?samtykke=sjekk');
    expect(text).toContain('## Installasjon');
    expect(text).toContain('[OK] Koden til banneret står én gang.');
    // The technical terms are kept for whoever helps, in parentheses.
    expect(text).toMatch(/\[OK\] Alle filene til banneret kom fram og er uendret\. \(integrity: [^)]*samtykke-face\.nb\.js/);
    expect(text).toContain('- Sjekken ser det nettleseren selv noterer om hva siden hentet (Resource Timing).');
  });

  // The owner's screens: a phone, a laptop, a PC, an older PC, and a 1280×800 screen at 200 % zoom
  // (640×400 CSS px). Where the check list and the banner both fit, the banner shows whole below it.
  for (const { name, viewport, deviceScaleFactor = 1, whole } of [
    { name: '320×640', viewport: { width: 320, height: 640 }, whole: false },
    { name: '1280×720', viewport: { width: 1280, height: 720 }, whole: true },
    { name: '1280×800', viewport: { width: 1280, height: 800 }, whole: true },
    { name: '1024×768', viewport: { width: 1024, height: 768 }, whole: true },
    { name: '1280×800 at 200 %', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, whole: false },
  ])
    it(`at ${name} with the banner open: the panel's heading and first red line, «Kopier rapporten» and the banner's three buttons all show, nothing over them${whole ? ', the whole banner below the panel' : ''}; after the choice the panel takes the screen's height`, async () => {
      // Old Google code after the tag: one red line, and the banner as tall as on the owner's site.
      const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ head: SNIPPET }) }, viewport, deviceScaleFactor, permissions: ['clipboard-read', 'clipboard-write'] });
      await site.goto('/?samtykke=sjekk');
      await panelWhen(site.page, (p) => p.lines.some((l) => l.tone === 'bad'));
      const [accept, reject, customize] = ['Godta alle', 'Avvis alle', 'Tilpass'].map((name) => site.page.locator('samtykke-ui').getByRole('button', { name, exact: true }));
      await reject!.waitFor();
      const heading = site.page.locator('samtykke-check h2');
      const firstRed = site.page.locator('samtykke-check .to-fix button.bad-jump').first();
      const copy = site.page.getByRole('button', { name: 'Kopier rapporten' });
      await expect.poll(() => Promise.all([heading, firstRed, copy, accept!, reject!, customize!].map(onTop))).toEqual([true, true, true, true, true, true]);
      const bannerHeading = site.page.locator('samtykke-ui').getByRole('heading', { name: 'Informasjonskapsler' });
      const panelBottom = () => site.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.querySelector('section')!.getBoundingClientRect().bottom);
      const bannerTop = () => site.page.locator('samtykke-ui section.banner').evaluate((el) => el.getBoundingClientRect().top);
      expect([await onTop(bannerHeading), (await panelBottom()) <= (await bannerTop())]).toEqual([whole, whole]);
      expect(await axe(site.page)).toEqual([]);
      await copy.click();
      await expect.poll(() => site.page.locator('samtykke-check [role=status]').textContent()).toBe('Rapporten er kopiert.');
      // By keyboard too: focused, the banner's choice still shows whole, and Enter makes it.
      await reject!.focus();
      expect(await onTop(reject!)).toBe(true);
      await site.page.keyboard.press('Enter');
      await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('Valget ble tatt')));
      // The banner gone, the panel takes the height it has (to just above the reopen button where that lies under it).
      await expect.poll(async () => (await panelBottom()) / viewport.height).toBeGreaterThan(0.8);
    });

  it('a clean install at 1280×720 with the banner open: the panel’s heading and its summary (nothing to fix, and the other pages) above the whole banner, whose three buttons all show', async () => {
    const site = await sites.open({ pages: PAGES, viewport: { width: 1280, height: 720 } });
    await site.goto('/?samtykke=sjekk');
    await panelWhen(site.page, (p) => p.summary === 'Ingen feil sett herfra.' && p.lines.some((l) => l.text.startsWith('Lenken til personvernsiden svarer')));
    // The summary's word on the other pages with it.
    const shown = ['samtykke-check h2', 'samtykke-check .summary', 'samtykke-check .other-pages'].map((css) => site.page.locator(css));
    const banner = [site.page.locator('samtykke-ui').getByRole('heading', { name: 'Informasjonskapsler' })];
    for (const name of ['Godta alle', 'Avvis alle', 'Tilpass']) banner.push(site.page.locator('samtykke-ui').getByRole('button', { name, exact: true }));
    await expect.poll(() => Promise.all([...shown, ...banner].map(onTop))).toEqual([true, true, true, true, true, true, true]);
    const bottom = await site.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.querySelector('section')!.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(await site.page.locator('samtykke-ui section.banner').evaluate((el) => el.getBoundingClientRect().top));
  });

  it('a line at the top leads to its place below with its heading in view, and «Skjul detaljene» keeps the red and yellow lines with their fixes', async () => {
    const site = await sites.open({ pages: { ...PAGES, '/': sitePage({ before: SNIPPET }) }, viewport: { width: 1280, height: 800 } });
    await site.goto('/?samtykke=sjekk');
    await panelWhen(site.page, (p) => p.lines.some((l) => l.section === 'Før valget' && l.tone === 'bad'));
    const jumps = site.page.locator('samtykke-check .to-fix li');
    // The report grows as the snippet's script runs and sets its cookies (read again 300 ms after
    // each request): its last lines are the signal that it is whole.
    await expect.poll(async () => (await jumps.allTextContents()).filter((text) => /står før koden til banneret|fantes før et valg/.test(text)).length).toBe(2);
    const before = await jumps.allTextContents();
    expect(before.every((text) => text.includes('Slik retter du det:'))).toBe(true);
    await click(site, 'Skjul detaljene');
    expect(await site.page.locator('samtykke-check h3', { hasText: 'Installasjon' }).count()).toBe(0);
    expect(await jumps.allTextContents()).toEqual(before);
    // Led to a line while the details are hidden: they open, and the line shows below its heading, neither cut at the top.
    await site.page.locator('samtykke-check button.bad-jump').last().click();
    const shown = () =>
      site.page.evaluate(() => {
        const root = document.querySelector('samtykke-check')!.shadowRoot!;
        const line = root.activeElement as HTMLElement | null;
        if (!line || line.localName !== 'li') return 'no line focused';
        let heading = line.parentElement!.previousElementSibling;
        while (heading && !/^h[34]$/.test(heading.localName)) heading = heading.previousElementSibling;
        const body = root.querySelector('.body')!.getBoundingClientRect();
        const [l, h] = [line.getBoundingClientRect(), heading!.getBoundingClientRect()];
        return h.top >= body.top && l.top >= h.bottom && l.bottom <= body.bottom ? 'shown with ' + heading!.textContent : 'cut';
      });
    await expect.poll(shown).toBe('shown with Før valget');
  });

  it('is usable by keyboard: focus starts on its heading, Tab reaches its buttons, "Lukk sjekken" closes it', async () => {
    const site = await sites.open({ pages: PAGES });
    await site.goto('/?samtykke=sjekk');
    await panel(site.page);
    const focused = () => site.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe('Sjekk av samtykke-banneret');
    await site.page.keyboard.press('Tab');
    expect(await focused()).toBe('Prøv som ny besøkende');
    // Each of the two buttons that act carries what it does, beside it and as its description.
    const described = await site.page.evaluate(() => {
      const root = document.querySelector('samtykke-check')!.shadowRoot!;
      return Array.from(root.querySelectorAll('button[aria-describedby]')).map((b) => [b.textContent, root.getElementById(b.getAttribute('aria-describedby')!)?.textContent]);
    });
    expect(described).toEqual([
      ['Prøv som ny besøkende', 'Sletter bare bannerets egen informasjonskapsel (valget) og laster siden på nytt. Andre informasjonskapsler blir ikke slettet.'],
      ['Kopier rapporten', 'Som tekst, til den som hjelper deg.'],
    ]);
    const close = site.page.getByRole('button', { name: 'Lukk sjekken' });
    await close.focus();
    await site.page.keyboard.press('Enter');
    expect(await site.page.locator('samtykke-check').count()).toBe(0);
  });

  it('strict CSP with a nonce and Trusted Types enforced: the panel still works', async () => {
    const csp = "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types samtykke";
    const page = { body: sitePage({ attrs: 'nonce="r4nd0m" data-google-ads="AW-123456789" data-privacy-url="/personvern/"' }), headers: { 'content-security-policy': csp } };
    const site = await sites.open({ pages: { '/': page, '/personvern/': page } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('Lenken til personvernsiden svarer')));
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
    expect(lines.map((l) => l.text)).toContain('Koden til banneret har sidens sikkerhetsnøkkel, og bannerets egne filer og stiler får den samme.');
    expect(site.console.filter((m) => /Trusted Type|Content Security Policy|Refused/i.test(m))).toEqual([]);
  });

  it('the check’s hash as built is in samtykke-help.js, whose hash is in the tag: a chain, not a second hash in the tag', () => {
    const built = (file: string) => readFileSync(new URL(`../../${DIST}${file}`, import.meta.url));
    const tag = built('samtykke.js').toString();
    expect(built(HELP_FILE).toString()).toContain(integrity(built(CHECK_FILE)));
    expect(tag).toContain(integrity(built(HELP_FILE)));
    expect(tag).not.toContain(integrity(built(CHECK_FILE)));
  });
});

describe('the self-check of the inline form (the configurator’s first paste)', () => {
  const sites = siteFixture();
  const START = readFileSync(new URL(`../../${DIST}samtykke-start.js`, import.meta.url), 'utf8');
  const ENGINE = { src: '/samtykke.js', integrity: integrity(readFileSync(new URL(`../../${DIST}samtykke.js`, import.meta.url))) };
  /** The paste first in `<head>`, as the guide's step 4 has it, after `before`. */
  const inlinePage = ({ start = START, before = '' } = {}) =>
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Stressfri</title>${before}${pasteTag({ googleAds: 'AW-123456789', privacyUrl: '/personvern/' }, ENGINE, start)}</head><body><main><h1>Stressfri</h1></main></body></html>`;
  const install = (lines: Shown[]) => lines.filter((l) => l.section === 'Installasjon');

  it('names the inline form: first in the header, the rest loading without slowing the page; its version known; the engine checked; all green', async () => {
    const site = await sites.open({ pages: { '/': inlinePage(), '/personvern/': inlinePage() } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panelWhen(site.page, (p) => p.lines.some((l) => l.text.startsWith('Lenken til personvernsiden svarer')));
    expect(lines.filter((l) => l.tone !== 'ok')).toEqual([]);
    expect(install(lines).map((l) => l.text)).toEqual(
      expect.arrayContaining([
        'Koden fra samtykke-verktøyet står først i feltet for HTML-kode i Header, og resten av banneret lastes etterpå uten å gjøre siden tregere.',
        'Koden du limte inn, og filen den henter, hører til samme utgave.',
        'Koden fra samtykke-verktøyet står én gang.',
        'Alle filene til banneret kom fram og er uendret.',
      ]),
    );
  });

  it('code from another site before the paste: yellow, naming its host, with where to move the paste', async () => {
    const before = '<script src="https://widget.eksempel.test/w.js"></script>';
    const site = await sites.open({ pages: { '/': inlinePage({ before }), '/personvern/': inlinePage() } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panel(site.page);
    expect(install(lines).find((l) => l.tone === 'warn')).toEqual({
      section: 'Installasjon',
      tone: 'warn',
      text: 'Kode fra widget.eksempel.test kjører før koden til banneret, så banneret kan ikke holde den tilbake.',
      fix: 'Slik retter du det: Står den i feltet for HTML-kode i Header, flytt koden fra samtykke-verktøyet over den, helt øverst (steg 4 i veiledningen). Kommer den fra Webnode selv, kan den stå.',
    });
  });

  it('a start of a version this engine does not know: red, "make the code again in the tool"; listed first at the top, leading to its line', async () => {
    const newer = START.replace(/version:1\b/, 'version:99');
    expect(newer).not.toBe(START);
    const site = await sites.open({ pages: { '/': inlinePage({ start: newer }), '/personvern/': inlinePage() } });
    await site.goto('/?samtykke=sjekk');
    const { lines } = await panel(site.page);
    const red = install(lines).find((l) => l.tone === 'bad');
    expect(red).toMatchObject({ text: expect.stringContaining('hører til en annen utgave av banneret'), fix: expect.stringContaining('Lag koden på nytt i samtykke-verktøyet') });
    // At the top of the details, before everything in order: the red lines, each a button to its line.
    const jump = site.page.locator('samtykke-check .to-fix button').first();
    expect(await jump.textContent()).toContain('hører til en annen utgave av banneret');
    await jump.click();
    expect(await site.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.activeElement?.querySelector('.badge + span')?.textContent)).toBe(red!.text);
    expect(await axe(site.page)).toEqual([]);
  });
});
