/**
 * The offline Google stand-in: a service worker registered by the demo pages. Requests from a
 * page go through its service worker even when they are for another host, so this is the one
 * place that can answer www.googletagmanager.com & co. inside any Chromium, without a proxy,
 * a hosts file or browser flags. Every hit is reported to the page (debug panel) and to the
 * server (terminal log, tests).
 */
import { standInGtag } from './gtag';
import { isGoogleTracking as isGoogle } from '../../src/config/trackers';

interface Client {
  readonly url: string;
  postMessage(message: unknown): void;
}
interface FetchEvent {
  readonly request: Request;
  readonly clientId: string;
  respondWith(response: Promise<Response>): void;
  waitUntil(work: Promise<unknown>): void;
}
interface ExtendableEvent {
  waitUntil(work: Promise<unknown>): void;
  readonly data?: unknown;
}
interface Scope {
  readonly clients: { get(id: string): Promise<Client | undefined>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'install' | 'activate' | 'message', listener: (event: ExtendableEvent) => void): void;
}

const sw = self as unknown as Scope;
const LOG = '/__samtykke/google';

// A new version takes over at once, and pages already open come under it without a reload.
sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));
// A page opened with a hard reload starts uncontrolled; it asks to be claimed.
sw.addEventListener('message', (event) => {
  if (event.data === 'claim') event.waitUntil(sw.clients.claim());
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!isGoogle(url)) return; // everything else goes to the network as usual
  event.respondWith(answer(event, url));
});

async function answer(event: FetchEvent, url: URL): Promise<Response> {
  const client = event.clientId ? await sw.clients.get(event.clientId) : undefined;
  const hit = { url: url.href, at: Date.now(), page: client?.url ?? '' };
  client?.postMessage({ type: 'samtykke-standin', hit });
  // The server may be a plain static host without the log; the page still gets its answer.
  event.waitUntil(fetch(LOG, { method: 'POST', body: JSON.stringify(hit), headers: { 'content-type': 'application/json' } }).catch(() => undefined));

  if (url.hostname.endsWith('googletagmanager.com') && url.pathname === '/gtag/js') {
    const id = url.searchParams.get('id') ?? '';
    const body = `/* samtykke demo: offline stand-in for gtag.js?id=${id.replace(/[^\w-]/g, '')} — not Google's code */\n(${standInGtag.toString()})(${JSON.stringify(id)});\n`;
    return new Response(body, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } });
  }
  // Hits (images, beacons) get what Google usually sends back: nothing.
  return new Response(null, { status: 204 });
}
