import { ENGINE_ATTR, ENGINE_INTEGRITY_ATTR } from './protocol';

/**
 * Loads the engine without holding up the page: an `async` script (as every script made by code
 * is) with the address and hash written on the start's element, its nonce, and the start's
 * `data-*` settings copied over, so the engine reads them from its own element exactly as it
 * does as the single tag. `policy` is the start's Trusted Types policy (or null), through which
 * its address is set. Returns the engine's element, or null when the start has no address to
 * load it from.
 */
export function loadEngine(start: HTMLScriptElement | null, policy: { createScriptURL(url: string): unknown } | null): HTMLScriptElement | null {
  const src = start?.getAttribute(ENGINE_ATTR);
  if (!start || !src) {
    // The engine's messages are not here yet: the start says this one itself, in few words.
    console.error(`samtykke: no ${ENGINE_ATTR}; paste the tag again`);
    return null;
  }
  const script = document.createElement('script');
  for (const { name, value } of start.attributes) {
    // The start's own attributes all begin with ENGINE_ATTR (protocol.ts); no setting does.
    if (name.startsWith('data-') && !name.startsWith(ENGINE_ATTR)) script.setAttribute(name, value);
  }
  const integrity = start.getAttribute(ENGINE_INTEGRITY_ATTR);
  if (integrity) {
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
  }
  // The parser hides a nonce from getAttribute; only the property still has it.
  if (start.nonce) script.nonce = start.nonce;
  script.src = (policy?.createScriptURL(src) ?? src) as string;
  // Parsed HTML always has a head (the parser makes one), and the start runs as parsed HTML.
  document.head.append(script);
  return script;
}
