import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer, preview, type Plugin, type ViteDevServer } from 'vite';
import { createGoogleLog, LOG_PATH, type StandInHit } from './google-log.js';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface DemoServer {
  readonly origin: string;
  /** What the Google stand-in reported to this server, in order. */
  hits(): Promise<StandInHit[]>;
  clearHits(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One request to the stand-in's log on a connection of its own: fetch keeps sockets alive, and
 * one the server closes after its keep-alive timeout (a slow page visit in between) fails the
 * next call with ECONNRESET.
 */
function call(url: string, method: 'GET' | 'DELETE'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

async function logClient(origin: string): Promise<Pick<DemoServer, 'hits' | 'clearHits'>> {
  return {
    hits: async () => JSON.parse(await call(origin + LOG_PATH, 'GET')) as StandInHit[],
    clearHits: async () => void (await call(origin + LOG_PATH, 'DELETE')),
  };
}

/** `npm start` without the browser: Vite's dev server with the demo's config, on a free port. */
export async function startDevServer(): Promise<DemoServer> {
  const server: ViteDevServer = await createServer({
    configFile: ROOT + 'demo/vite.demo.config.ts',
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, ...(await logClient(origin)), close: () => server.close() };
}

/**
 * The demo as a static site: `vite build --config demo/vite.demo.config.ts` (pages + the built
 * files in v/<version>/ + sw.js) into a temporary folder, served by `vite preview` with the same
 * config (`npm run preview:site`), which answers every origin (CORS) as GitHub Pages does (the
 * configurator's preview has an opaque origin, and the engine fetches its parts over CORS to check
 * their hashes), and keeps the stand-in's log, as the dev server does.
 */
export async function startStaticServer(): Promise<DemoServer> {
  const out = await mkdtemp(join(tmpdir(), 'samtykke-demo-'));
  await build({ configFile: ROOT + 'demo/vite.demo.config.ts', logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  const log = createGoogleLog();
  const standInLog: Plugin = {
    name: 'samtykke-demo:stand-in-log',
    configurePreviewServer: (server) => void server.middlewares.use((req, res, next) => void (log.handle(req, res) || next())),
  };
  const server = await preview({
    configFile: ROOT + 'demo/vite.demo.config.ts',
    logLevel: 'silent',
    build: { outDir: out },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    plugins: [standInLog],
  });
  const { port } = server.httpServer.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    ...(await logClient(origin)),
    close: async () => {
      await server.close();
      await rm(out, { recursive: true, force: true });
    },
  };
}
