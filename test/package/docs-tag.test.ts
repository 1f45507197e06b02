import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsFromArgs } from '../../demo/configure/tag';
import { DOCS, markers, withTags } from '../../scripts/docs-tag.mjs';
import { browserAndStaticSite } from '../browser/harness';

/**
 * The example tag an owner copies from the README or the guide is the configurator's tag for
 * the same settings: `npm run docs:tag` writes each block after its marker from the one tag
 * function. The hash changes with every change to the source, so here only its form is held;
 * `npm run release:check` holds it exactly, on the commit that is released.
 */
const ROOT = new URL('../../', import.meta.url);
const INTEGRITY = /integrity="(sha384-[A-Za-z0-9+/]{64})"/;
/** The paste with its hash set aside, once the hash is checked to be one. */
function hashAside(tag: string): string {
  expect(tag).toMatch(INTEGRITY);
  return tag.replace(INTEGRITY, 'integrity="…"');
}
/** What `npm run -s tag -- <args>` prints. */
const command = (args: string[]) => execFileSync('node', ['scripts/tag.mjs', ...args], { cwd: ROOT, encoding: 'utf8' }).trimEnd();

const examples = DOCS.flatMap((doc: string) => markers(readFileSync(new URL(doc, ROOT), 'utf8')).map((m: { args: string[]; block: string | null }) => ({ doc, ...m })));

describe('the example tags in the README and the owner guide', () => {
  it('are in both, each block exactly what `npm run -s tag` prints for its marker, the hash aside', () => {
    for (const doc of DOCS) expect(examples.filter((e) => e.doc === doc).length, `${doc} has a <!-- samtykke-tag: … --> example`).toBeGreaterThan(0);
    for (const { doc, args, block } of examples) {
      expect(block, `${doc}: a \`\`\`html block right after the marker`).not.toBeNull();
      expect(hashAside(block!), `${doc}: ${args.join(' ')} (run \`npm run docs:tag\`)`).toBe(hashAside(command(args)));
    }
  });

  it('`npm run docs:tag` rewrites a stale block and adds a missing one, and leaves every other line as it was', async () => {
    const doc = ['# Guide', '<!-- samtykke-tag: --google-ads AW-1 -->', '```html', '<script src="old"></script>', '```', 'Between.', '<!-- samtykke-tag: --lang nn -->', 'After.', ''].join('\n');
    const made = await withTags(doc, async (args: string[]) => `<tag ${args.join(' ')}>\n<second line>`);
    expect(made).toBe(
      ['# Guide', '<!-- samtykke-tag: --google-ads AW-1 -->', '```html', '<tag --google-ads AW-1>', '<second line>', '```', 'Between.', '<!-- samtykke-tag: --lang nn -->', '```html', '<tag --lang nn>', '<second line>', '```', 'After.', ''].join('\n'),
    );
    // Run again, nothing changes.
    expect(await withTags(made, async (args: string[]) => `<tag ${args.join(' ')}>\n<second line>`)).toBe(made);
  });

  describe('the configurator', () => {
    const site = browserAndStaticSite();

    it('given each marker’s settings in Chromium, makes exactly the tag the command makes', async () => {
      expect(examples.length).toBeGreaterThan(0);
      for (const { doc, args } of examples) {
        const context = await site.browser.newContext();
        // Offline: jsDelivr and every other host answer nothing.
        await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
        try {
          const page = await context.newPage();
          await page.goto(site.server.origin + '/configure.html', { waitUntil: 'load' });
          // The form's own default address is not one of the marker's settings unless it says so.
          await page.fill('#privacyUrl', '');
          for (const [name, value] of Object.entries(settingsFromArgs(args).settings) as [string, string][]) {
            if (name === 'embeds') for (const id of value.split(/[\s,]+/)) await page.check(`input[name="embeds"][value="${id}"]`);
            else if (await page.locator(`select#${name}`).count()) await page.selectOption(`#${name}`, value);
            else if ((await page.getAttribute(`#${name}`, 'type')) === 'checkbox') await page.setChecked(`#${name}`, value === 'true');
            else await page.fill(`#${name}`, value);
          }
          // The form the marker asks for: the inline one is the configurator's default.
          if (args.includes('--sync')) {
            // The choice is folded away under the technical disclosure, which a helper opens first.
            await page.click('#technical > summary');
            await page.check('input[name="form"][value="sync"]');
          }
          const expected = command(args);
          await expect.poll(() => page.locator('#code').innerText(), { message: `${doc}: ${args.join(' ')}` }).toBe(expected);
        } finally {
          await context.close();
        }
      }
    });
  });
});
