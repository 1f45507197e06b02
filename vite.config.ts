import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// `vite build` makes the one-tag IIFE; `vite build --mode esm` the bundler module. Both are
// self-contained: Preact and js-cookie are inlined, CSS travels inside the JS.
export default defineConfig(({ mode }) => ({
  root: 'demo',
  publicDir: false,
  define: { __VERSION__: JSON.stringify(version) },
  server: { open: '/' },
  build: {
    outDir: '../dist',
    emptyOutDir: mode !== 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib:
      mode === 'esm'
        ? { entry: new URL('./src/index.ts', import.meta.url).pathname, formats: ['es'], fileName: () => 'samtykke.mjs' }
        : { entry: new URL('./src/iife.ts', import.meta.url).pathname, formats: ['iife'], name: 'samtykkeBundle', fileName: () => 'samtykke.js' },
  },
}));
