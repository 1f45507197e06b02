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
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn));
  else setTimeout(fn);
}
