import { afterPaintOrLeave, whenIdle } from '../core/ready';
import type { ConsentStore } from '../core/store';
import { channelName } from '../markup';

/**
 * The site's other open tabs share the cookie but not the page: a local decision pings them
 * over BroadcastChannel and each re-reads the cookie, so the other effects act there as here.
 * Becoming visible or focused re-reads it too, for browsers without BroadcastChannel and for pings
 * a frozen or cached tab missed. The channel is opened in idle time after the first paint, not
 * while the page loads; opening it re-reads the cookie once, for a ping sent before it was open
 * (a withdrawal in a window beside this one must not wait for this one to be focused).
 */
export function syncTabs(store: ConsentStore, cookieName: string): void {
  let channel: BroadcastChannel | null | undefined;
  let quiet = false;
  const refresh = () => {
    quiet = true;
    store.refresh();
    quiet = false;
  };
  /** The channel, opened on first use (null where it is missing or refused). */
  const open = () => {
    if (channel === undefined) {
      try {
        channel = new BroadcastChannel(channelName(cookieName));
        channel.onmessage = refresh;
      } catch {
        // Missing (Safari before 15.4) or refused: the visibility check below still catches up.
        channel = null;
      }
    }
    return channel;
  };
  whenIdle(() => {
    open();
    refresh();
  });
  // What came from another tab is not sent on, or the tabs would keep pinging each other.
  // The ping waits for the paint, after the store's read-back: writing document.cookie does
  // not wait for the browser's cookie store, reading it does, so only then can another tab
  // be sure to find the new value. A page that is left first (a withdrawal reloads it) paints
  // no frame: it reads the cookie back itself and pings as it goes.
  store.subscribe(
    () =>
      quiet ||
      afterPaintOrLeave(() => {
        store.refresh();
        open()?.postMessage(0);
      }),
  );
  document.addEventListener('visibilitychange', () => document.hidden || refresh());
  // Another window beside this one: this tab stays visible while the visitor decides there.
  addEventListener('focus', refresh);
}
