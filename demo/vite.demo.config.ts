import { defineConfig } from 'vite';
import { samtykkeDemoBuild } from './server/plugin';

/**
 * The static site, demo and configurator (`npm run build:site`, after `npm run build`): writes
 * dist-site/ with the pages, every built file, sri.json and the stand-in service worker.
 * Every address is relative (`base: './'`), so it works from any folder of any static host,
 * e.g. GitHub Pages' https://<owner>.github.io/samtykke/.
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  publicDir: false,
  plugins: [samtykkeDemoBuild()],
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
});
