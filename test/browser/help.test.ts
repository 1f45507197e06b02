import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_FILE, DIST, HELP_FILE } from '../../scripts/built-files.mjs';
import { pagesUrl } from '../../scripts/versioned.mjs';
import { integrity } from '../../scripts/sri.mjs';
import { explained, siteFixture, sitePage, type Site } from './harness';

// The console messages' texts live in samtykke-help.js, which the tag fetches from its folder
// only when it has something to say: a site set up right never asks for it.
const sites = siteFixture();

const RIGHT = 'data-google-ads="AW-123456789" data-privacy-url="/personvern/"';
const WRONG_ID = 'data-google-ads="AW-12x" data-privacy-url="/personvern/"';
const EXPLAINED = 'error: [samtykke] googleAds: "AW-12x" is not a valid id; it looks like "AW-123456789". Nothing is loaded for it.';
const FALLBACK = `error: [samtykke] id.invalid googleAds "AW-12x" — the explanation is in ${HELP_FILE}, which could not be loaded from the samtykke tag's folder`;

const ours = async (s: Site) => (await explained(s)).filter((m) => m.includes('[samtykke]'));
const helpRequests = (s: Site) => s.parts.filter((p) => p === HELP_FILE);
/** Page errors (uncaught exceptions), collected from the first navigation on. */
const pageErrors = (s: Site) => {
  const errors: string[] = [];
  s.page.on('pageerror', (e) => errors.push(e.message));
  return errors;
};

/** Everything optional held: Google's tag never requested, even after "accept all". */
async function nothingOptionalRuns(s: Site) {
  await s.page.evaluate(() => window.samtykke?.acceptAll());
  await expect.poll(() => s.page.evaluate(() => window.samtykke?.get() ?? null)).not.toBeNull();
  expect(s.google.filter((r) => r.url.includes('/gtag/js'))).toEqual([]);
}

describe('a site set up right', () => {
  it('never requests samtykke-help.js, on a first visit or for a returning visitor', async () => {
    const s = await sites.open({ pages: { '/': sitePage({ attrs: RIGHT }) } });
    await s.goto('/');
    await expect.poll(() => s.page.getByRole('button', { name: 'Godta alle' }).isVisible()).toBe(true);
    await s.page.getByRole('button', { name: 'Godta alle' }).click();
    await expect.poll(() => s.google.some((r) => r.url.includes('/gtag/js'))).toBe(true);
    await s.goto('/');
    await expect.poll(() => s.page.getByRole('button', { name: 'Innstillinger for informasjonskapsler' }).isVisible()).toBe(true);
    expect(await ours(s)).toEqual([]);
    expect(helpRequests(s)).toEqual([]);
  });
});

describe('a wrong setting', () => {
  it('fetches the help once and prints the whole explanation; nothing optional runs', async () => {
    const s = await sites.open({ pages: { '/': sitePage({ attrs: WRONG_ID }) } });
    await s.goto('/');
    expect(await ours(s)).toEqual([EXPLAINED]);
    expect(helpRequests(s)).toEqual([HELP_FILE]);
    await nothingOptionalRuns(s);
  });

  it('several: one request, every message in the order it was reported', async () => {
    const attrs = 'data-foo-bar="1" data-validity-days="9999" data-privacy-url="/personvern/" data-revision="x!" data-reopen="middle"';
    const s = await sites.open({ pages: { '/': sitePage({ attrs }) } });
    await s.goto('/');
    expect(await ours(s)).toEqual([
      'warning: [samtykke] unknown attribute data-foo-bar is ignored.',
      'error: [samtykke] validityDays: must be a whole number from 1 to 395, not 9999. Using 182.',
      'error: [samtykke] reopen: "middle" is not allowed; use one of "bottom-left", "bottom-right", "none". Using "bottom-left".',
      'error: [samtykke] revision: "x!" must be 1–32 letters, digits, "-" or "_" (e.g. "2025-01"). Using "1".',
    ]);
    expect(helpRequests(s)).toEqual([HELP_FILE]);
  });

  for (const [what, answer] of [
    ['blocked', 'abort'],
    ['altered (its hash does not match)', `/* altered */${readFileSync(new URL(`../../${DIST}${HELP_FILE}`, import.meta.url), 'utf8')}`],
  ] as const) {
    it(`with the help ${what}: one line still names the setting and its value; nothing optional runs, no page error`, async () => {
      const s = await sites.open({ pages: { '/': sitePage({ attrs: WRONG_ID }) }, files: { [HELP_FILE]: answer } });
      const errors = pageErrors(s);
      await s.goto('/');
      expect(await ours(s)).toEqual([FALLBACK]);
      await nothingOptionalRuns(s);
      expect(errors).toEqual([]);
    });
  }

  it('the help loads under a strict CSP with a nonce and Trusted Types', async () => {
    const csp = "default-src 'self'; script-src 'nonce-r4nd0m'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types samtykke";
    const s = await sites.open({ pages: { '/': { body: sitePage({ attrs: `nonce="r4nd0m" ${WRONG_ID}` }), headers: { 'content-security-policy': csp } } } });
    await s.goto('/');
    const messages = await explained(s);
    expect(messages.filter((m) => m.includes('[samtykke]'))).toEqual([EXPLAINED]);
    expect(messages.filter((m) => /Trusted Type|Content Security Policy|Refused/i.test(m))).toEqual([]);
  });

  it('the tag carries the help’s integrity hash as built', () => {
    const hash = integrity(readFileSync(new URL(`../../${DIST}${HELP_FILE}`, import.meta.url)));
    expect(readFileSync(new URL(`../../${DIST}samtykke.js`, import.meta.url), 'utf8')).toContain(hash);
  });
});

describe('samtykke.full.js uploaded alone', () => {
  it('fetches the help from this version’s folder on the project’s site when it is not beside it, and prints the whole explanation', async () => {
    const built = (file: string) => readFileSync(new URL(`../../${DIST}${file}`, import.meta.url), 'utf8');
    const { version } = JSON.parse(built('sri.json')) as { version: string };
    const page = sitePage({ attrs: WRONG_ID }).replace('src="/samtykke.js"', 'src="/samtykke.full.js"');
    // Nothing beside it: the request for samtykke-help.js in its folder fails.
    const s = await sites.open({ pages: { '/': page, '/samtykke.full.js': { body: built('samtykke.full.js'), headers: { 'content-type': 'text/javascript' } } }, files: { [HELP_FILE]: 'abort' } });
    const fromSite: string[] = [];
    await s.page.route(pagesUrl(version) + HELP_FILE, (route) => {
      fromSite.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: built(HELP_FILE) });
    });
    await s.goto('/');
    await expect.poll(() => ours(s)).toEqual([EXPLAINED]);
    expect(helpRequests(s)).toEqual([HELP_FILE]);
    expect(fromSite).toEqual([pagesUrl(version) + HELP_FILE]);
    await nothingOptionalRuns(s);
  });

  it('opens the self-check from the project’s site too: the help from there, then the check with the hash the help carries', async () => {
    const built = (file: string) => readFileSync(new URL(`../../${DIST}${file}`, import.meta.url), 'utf8');
    const { version } = JSON.parse(built('sri.json')) as { version: string };
    const page = sitePage({ attrs: RIGHT }).replace('src="/samtykke.js"', 'src="/samtykke.full.js"');
    const s = await sites.open({ pages: { '/': page, '/samtykke.full.js': { body: built('samtykke.full.js'), headers: { 'content-type': 'text/javascript' } } }, files: { [HELP_FILE]: 'abort', [CHECK_FILE]: 'abort' } });
    const fromSite: string[] = [];
    await s.page.route(pagesUrl(version) + '*', (route) => {
      fromSite.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: built(new URL(route.request().url()).pathname.split('/').pop()!) });
    });
    await s.goto('/?samtykke=sjekk');
    await s.page.locator('samtykke-check h2').waitFor();
    expect(fromSite).toEqual([pagesUrl(version) + HELP_FILE, pagesUrl(version) + CHECK_FILE]);
    // The check's own files from the project's site are the banner's own, not an unknown third party.
    const host = new URL(pagesUrl(version)).hostname;
    const said = () => s.page.evaluate(() => document.querySelector('samtykke-check')!.shadowRoot!.textContent);
    await expect.poll(said).toContain(`Ingen forespørsler til andre nettsteder, utenom bannerets egne filer (fra ${host}).`);
    // No line of its own for that host (a request's line reads «host (skript, etter … s)»).
    expect(await said()).not.toContain(`${host} (`);
  });
});
