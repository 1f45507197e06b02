/** A request as Resource Timing gives it, as far as telling which frame made it goes. */
type Fetched = Pick<PerformanceResourceTiming, 'name' | 'startTime'>;

/**
 * The requests made by frames samtykke let load on purpose (`frames`: each such frame's address,
 * once per frame): for each frame, the latest request for its address not already another's. An
 * earlier request for the same address is not that frame's showing: the browser fetched it before
 * samtykke held the frame (Chromium starts a frame in the page's HTML as the parser inserts it),
 * so it stays a fault.
 */
export function frameRequests<R extends Fetched>(entries: readonly R[], frames: readonly string[]): Set<R> {
  const found = new Set<R>();
  for (const url of frames) {
    let latest: R | undefined;
    for (const e of entries) if (e.name === url && !found.has(e) && (!latest || e.startTime > latest.startTime)) latest = e;
    if (latest) found.add(latest);
  }
  return found;
}
