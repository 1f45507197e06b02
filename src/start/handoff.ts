import { describe, report } from '../core/report';
import { isObject } from '../config/fields';
import { isArguments } from '../core/gtag-layer';
import { dataLayer } from '../effects/gtag';
import { START_HOOK, START_VERSION, type StartHandoff } from './protocol';

/**
 * What the inline start left for the engine: its handoff when it is a version this engine
 * reads; 'unknown' (said once: everything it held stays held) when it is not; null when no
 * start ran (the single synchronous tag, or the bundler build).
 */
export function fromStart(): StartHandoff | 'unknown' | null {
  let left: unknown;
  let version: unknown;
  try {
    left = (window as unknown as Record<symbol, unknown>)[START_HOOK];
    version = (left as { version?: unknown }).version;
  } catch {
    /* no start (nothing to read a version of), or a version that cannot be read: told apart here */
  }
  if (left === undefined) return null;
  if (version === START_VERSION) return left as StartHandoff;
  report('error', 'start.version', describe(version), START_VERSION);
  return 'unknown';
}

/**
 * The owner's `waitForUpdate` on the start's Consent Mode default, which the start sent with the
 * standard wait (it knows no settings). No Google tag has read that command yet: the start holds
 * them all until the engine has judged them.
 */
export function ownWait(handoff: StartHandoff, waitForUpdate: number): void {
  const command = dataLayer()[handoff.layer];
  if (isArguments(command) && command[0] === 'consent' && command[1] === 'default' && isObject(command[2])) command[2].wait_for_update = waitForUpdate;
}
