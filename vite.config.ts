import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// `vite build` makes the one-tag IIFE; `vite build --mode esm` the bundler module. Both are
// self-contained: Preact and js-cookie are inlined, CSS travels inside the JS.
// Size (`npm run size`, `node scripts/analyze.mjs`): the savings that are safe at build
// level are below; the rest is in the source (see docs/performance.md).
export default defineConfig(({ command, mode }) => ({
  root: new URL('.', import.meta.url).pathname,
  publicDir: false,
  define: {
    __VERSION__: JSON.stringify(version),
    // The one-tag build runs in browsers, where `process` does not exist: fold any dependency's
    // `process.env.NODE_ENV` checks (dev-only warnings and hooks) away instead of shipping them.
    // The bundler build leaves it to the consumer's bundler, as libraries should.
    ...(command === 'build' && mode !== 'esm' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {}),
  },
  // The library's JSX as preact's `h(tag, props, ...children)` calls: shorter than the
  // automatic runtime's `jsx(tag, { ...props, children })`, and it needs no runtime module.
  // (Type checking and the tests use the automatic runtime of tsconfig.json; both make the
  // same elements.)
  oxc: { jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment' }, jsxInject: `import { h as jsxH, Fragment as JsxFragment } from 'preact'` },
  build: {
    outDir: 'dist',
    emptyOutDir: mode !== 'esm',
    target: 'es2020',
    minify: true,
    // CSS imported with `?inline` is minified with Lightning CSS to the same target as the JS.
    cssMinify: 'lightningcss',
    sourcemap: false,
    // One file, no preload helper. (Legal comments are already dropped when minifying.)
    modulePreload: false,
    lib:
      mode === 'esm'
        ? { entry: new URL('./src/index.ts', import.meta.url).pathname, formats: ['es'], fileName: () => 'samtykke.mjs' }
        : { entry: new URL('./src/iife.ts', import.meta.url).pathname, formats: ['iife'], name: 'samtykkeBundle', fileName: () => 'samtykke.js' },
  },
}));
