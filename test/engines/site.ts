import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { isGoogleTracking } from '../../src/config/trackers';
import { BUILT_FILES, DIST } from '../../scripts/built-files.mjs';
import { ORIGIN } from '../browser/harness';
import type { Engine, StartEngine, Tab } from './engine';

const DIST_URL = new URL(`../../${DIST}`, import.meta.url);

/** One request the browser made, with when (epoch ms), as the proxy saw it. */
export interface Request {
  readonly url: URL;
  readonly at: number;
}

export type Pages = Record<string, string | { body: string; headers: Record<string, string> }>;

/** Where the site's consent log takes entries: a stand-in that acknowledges each (201) and keeps it. */
export const LOG_PATH = '/logg/v1/consents';

/** One POST to the consent log, as the stand-in received it. */
export interface Logged {
  readonly body: string;
  /** The request's Cookie header, if it carried one. */
  readonly cookie: string | undefined;
}

export interface Site {
  /** `http://127.0.0.1:port`: every engine sends all its traffic here, https included. */
  readonly proxy: string;
  /** Every request since the last `serve()`, in order; nothing leaves the machine. */
  readonly requests: Request[];
  /**
   * Every host the browser opened a connection to for https since the last `serve()` (the
   * proxy's CONNECT), in order. A connection alone tells a host the visitor's address, even
   * when no request is sent through it.
   */
  readonly connections: string[];
  /** Every POST to the consent log (`LOG_PATH`) since the last `serve()`, in order. */
  readonly logged: Logged[];
  /**
   * The site's paths (such as a built file) that fail as the network does, the connection cut
   * with no answer, as a blocker or an outage would; emptied by `serve()`.
   */
  readonly unreachable: Set<string>;
  /** Replaces the site's pages (path → HTML, or HTML with headers such as a CSP) and clears the log. */
  serve(pages: Pages): void;
  /**
   * Resolves once no request and no https connection has reached the proxy for `ms`: what the
   * browser was doing has ended, so a check for "nothing was sent" after it sees a late leak as
   * well as a fixed wait would, and waits no longer than the browser keeps busy.
   */
  quiet(ms?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Stand-in for Google's gtag.js: records which URL ran, so a test sees each tag run exactly once.
 * Async scripts have `document.currentScript` while they run.
 */
const GTAG = `(window.__gtagRuns=window.__gtagRuns||[]).push(document.currentScript&&document.currentScript.src);`;

/** An answer from another host than the site (`startSite`'s `elsewhere`). */
export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

/**
 * The mock site and Google's hosts behind one HTTP proxy on 127.0.0.1, for engines with no
 * request interception (WebKitGTK) and, so all three engines see the same site, for the others
 * too. HTTPS is answered with a throwaway self-signed certificate the browsers are told to accept.
 * `elsewhere` answers what it knows (undefined: not its request) before the site does.
 */
export async function startSite(elsewhere?: (url: URL) => Promise<Answer> | undefined): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'samtykke-site-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=samtykke test site', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true });

  // Every built file at the site's root, as an owner uploads the folder: the tag fetches its face beside it.
  const built = new Map(BUILT_FILES.map(({ file }) => ['/' + file, readFileSync(new URL(file, DIST_URL), 'utf8')]));
  const requests: Request[] = [];
  const connections: string[] = [];
  const logged: Logged[] = [];
  const unreachable = new Set<string>();
  let pages: Pages = {};
  // When the proxy last saw the browser: a request or a connection (epoch ms).
  let lastSeen = Date.now();

  const answer = (req: IncomingMessage, res: ServerResponse, scheme: string) => {
    // Through a proxy, plain http arrives with an absolute URL; inside the tunnel, a path.
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host}`);
    requests.push({ url, at: (lastSeen = Date.now()) });
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    };
    if (isGoogleTracking(url)) return url.pathname === '/gtag/js' ? send(200, 'text/javascript', GTAG) : send(204, 'text/plain', '');
    // Other hosts (a CDN, the project's site), or the site's own paths, answered by the test.
    const other = elsewhere?.(url);
    if (other) return void other.then((a) => send(a.status, a.type, a.body, a.headers), () => res.destroy());
    if (url.origin !== ORIGIN) return send(404, 'text/plain', 'not found');
    if (unreachable.has(url.pathname)) return void res.destroy();
    if (url.pathname === LOG_PATH && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      return void req.on('end', () => {
        logged.push({ body, cookie: req.headers.cookie });
        send(201, 'application/json', '{"status":"stored"}');
      });
    }
    const file = built.get(url.pathname);
    if (file !== undefined) return send(200, 'text/javascript', file);
    const page = pages[url.pathname];
    if (page === undefined) return send(404, 'text/plain', 'not found');
    const { body, headers } = typeof page === 'string' ? { body: page, headers: {} } : page;
    send(200, 'text/html; charset=utf-8', body, headers);
  };

  const tunnelled = createTlsServer(tls, (req, res) => answer(req, res, 'https'));
  const proxy = createServer((req, res) => answer(req, res, 'http'));
  proxy.on('connect', (req, socket) => {
    connections.push(new URL(`https://${req.url}`).hostname);
    lastSeen = Date.now();
    // Whatever host the browser asked for, the TLS end is ours. A browser closing mid-request
    // resets the socket; that is no failure of the page.
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tunnelled.emit('connection', socket);
  });
  // Every socket the browsers opened, tunnels included: a tunnel is no longer the HTTP server's to
  // close, and a browser killed with its driver can leave one open, which would hold close() up.
  const sockets = new Set<Socket>();
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));

  return {
    proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    requests,
    connections,
    logged,
    unreachable,
    serve(next) {
      pages = next;
      requests.length = 0;
      connections.length = 0;
      logged.length = 0;
      unreachable.clear();
    },
    async quiet(ms = 250) {
      for (let since = Date.now() - lastSeen; since < ms; since = Date.now() - lastSeen) await new Promise((r) => setTimeout(r, ms - since));
    },
    close: () =>
      new Promise((done) => {
        proxy.close(() => done());
        tunnelled.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * The mock site and one engine on it, for the describe or test file that calls this (so each
 * engine runs only while its own tests do); tabs pushed to `tabs` close after each test.
 */
export function siteWithEngine(start: StartEngine): { readonly site: Site; readonly engine: Engine; readonly tabs: Tab[] } {
  const held = { tabs: [] as Tab[] } as { site: Site; engine: Engine; tabs: Tab[] };
  beforeAll(async () => {
    held.site = await startSite();
    held.engine = await start(held.site.proxy);
  });
  afterEach(async () => {
    await Promise.all(held.tabs.splice(0).map((t) => t.close()));
  });
  afterAll(async () => {
    await held.engine?.close();
    await held.site?.close();
  });
  return held;
}
