import { reportError } from '../core/report';

/** The Trusted Types policy name an owner allows in `trusted-types` (see the README). */
const POLICY_NAME = 'samtykke';

interface Policy {
  createScript(text: string): unknown;
  createScriptURL(url: string): unknown;
}

let policy: Policy | null | undefined;

/**
 * samtykke's one Trusted Types policy, made on first use. It only ever vouches for what
 * samtykke itself creates or releases: Google's tag and owner service scripts (addresses the
 * config checked), and scripts the page's own markup held for consent. Where the page's CSP
 * does not allow the name, scripts are set as plain text and the browser decides.
 */
function samtykkePolicy(): Policy | null {
  if (policy !== undefined) return policy;
  policy = null;
  try {
    policy = newPolicy();
  } catch (error) {
    reportError('warn', 'trustedTypes.policy', error, POLICY_NAME);
  }
  return policy;
}

/** The policy, made now; null where the browser has no Trusted Types. Throws where the page's CSP refuses its name. */
export function newPolicy(): Policy | null {
  const tt = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
  return tt ? tt.createPolicy(POLICY_NAME, { createScript: (s: string) => s, createScriptURL: (s: string) => s }) : null;
}

/** The inline start's policy, handed over (src/start/protocol.ts): a CSP may allow the name only once. */
export function takePolicy(given: unknown): void {
  if (given) policy = given as Policy;
}

/** Sets a script's address through the policy, so `require-trusted-types-for 'script'` lets it load. */
export function setScriptSrc(script: HTMLScriptElement, src: string): void {
  script.src = (samtykkePolicy()?.createScriptURL(src) ?? src) as string;
}

/** Sets a script's code through the policy (a held inline script being released). */
export function setScriptText(script: HTMLScriptElement, text: string): void {
  script.text = (samtykkePolicy()?.createScript(text) ?? text) as string;
}
