import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { jsonLog } from './log.js';
import { scheduleRetention } from './retention.js';
import { openStore } from './store/store.js';

/** Starts the receiver from the environment; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const kind = config.databaseUrl ? 'postgresql' : 'embedded';
  let store;
  try {
    store = await openStore(config, jsonLog);
  } catch (error) {
    // Plain, on stderr, like a wrong setting: the one line an owner reads when the start fails.
    console.error(`samtykke-log: cannot open the ${kind} store: ${(error as Error).message}`);
    process.exit(1);
  }
  const stopRetention = scheduleRetention(store, config.retentionDays, jsonLog);
  const app = createApp({ store, config, log: jsonLog });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    jsonLog('info', 'listening', { port: info.port, store: kind });
  });
  const stop = () => {
    stopRetention();
    server.close(() => void store.close().then(() => process.exit(0)));
    // Idle keep-alive connections would hold the close open for their timeout.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
