import { defineConfig } from 'vite';
import { samtykkeDemo, samtykkeDemoBuild } from './server/plugin';

/**
 * The demo's own config; the library's (vite.config.ts) knows nothing of it.
 * - `npm start` (`vite --config demo/vite.demo.config.ts --open`): the dev server, with
 *   /samtykke.js built from src/ and the offline Google stand-in.
 * - `npm run build:demo` (after `npm run build`): the demo as a static site in dist-demo/, with
 *   the built dist/samtykke.js and the stand-in service worker.
 */
export default defineConfig(({ command }) => ({
  root: new URL('.', import.meta.url).pathname,
  publicDir: false,
  server: { open: '/' },
  plugins: command === 'serve' ? [samtykkeDemo()] : [samtykkeDemoBuild()],
  build: {
    outDir: new URL('../dist-demo', import.meta.url).pathname,
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
