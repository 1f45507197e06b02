import type { Config } from '../config/types';
import { report } from '../core/report';
import type { ConsentStore } from '../core/store';
import type { EarlyChange } from '../effects/log-sender';
import type { FetchLog } from '../parts';

/**
 * The consent log, on sites that set `logUrl` only: its sender (`effects/log-sender.ts`) is a part the
 * tag fetches at start-up (or has at hand, in the one-file and bundler builds). A decision made
 * on this page before it arrives is kept, with its time, and handed over to be logged first.
 */
export function startLog(config: Config, store: ConsentStore, fetchLog: FetchLog, version: string): void {
  if (!config.logUrl) return;
  const early: EarlyChange[] = [];
  const stop = store.subscribe((next, prev, local) => local && early.push([next, prev, new Date().toISOString()]));
  fetchLog((logDecisions) => {
    stop();
    if (logDecisions) logDecisions(config, store, version, early);
    // Like the receiver being down, but for this page view only: nothing of it can be queued.
    else report('error', 'logUrl.part');
  });
}
