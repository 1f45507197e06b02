import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/src/app';
import { NO_PROXY } from '../../server/src/client-address';
import { silentLog } from '../../server/src/log';
import { openStore, type ConsentStore } from '../../server/src/store/store';

/** Where the demo's tag sends its log entries (`data-log-url`): the receiver, same origin. */
export const CONSENT_LOG_PATH = '/v1/consents';

/**
 * The consent log receiver (server/) inside the demo's dev server: the real app, mounted as
 * middleware, storing in an embedded PostgreSQL in a temporary directory that is removed on
 * close. It is opened on the first request, so a demo that never logs never starts it. The
 * origin allowed to post is the page's own (whatever host and port the dev server got), and the
 * read token is made up per run and handed to the debug panel in a `<meta>`.
 */
export function createDemoConsentLog() {
  const token = randomBytes(24).toString('hex');
  let opened: Promise<{ store: ConsentStore; dir: string }> | null = null;
  const apps = new Map<string, ReturnType<typeof getRequestListener>>();

  const listenerFor = async (origin: string) => {
    opened ??= mkdtemp(join(tmpdir(), 'samtykke-demo-log-')).then(async (dir) => ({ dir, store: await openStore({ databaseUrl: null, dataDir: dir }) }));
    const { store } = await opened;
    let listener = apps.get(origin);
    if (!listener) {
      const app: Hono = createApp({ store, config: { token, allowedOrigins: [origin], ratePerMinute: 0, globalRatePerMinute: 0, proxy: NO_PROXY, storePaths: true }, log: silentLog });
      listener = getRequestListener(app.fetch);
      apps.set(origin, listener);
    }
    return listener;
  };

  /** Connect-style handler; returns false for requests that are not for the receiver. */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (!(req.url ?? '').startsWith(CONSENT_LOG_PATH)) return false;
    // Same origin: the page is served by this dev server under the Host it asked for.
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    listenerFor(origin).then(
      (listener) => listener(req, res),
      (error: unknown) => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `demo log unavailable: ${String(error)}` })),
    );
    return true;
  }

  async function close(): Promise<void> {
    if (!opened) return;
    const { store, dir } = await opened;
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }

  return { token, handle, close };
}
