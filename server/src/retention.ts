import type { Log } from './log.js';
import type { ConsentStore } from './store/store.js';

const DAY_MS = 86_400_000;

/**
 * Deletes entries older than the retention period, at start and then once a day. This is
 * the only deletion besides a visitor's erasure (DELETE /v1/consents/:id). Whole UTC days go,
 * so each day's seal either stands or is marked expired (store.deleteReceivedBefore): an entry
 * is kept up to a day past the period.
 */
export function scheduleRetention(store: ConsentStore, retentionDays: number, log: Log): () => void {
  const run = async () => {
    try {
      const deleted = await store.deleteReceivedBefore(new Date(Math.floor(Date.now() / DAY_MS - retentionDays) * DAY_MS));
      log('info', 'retention', { retentionDays, deleted });
    } catch (error) {
      log('error', 'retention failed', { error: (error as Error).name });
    }
  };
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
