import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build, createServer, type ViteDevServer } from 'vite';
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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * The demo as a static site: `vite build --config demo/vite.demo.config.ts` (pages + the built
 * dist/samtykke.js + sw.js) into a temporary folder, served by a plain file server that also
 * keeps the stand-in's log, as the dev server does. It allows every origin (CORS), as GitHub
 * Pages does: the configurator's preview has an opaque origin, and the engine fetches its parts
 * over CORS to check their hashes.
 */
export async function startStaticServer(): Promise<DemoServer> {
  const out = await mkdtemp(join(tmpdir(), 'samtykke-demo-'));
  await build({ configFile: ROOT + 'demo/vite.demo.config.ts', logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  const log = createGoogleLog();
  const server: Server = createHttpServer((req, res) => {
    if (log.handle(req, res)) return;
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = normalize(join(out, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(out)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    ...(await logClient(origin)),
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await rm(out, { recursive: true, force: true });
    },
  };
}
