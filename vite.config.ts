import { readFileSync } from 'node:fs';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { CHECK_FILE, CHECK_MODULE, DIST, faceFile, HELP_FILE, LOG_FILE, LANGS, START_FILE } from './scripts/built-files.mjs';
import { pagesUrl } from './scripts/versioned.mjs';
import { integrity } from './scripts/sri.mjs';
import { recognisedSource } from './src/start/recognise';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// One build per file (`npm run build` runs them in this order):
// - `--mode face-nb|face-nn|face-en`: the face for one language (Preact, the UI, its texts);
// - `--mode check`: the owner's self-check (Preact, its panel), fetched only on `?samtykke=sjekk`;
// - `--mode help`: the texts of the console messages, fetched only when something is wrong, and the check's SRI hash;
// - `--mode log`: the consent log's sender, fetched on sites that set logUrl only;
// - `--mode start`: the inline start (no Preact, no js-cookie), which the owner pastes inline and which loads the engine;
// - `--mode engine`: the one tag, which carries the faces', the help's and the log's SRI hashes, so it comes after them;
// - `--mode full`: engine, face, log sender and check, all languages, one file for owners who upload only one (it fetches the help);
// - `--mode esm`: the bundler module, the full variant, with the help's texts in it;
// - `--mode check-esm`: the owner's self-check for it, samtykke-check.mjs, which it imports only when asked for.
// Each is self-contained: Preact and js-cookie are inlined, CSS travels inside the JS.
// Size (`npm run size`, `node scripts/analyze.mjs`): the savings that are safe at build
// level are below; the rest is in the source (see docs/performance.md).
const src = (file: string) => new URL('./src/entries/' + file, import.meta.url).pathname;

function lib(mode: string) {
  const lang = /^face-(nb|nn|en)$/.exec(mode)?.[1];
  if (lang) return { entry: src('face.ts'), formats: ['iife' as const], name: 'samtykkeFace', fileName: () => faceFile(lang) };
  if (mode === 'log') return { entry: src('log.ts'), formats: ['iife' as const], name: 'samtykkeLog', fileName: () => LOG_FILE };
  if (mode === 'check') return { entry: src('check.ts'), formats: ['iife' as const], name: 'samtykkeCheck', fileName: () => CHECK_FILE };
  if (mode === 'help') return { entry: src('help.ts'), formats: ['iife' as const], name: 'samtykkeHelp', fileName: () => HELP_FILE };
  if (mode === 'esm') return { entry: src('index.ts'), formats: ['es' as const], fileName: () => 'samtykke.mjs' };
  if (mode === 'check-esm') return { entry: CHECK_RUN, formats: ['es' as const], fileName: () => CHECK_MODULE };
  if (mode === 'full') return { entry: src('full.ts'), formats: ['iife' as const], name: 'samtykkeBundle', fileName: () => 'samtykke.full.js' };
  if (mode === 'start') return { entry: src('start.ts'), formats: ['iife' as const], name: 'samtykkeStart', fileName: () => START_FILE };
  if (mode === 'engine') return { entry: src('iife.ts'), formats: ['iife' as const], name: 'samtykkeBundle', fileName: () => 'samtykke.js' };
  // Any other mode (tools such as knip load the config as "development" or "production") builds no library.
  return undefined;
}

/** The owner's check itself: what samtykke-check.mjs exports. */
const CHECK_RUN = new URL('./src/check/run.ts', import.meta.url).pathname;

/**
 * The bundler module imports the owner's check from beside it, as a module of its own
 * (`--mode check-esm`) rather than a chunk split out of this build: a split made a third, shared
 * chunk of Preact and the engine's modules that every app would load. So an app that bundles
 * samtykke gets the check as a lazy chunk, fetched only on `?samtykke=sjekk`.
 */
const checkBeside = {
  name: 'samtykke-check-beside',
  enforce: 'pre' as const,
  resolveId: (source: string, importer?: string) => (source === '../check/run' && importer?.endsWith('/src/entries/index.ts') ? { id: './' + CHECK_MODULE, external: true } : null),
};

/**
 * The inline start is in every page's HTML, so it gets a second minifier: terser, after oxc,
 * folds the start's one-use functions into their callers, which oxc leaves apart (2 633 -> 2 525
 * B gzip; terser alone 2 558). Only its safe transforms, two passes (a third wins nothing). The
 * other files keep oxc alone: terser wins them little and costs build time.
 */
const terserAfter: Plugin = {
  name: 'samtykke-terser-after',
  async generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      // negate_iife off: the start stays `(function(){…})()`, which V8 compiles as it compiles the
      // script, instead of `!function(){…}()`, which it pre-parses and then parses again when it
      // runs a moment later (docs/performance.md, "The inline start's CPU"). Same bytes gzip.
      // hoist_funs: the function declarations first, where JavaScript hoists them anyway, so
      // they sit together and gzip finds more alike (−12 B gzip).
      if (chunk.type === 'chunk') chunk.code = (await minify(chunk.code, { ecma: 2020, compress: { passes: 2, negate_iife: false, hoist_funs: true } })).code ?? chunk.code;
    }
  },
};

const integrityOf = (file: string) => JSON.stringify(integrity(readFileSync(new URL(DIST + file, import.meta.url))));

export default defineConfig(({ command, mode }) => ({
  root: new URL('.', import.meta.url).pathname,
  publicDir: false,
  plugins: mode === 'esm' ? [checkBeside] : mode === 'start' ? [terserAfter] : [],
  define: {
    __VERSION__: JSON.stringify(version),
    // The face's language: one in a face file, all three in the full builds.
    __FACE_LANG__: JSON.stringify(/^face-(nb|nn|en)$/.exec(mode)?.[1] ?? 'all'),
    // The engine loads each face, the help and the log sender with its hash, so they are built (and hashed) first.
    // (The inline start carries none: the paste writes the face's hash on it, demo/configure/tag.ts.)
    ...(mode === 'engine' || mode === 'log' ? { __FACE_INTEGRITY__: `{${LANGS.map((l) => `${l}:${integrityOf(faceFile(l))}`).join(',')}}` } : {}),
    // What the start recognises, one expression (src/start/recognise.ts).
    ...(mode === 'start' ? { __RECOGNISED__: `/${recognisedSource()}/` } : {}),
    ...(mode === 'engine' ? { __LOG_INTEGRITY__: integrityOf(LOG_FILE) } : {}),
    ...(mode === 'engine' || mode === 'full' ? { __HELP_INTEGRITY__: integrityOf(HELP_FILE) } : {}),
    // The help carries the check's hash, so the tag needs only the help's (shell/load.ts).
    ...(mode === 'help' ? { __CHECK_INTEGRITY__: integrityOf(CHECK_FILE) } : {}),
    // The one-file build fetches the owner's check from this version's folder on the project's site
    // when it is not beside it; the check counts that site's files as the banner's own.
    ...(mode === 'full' || mode.startsWith('check') ? { __PAGES_FOLDER__: JSON.stringify(pagesUrl(version)) } : {}),
    // The one-tag build runs in browsers, where `process` does not exist: fold any dependency's
    // `process.env.NODE_ENV` checks (dev-only warnings and hooks) away instead of shipping them.
    // The bundler build leaves it to the consumer's bundler, as libraries should.
    ...(command === 'build' && !mode.endsWith('esm') ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {}),
  },
  // The library's JSX as preact's `h(tag, props, ...children)` calls: shorter than the
  // automatic runtime's `jsx(tag, { ...props, children })`, and it needs no runtime module.
  // (Type checking and the tests use the automatic runtime of tsconfig.json; both make the
  // same elements.)
  oxc: { jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment' }, jsxInject: `import { h as jsxH, Fragment as JsxFragment } from 'preact'` },
  build: {
    outDir: 'dist',
    // The first build of `npm run build` empties dist/; the others add to it.
    emptyOutDir: mode === 'face-nb',
    target: 'es2020',
    // The inline start is in every page's HTML: terser (two passes) folds its one-use functions
    // into their callers, which oxc leaves apart (2 633 -> 2 525 B gzip). The rest keep oxc:
    // it is fast, and terser wins them little.
    minify: true,
    // CSS imported with `?inline` is minified with Lightning CSS to the same target as the JS.
    cssMinify: 'lightningcss',
    sourcemap: false,
    // One file, no preload helper. (Legal comments are already dropped when minifying.)
    modulePreload: false,
    lib: command === 'build' ? lib(mode) : undefined,
    rolldownOptions: {
      // The JSX import above is injected into every module, so Preact must be known to have no
      // side effects of its own, or the engine would carry it without using it.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]preact[\\/]/.test(id) },
      // V8's compile hint (docs/performance.md, "Script during load: the compile hint"): nearly all the engine's and a face's functions run on load, so V8 compiles them while the file streams in, off the main thread.
      output: { postBanner: mode === 'engine' || mode.startsWith('face-') ? '//# allFunctionsCalledOnLoad' : undefined },
    },
  },
}));
