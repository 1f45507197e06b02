import type { Config } from '../config/types';
import { whenIdle } from '../core/ready';
import { report } from '../core/report';
import type { ConsentStore } from '../core/store';
import type { EarlyChange } from '../effects/log-sender';
import type { FetchLog } from '../parts';

/**
 * The consent log, on sites that set `logUrl` only: its sender (`effects/log-sender.ts`) is a part the
 * tag fetches (or has at hand, in the one-file and bundler builds) in idle time after the first
 * paint, or at the first decision made on the page if that comes sooner. A decision made on this
 * page before it arrives is kept, with its time, and handed over to be logged first.
 */
export function startLog(config: Config, store: ConsentStore, fetchLog: FetchLog, version: string): void {
  if (!config.logUrl) return;
  const early: EarlyChange[] = [];
  let asked = false;
  const fetchOnce = () => {
    if (asked) return;
    asked = true;
    fetchLog((logDecisions) => {
      stop();
      if (logDecisions) logDecisions(config, store, version, early);
      // Like the receiver being down, but for this page view only: nothing of it can be queued.
      else report('error', 'logUrl.part');
    });
  };
  const stop = store.subscribe((next, prev, local) => {
    if (!local) return;
    early.push([next, prev, new Date().toISOString()]);
    fetchOnce();
  });
  whenIdle(fetchOnce);
}
