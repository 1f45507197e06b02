import { defineConfig } from 'vite';
import { samtykkeDemo, samtykkeDemoBuild } from './server/plugin';

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
export default defineConfig(({ command }) => ({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  publicDir: false,
  server: { open: '/' },
  plugins: command === 'serve' ? [samtykkeDemo()] : [samtykkeDemoBuild()],
  build: {
    outDir: new URL('../dist-site', import.meta.url).pathname,
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: new URL('index.html', import.meta.url).pathname,
        personvern: new URL('personvern.html', import.meta.url).pathname,
        configure: new URL('configure.html', import.meta.url).pathname,
      },
    },
  },
}));
