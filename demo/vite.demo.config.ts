import { defineConfig } from 'vite';
import { samtykkeDemoBuild } from './server/plugin';

/**
 * The demo as a static site (after `npm run build`): `npx vite build --config demo/vite.demo.config.ts`
 * writes dist-demo/ with the pages, the built dist/samtykke.js and the stand-in service worker.
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  publicDir: false,
  plugins: [samtykkeDemoBuild()],
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
});
