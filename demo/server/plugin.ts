import { readFile } from 'node:fs/promises';
import type { Plugin, ViteDevServer } from 'vite';
import { buildSamtykke, buildServiceWorker, SRC_DIR, SW_ENTRY } from './bundle.js';
import { CONSENT_LOG_PATH, createDemoConsentLog } from './consent-log.js';
import { createGoogleLog } from './google-log.js';
import { RELEASE_DIR, sriJson, VERSION } from './sri.js';
import { BUILT_FILES, CHECK_FILE, DIST, HELP_FILE, SRI_MANIFEST, START_FILE } from '../../scripts/built-files.mjs';

const STANDIN_DIR = SW_ENTRY.slice(0, SW_ENTRY.lastIndexOf('/') + 1);
const ROOT = new URL('../../', import.meta.url);

/** The pages' tag as written in demo/*.html (`src="samtykke.js"`), and where it points instead. */
const PAGE_TAG = /<script src="samtykke\.js"/g;
const VERSIONED_TAG = `<script src="${RELEASE_DIR}samtykke.js"`;

/**
 * Demo-only switches read before the samtykke tag runs: the debug panel stores a language and a
 * theme in sessionStorage and reloads, and this turns them into `window.samtykkeConfig`, which
 * is exactly how an owner would set them. Kept inline so it runs before the tag, like an owner's.
 */
const DEMO_SWITCHES = `(function(){/* samtykke demo only: the debug panel's language and colour switches */
var s={};try{s=JSON.parse(sessionStorage.getItem('samtykke-demo')||'{}')||{};}catch(e){}
var c={};if(s.lang)c.lang=s.lang;if(s.theme)c.theme=s.theme;
if(s.lang||s.theme)window.samtykkeConfig=Object.assign({},window.samtykkeConfig,c);
if(s.dark)document.documentElement.classList.add('demo-dark');})();`;

/**
 * Every page's `<head>`: the demo switches and the stand-in flag, and the tag pointed at this
 * version's folder (`v/<version>/samtykke.js`, relative), where the site keeps the released files
 * and the dev server serves its own. With `logToken` (the dev server, which runs a receiver:
 * consent-log.ts) the tag also gets `data-log-url`, as an owner's would, and the debug panel the
 * read token; the static site has no receiver, so its tags get neither.
 */
function htmlPlugin(realGoogle: boolean, logToken?: string): Plugin {
  const tag = logToken ? `${VERSIONED_TAG} data-log-url="${CONSENT_LOG_PATH}"` : VERSIONED_TAG;
  return {
    name: 'samtykke-demo:html',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => ({
        html: html.replace(PAGE_TAG, tag),
        tags: [
          { tag: 'meta', attrs: { name: 'samtykke-demo-google', content: realGoogle ? 'real' : 'stand-in' }, injectTo: 'head-prepend' },
          { tag: 'script', children: DEMO_SWITCHES, injectTo: 'head-prepend' },
          ...(logToken ? [{ tag: 'meta', attrs: { name: 'samtykke-demo-log-token', content: logToken }, injectTo: 'head-prepend' as const }] : []),
        ],
      }),
    },
  };
}

export interface DemoOptions {
  /** Let requests reach Google's real hosts instead of the stand-in (env SAMTYKKE_REAL_GOOGLE=1). */
  readonly realGoogle?: boolean;
}

/**
 * Everything the demo needs from the dev server (`npm start`):
 * - `/v/<version>/samtykke.js`, where the static site keeps this version's files: in dev the
 *   one-file build (src/entries/full.ts, engine and face) made on request (cached until src/ changes,
 *   then the page reloads), so the owner-style classic tag with data-* attributes just works;
 * - `/v/<version>/samtykke-help.js`: the console messages' texts as built (dist/), whose hash
 *   that build carries, fetched when a demo setting is wrong (by the configurator's preview too,
 *   whose opaque origin needs CORS: these files are served to any origin, as GitHub Pages does);
 * - `/v/<version>/samtykke-start.js`: the inline start as built, which the configurator reads (by
 *   its hash in sri.json) to offer the inline paste;
 * - `/sw.js`: the offline Google stand-in (demo/standin/sw.ts);
 * - `/v1/consents`: the consent log receiver (server/), which the pages' tag logs to;
 * - `/__samtykke/google`: the stand-in's log; `/v/<version>/sri.json`: the build's SRI hashes
 *   (dist/sri.json; `npm start` builds first), which the configurator puts in the tag;
 * - the demo switches and the stand-in flag in every page's `<head>`.
 */
export function samtykkeDemo(options: DemoOptions = {}): Plugin[] {
  const realGoogle = options.realGoogle ?? process.env.SAMTYKKE_REAL_GOOGLE === '1';
  let bundle: Promise<string> | null = null;
  let worker: Promise<string> | null = null;

  const consentLog = createDemoConsentLog();
  const engine = '/' + RELEASE_DIR + 'samtykke.js';

  const dev: Plugin = {
    name: 'samtykke-demo:dev',
    apply: 'serve',
    // Vite awaits this when the dev server closes: the receiver's temporary store goes with it.
    closeBundle: () => consentLog.close(),
    configureServer(server: ViteDevServer) {
      const log = createGoogleLog((line) => server.config.logger.info(line, { timestamp: true }));
      server.watcher.add([SRC_DIR, STANDIN_DIR]);
      const changed = (file: string) => {
        if (file.startsWith(SRC_DIR)) {
          bundle = null;
          // The tag is a classic script, not an ES module: a src/ change means a fresh page.
          server.ws.send({ type: 'full-reload' });
        }
        if (file.startsWith(STANDIN_DIR)) worker = null;
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);

      server.middlewares.use((req, res, next) => {
        if (log.handle(req, res) || consentLog.handle(req, res)) return;
        const path = (req.url ?? '').split('?')[0];
        if (path === '/' + RELEASE_DIR + SRI_MANIFEST) {
          // No build yet (`vite` run by hand): the configurator says so and leaves integrity out.
          sriJson().then(
            (json) => res.setHeader('content-type', 'application/json').end(json),
            () => res.writeHead(404).end(),
          );
          return;
        }
        const build =
          path === engine
            ? (bundle ??= buildSamtykke())
            : path === '/sw.js'
              ? (worker ??= buildServiceWorker())
              : // The parts the one-file build fetches beside it (the console's texts, the owner's check), and the start the configurator inlines, as built.
                [HELP_FILE, CHECK_FILE, START_FILE].find((file) => path === '/' + RELEASE_DIR + file)
                ? readFile(new URL(DIST + path.slice(path.lastIndexOf('/') + 1), ROOT), 'utf8')
                : null;
        if (!build) return next();
        build.then(
          (code) => {
            res.setHeader('content-type', 'text/javascript; charset=utf-8');
            res.setHeader('cache-control', 'no-store');
            // Any origin may fetch them (see above).
            res.setHeader('access-control-allow-origin', '*');
            // The stand-in must control the whole site, not just /.
            if (path === '/sw.js') res.setHeader('service-worker-allowed', '/');
            res.end(code);
          },
          (error: unknown) => {
            if (path === engine) bundle = null;
            else worker = null;
            server.config.logger.error(`samtykke demo: could not build ${path}: ${String(error)}`);
            res.statusCode = 500;
            res.setHeader('content-type', 'text/javascript; charset=utf-8');
            // Visible in the browser console too, instead of a silent 500.
            res.end(`console.error(${JSON.stringify(`[samtykke demo] ${path} failed to build: ${String(error)}`)});`);
          },
        );
      });
    },
  };

  return [{ ...htmlPlugin(realGoogle, consentLog.token), apply: 'serve' }, dev];
}

/**
 * The static site (demo/vite.demo.config.ts, `npm run build:site`, served by `npm run preview:site`): the pages and the stand-in's
 * sw.js at the root, and this version's built files with their dist/sri.json in `v/<version>/`,
 * the folder a tag points at for good (scripts/versioned.mjs). The root serves no samtykke file:
 * a tag pointed there would change under the owner with the next release.
 */
export function samtykkeDemoBuild(options: DemoOptions = {}): Plugin[] {
  const build: Plugin = {
    name: 'samtykke-demo:build',
    apply: 'build',
    async generateBundle() {
      const sri = await sriJson().catch(() => this.error(`samtykke site: ${DIST}${SRI_MANIFEST} is missing; run \`npm run build\` first.`));
      const built = (JSON.parse(sri) as { version: string }).version;
      // The folder is named for the version; files of another one would sit in it for good.
      if (built !== VERSION) this.error(`samtykke site: ${DIST} holds version ${built}, package.json says ${VERSION}; run \`npm run build\` first.`);
      for (const { file } of BUILT_FILES) {
        let source: Buffer;
        try {
          source = await readFile(new URL(DIST + file, ROOT));
        } catch {
          this.error(`samtykke site: ${DIST}${file} is missing; run \`npm run build\` first.`);
        }
        this.emitFile({ type: 'asset', fileName: RELEASE_DIR + file, source });
      }
      this.emitFile({ type: 'asset', fileName: RELEASE_DIR + SRI_MANIFEST, source: sri });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: await buildServiceWorker() });
    },
  };

  // `vite preview` of the built site (`npm run preview:site`) answers as GitHub Pages does: every
  // file to any origin (the configurator's preview, a sandboxed page of origin 'null', fetches this
  // version's files with crossorigin, and without the header shows no banner), and 404 for a path
  // it does not have, not the home page.
  const pages: Plugin = { name: 'samtykke-demo:pages', config: () => ({ appType: 'mpa', preview: { cors: true } }) };

  return [htmlPlugin(options.realGoogle ?? process.env.SAMTYKKE_REAL_GOOGLE === '1'), build, pages];
}
