import type { OptionalPurpose, Purpose } from '../config/types';
import type { Choices } from '../consent/record';

/**
 * One decision and the moment it took force (epoch ms): what it granted, or null for none (the
 * visitor withdrew it all and the banner asks again). A visitor may change the choice on the
 * same page (the reopen button), so the check keeps every decision it saw, in order.
 */
export interface Decision {
  readonly at: number;
  readonly choices: Choices | null;
}

/** The decision in force at `at` (epoch ms): the latest one taken by then; undefined before the first. */
export function inForce(decisions: readonly Decision[], at: number): Decision | undefined {
  let found: Decision | undefined;
  for (const d of decisions) if (d.at <= at) found = d;
  return found;
}

/**
 * Whether `purpose` was granted at `at`: what a request made then is judged by. A request made
 * under a grant the visitor withdrew later was lawful when made; one made after the withdrawal
 * was not (UI-10: a withdrawal must stop it).
 */
export function grantedAt(decisions: readonly Decision[], at: number, purpose: Purpose): boolean {
  return purpose === 'necessary' || inForce(decisions, at)?.choices?.[purpose as OptionalPurpose] === true;
}
