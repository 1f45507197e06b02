import { isArguments } from '../core/gtag-layer';
import { trusted } from './inert';
import { setScriptSrc } from './trusted-types';

/** The page's Google `dataLayer`, created if the page has none yet (WN-03: never replaced). */
export function dataLayer(): unknown[] {
  const w = window as unknown as { dataLayer?: unknown[] };
  return (w.dataLayer = Array.isArray(w.dataLayer) ? w.dataLayer : []);
}

/** Whether a gtag command (`js`, or `config` for an id) is queued already, by us or a pasted snippet. */
export function inLayer(command: string, id?: string): boolean {
  return dataLayer().some((e) => isArguments(e) && e[0] === command && (id === undefined || e[1] === id));
}

/**
 * Queues a gtag command. gtag.js only treats `arguments` objects as commands (an array is read
 * as a plain dataLayer message), so this must push `arguments` itself.
 */
export function gtag(..._command: unknown[]): void {
  dataLayer().push(arguments);
}

/** Owners' own snippets call `window.gtag`; give them the standard stub if the page has none. */
export function defineGtag(): void {
  const w = window as unknown as { gtag?: unknown };
  if (typeof w.gtag !== 'function') w.gtag = gtag;
}

/** Adds a script the way a parser would see it, carrying our tag's nonce for strict CSPs. */
export function injectScript(src: string, nonce: string, onDone?: () => void): HTMLScriptElement {
  const script = document.createElement('script');
  // Ours, for a declared service: never held, nor named as an unknown host.
  trusted.add(script);
  setScriptSrc(script, src);
  script.async = true;
  if (nonce) script.nonce = nonce;
  if (onDone) script.onload = script.onerror = onDone;
  (document.head || document.documentElement).appendChild(script);
  return script;
}
