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
  const store = await openStore(config);
  const stopRetention = scheduleRetention(store, config.retentionDays, jsonLog);
  const app = createApp({ store, config, log: jsonLog });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: process.env.HOST || '0.0.0.0' }, (info) => {
    jsonLog('info', 'listening', { port: info.port, store: config.databaseUrl ? 'postgresql' : 'embedded' });
  });
  const stop = () => {
    stopRetention();
    server.close(() => void store.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
