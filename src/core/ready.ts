/** Runs `fn` once `<body>` exists: at once, or as soon as the parser opens it. */
export function whenBody(fn: () => void): void {
  if (document.body) return fn();
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    observer.disconnect();
    fn();
  });
  observer.observe(document.documentElement, { childList: true });
}

/** Runs `fn` once the page's HTML has been parsed (DOMContentLoaded), or now if it has. */
export function whenParsed(fn: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}

/** Runs `fn` in a task after the next frame is painted (a plain timeout may run before the paint). */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn));
}

/**
 * Runs `fn` once: after the next paint, or at once if the page is hidden or left first, since a
 * hidden tab paints no frames and a closed one never will. Hidden already (asked from a
 * `visibilitychange` or `pagehide` listener, as the page is being left): at once.
 */
export function afterPaintOrLeave(fn: () => void): void {
  if (document.visibilityState === 'hidden') return fn();
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    removeEventListener('pagehide', run);
    document.removeEventListener('visibilitychange', run);
    fn();
  };
  addEventListener('pagehide', run);
  document.addEventListener('visibilitychange', run);
  afterPaint(run);
}

/** How long deferred start-up work waits for idle time at most, once the page has painted (ms). */
const IDLE_DEADLINE = 1000;

/** What waits for the next paint before asking for idle time (empty while nothing does). */
const waiting: (() => void)[] = [];

/**
 * Runs `fn` after the next paint, once the main thread is idle (or IDLE_DEADLINE later, on a
 * page that stays busy): start-up work nothing on the page waits for (the reopen button, tab
 * sync's channel, the log's part, leak warnings) neither delays the first paint nor joins the
 * engine's run into one long task. Each call is its own task. Calls made before that paint
 * share one wait for it (each wait costs a frame callback, a task and two listeners, which a
 * returning visitor's page paid three times). A hidden or left page paints no frame, so there
 * it waits for idle time alone. Without `requestIdleCallback` (Safari), a task.
 */
export function whenIdle(fn: () => void): void {
  if (waiting.push(fn) > 1) return;
  afterPaintOrLeave(() => {
    for (const f of waiting.splice(0)) {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => f(), { timeout: IDLE_DEADLINE });
      else setTimeout(f);
    }
  });
}

/** Runs `fn` once the page has loaded (its `load` event), or now if it has. */
export function whenLoaded(fn: () => void): void {
  if (document.readyState === 'complete') fn();
  else addEventListener('load', () => fn(), { once: true });
}
