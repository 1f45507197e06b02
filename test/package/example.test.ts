import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { launch } from '../browser/harness';

/**
 * examples/vite-ts, as a bundler user has it: the package from `npm pack` in its node_modules,
 * TypeScript strict over its public types, Vite's build, and the result in Chromium.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'samtykke-example-'));
const app = join(work, 'app');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function installPacked(): void {
  // --ignore-scripts: `npm test` has just built dist/; prepack would build it all again.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  cpSync(join(ROOT, 'examples/vite-ts'), app, { recursive: true, filter: (src) => !/node_modules|\/dist$/.test(src) });
  const target = join(app, 'node_modules/samtykke');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, filename), '-C', target, '--strip-components=1']);
}

describe('the Vite + TypeScript example', () => {
  it('typechecks (strict) and builds against the packed package, the bundle reads its config first, and the owner\'s check comes only when asked for', async () => {
    installPacked();
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { stdio: 'pipe' });
    await build({ root: app, configFile: false, logLevel: 'silent', build: { outDir: join(app, 'dist'), emptyOutDir: true } });

    const out = join(app, 'dist');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const assets = new Map(readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js')).map((f) => [`/assets/${f}`, readFileSync(join(out, 'assets', f), 'utf8')]));
    const main = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1] ?? '';
    // The owner's self-check is a lazy chunk of its own: the bundle every visitor runs has no panel.
    expect([...assets.keys()]).toHaveLength(2);
    expect(assets.get(main)).toBeDefined();
    expect(assets.get(main)).not.toContain('Kopier rapporten');

    const browser = await launch();
    try {
      const page = await browser.newPage();
      const fetched: string[] = [];
      await page.route('**/*', (route) => {
        const { pathname, origin } = new URL(route.request().url());
        if (origin !== 'https://example.test') return route.abort();
        // The page and its privacy page, which the check asks whether it answers.
        if (pathname === '/' || pathname === '/personvern/') return route.fulfill({ contentType: 'text/html', body: html });
        const js = assets.get(pathname);
        if (js === undefined) return route.fulfill({ status: 404 });
        fetched.push(pathname);
        return route.fulfill({ contentType: 'text/javascript', body: js });
      });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto('https://example.test/');
      // lang: 'en' came from the config module imported before samtykke.
      await page.waitForFunction(() => document.querySelector('samtykke-ui')?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang') === 'en');
      expect(await page.evaluate(() => typeof window.samtykke?.get)).toBe('function');
      await page.evaluate(() => window.samtykke!.rejectAll());
      await expect.poll(() => page.locator('#status').innerText()).toBe('Marketing: no');
      expect(fetched).toEqual([main]);

      // Asked for, the check's chunk is fetched and the panel opens, in the page's language.
      await page.goto('https://example.test/?samtykke=sjekk');
      await page.locator('samtykke-check h2').waitFor();
      expect(await page.locator('samtykke-check h2').innerText()).toBe('Check of the samtykke banner');
      expect(fetched.filter((f) => f !== main)).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
