import type { Log } from './log.js';
import type { ConsentStore } from './store/store.js';

const DAY_MS = 86_400_000;

/**
 * Deletes entries older than the retention period, at start and then once a day. This is
 * the only deletion besides a visitor's erasure (DELETE /v1/consents/:id).
 */
export function scheduleRetention(store: ConsentStore, retentionDays: number, log: Log): () => void {
  const run = async () => {
    try {
      const deleted = await store.deleteReceivedBefore(new Date(Date.now() - retentionDays * DAY_MS));
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
