import { describe, expect, it } from 'vitest';
import { grantedAt, inForce, type Decision } from '../../../src/check/decisions';

/** A visitor's decisions on one page, as the check keeps them (epoch ms). */
const ACCEPTED: Decision = { at: 2_000, choices: { marketing: true, analytics: true } };
const REJECTED: Decision = { at: 5_000, choices: { marketing: false, analytics: false } };
const WITHDRAWN: Decision = { at: 8_000, choices: null };

describe('which decision was in force when a request was made (the visitor may change it on the page)', () => {
  it('before the first decision, none: a request then was made before the choice', () => {
    expect(inForce([ACCEPTED, REJECTED], 1_999)).toBeUndefined();
    expect(inForce([], 9_000)).toBeUndefined();
  });

  it('from its moment on, each decision until the next', () => {
    expect(inForce([ACCEPTED, REJECTED], 2_000)).toBe(ACCEPTED);
    expect(inForce([ACCEPTED, REJECTED], 4_999)).toBe(ACCEPTED);
    expect(inForce([ACCEPTED, REJECTED], 5_000)).toBe(REJECTED);
    expect(inForce([ACCEPTED, REJECTED], 60_000)).toBe(REJECTED);
  });

  it('a request made under «Godta alle» was granted, even after the visitor changed to «Avvis alle»; one made after the change was not', () => {
    const decisions = [ACCEPTED, REJECTED];
    expect(grantedAt(decisions, 3_000, 'marketing')).toBe(true);
    expect(grantedAt(decisions, 5_200, 'marketing')).toBe(false);
  });

  it('the other way round: refused until «Godta alle», granted from it', () => {
    const decisions = [{ ...REJECTED, at: 1_000 }, { ...ACCEPTED, at: 4_000 }];
    expect(grantedAt(decisions, 3_999, 'analytics')).toBe(false);
    expect(grantedAt(decisions, 4_000, 'analytics')).toBe(true);
  });

  it('nothing is granted before any choice, nor after everything was withdrawn; the necessary always is', () => {
    const decisions = [ACCEPTED, WITHDRAWN];
    expect(grantedAt(decisions, 1_000, 'marketing')).toBe(false);
    expect(grantedAt(decisions, 9_000, 'marketing')).toBe(false);
    expect(grantedAt(decisions, 1_000, 'necessary')).toBe(true);
    expect(grantedAt(decisions, 9_000, 'necessary')).toBe(true);
  });

  it('a purpose the decision left out (one a new service made unanswered) is not granted', () => {
    expect(grantedAt([{ at: 0, choices: { marketing: true } }], 10, 'analytics')).toBe(false);
  });
});
