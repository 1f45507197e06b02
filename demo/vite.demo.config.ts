import { defineConfig } from 'vite';
import { GUIDE_PAGE, guidePagePlugin } from '../scripts/guide-page.mjs';
import { samtykkeDemo, samtykkeDemoBuild } from './server/plugin';

/**
 * The site's pages, at its root: the demo, its privacy page, the configurator and the owner's
 * guide. The guide exists only as docs/veiledning.md; scripts/guide-page.mjs makes the page in
 * `npm start` and `npm run build:site` alike.
 */
export const SITE_PAGES = ['index.html', 'personvern.html', 'configure.html', GUIDE_PAGE];
const page = (file: string) => new URL(file, import.meta.url).pathname;

/**
 * The demo's own config; the library's (vite.config.ts) knows nothing of it.
 * - `npm start` (`vite --config demo/vite.demo.config.ts --open`): the dev server, with
 *   /samtykke.js built from src/ and the offline Google stand-in.
 * - `npm run build:site` (after `npm run build`): the static site, demo and configurator, in
 *   dist-site/ with the pages and the stand-in service worker, and every built file with its
 *   sri.json in v/<version>/ (demo/server/plugin.ts).
 *   Every address is relative (`base: './'`), so it works from any folder of any static host,
 *   e.g. GitHub Pages' https://<owner>.github.io/samtykke/.
 */
export default defineConfig(({ command, isPreview }) => ({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  publicDir: false,
  server: { open: '/' },
  plugins: [guidePagePlugin(), command === 'serve' && !isPreview ? samtykkeDemo() : samtykkeDemoBuild()],
  build: {
    outDir: new URL('../dist-site', import.meta.url).pathname,
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries(SITE_PAGES.map((file) => [file.replace(/\.html$/, ''), page(file)])),
    },
  },
}));
