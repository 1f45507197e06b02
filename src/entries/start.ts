// samtykke-start.js, pasted inline first in the page's <head> (the configurator writes it with
// its settings): what must happen before the page's next script, and nothing more. Consent
// Mode's denied default; `window.samtykke` as a queue; every tracker it recognises without the
// owner's settings held, however it arrives; then the engine, loaded `async` so the page paints
// without waiting for it. The engine takes over through src/start/protocol.ts.
import { isOurs } from '../api';
import { DENIED } from '../consent/signals';
import { dataLayer, defineGtag, gtag } from '../effects/gtag';
import { newPolicy } from '../effects/trusted-types';
import { loadEngine } from '../start/engine';
import { preloadFace } from '../start/face';
import { holdRecognised } from '../start/hold';
import { START_HOOK, START_VERSION, type QueuedCall, type StartHandoff } from '../start/protocol';
import { apiQueue } from '../start/queue';

// Its own view of `window`: `samtykke` is the queue here, not yet the API the engine puts there.
const w = window as unknown as Record<PropertyKey, unknown>;
const script = document.currentScript as HTMLScriptElement | null;
// Pasted twice, or after the single tag: the first one holds the page already.
if (!w[START_HOOK] && !isOurs(w.samtykke)) {
  const held: Element[] = [];
  const calls: QueuedCall[] = [];
  let policy: ReturnType<typeof newPolicy> = null;
  let uninstall = () => undefined as void;
  let layer = 0;
  // Whatever fails here (an earlier script broke a built-in), the engine still comes and says what.
  try {
    layer = dataLayer().length;
    defineGtag();
    // Consent Mode's denied default, as the engine sends it; the engine adds the owner's
    // wait_for_update to this very command before any Google tag can read it (the start's own
    // copy of the constant, sent once, is what it writes into).
    gtag('consent', 'default', DENIED);
    uninstall = holdRecognised(held);
  } catch {
    /* the engine reports the missing built-in */
  }
  try {
    w.samtykke = apiQueue(calls);
  } catch {
    /* taken by another script: the engine says so */
  }
  try {
    // Made here, as the engine's address must go through it; the engine takes it over.
    policy = newPolicy();
  } catch {
    /* the page's CSP refuses the name: the engine says so when it tries */
  }
  const handoff: StartHandoff = { version: START_VERSION, script, layer, held, calls, policy, uninstall };
  Object.defineProperty(w, START_HOOK, { value: handoff, configurable: true });
  const engine = loadEngine(script, policy);
  try {
    if (script && engine) preloadFace(script, engine);
  } catch {
    /* only sooner: the engine fetches the face itself when it needs it */
  }
}
