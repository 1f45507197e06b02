import type { Config, OptionalPurpose, Purpose } from '../config/types';
import { serviceCodes, widened } from '../consent/fingerprint';
import { coversAll, createRecord, isCurrent, type Choices, type ConsentRecord } from '../consent/record';
import type { CookieStore } from '../storage/cookie';
import { afterPaint } from './ready';
import { reportError } from './report';

/** `local`: made on this page (decide, reset), not read from the cookie another tab wrote. */
type Listener = (next: ConsentRecord | null, prev: ConsentRecord | null, local: boolean) => void;

/**
 * The single source of truth for the visitor's decision. Effects and UI subscribe; the store
 * never knows who listens (the plugin surface DESIGN.md asks for).
 */
export interface ConsentStore {
  /** The decision in force, or `null` when none has been made (or it no longer stands). */
  readonly record: ConsentRecord | null;
  granted(purpose: Purpose): boolean;
  /** True while the banner must ask: no decision, or a purpose in use that was never asked about. */
  needsDecision(): boolean;
  /** Records a decision on every purpose in use; those not named are refused. */
  decide(choices: Choices): ConsentRecord;
  /** Forgets the decision (the banner asks again); counts as withdrawing everything. */
  reset(): void;
  /** Takes up what another tab stored, or a service that joined: re-reads the cookie and, if it differs, tells subscribers (never writes). */
  refresh(): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(config: Config, cookie: CookieStore, now: () => Date = () => new Date()): ConsentStore {
  const load = () => {
    const stored = cookie.read();
    return stored && isCurrent(stored, config.revision, config.validityDays, now()) ? narrow(stored) : null;
  };
  // A granted purpose that has gained a service since is unanswered again: the visitor is asked
  // about it (and only it), and until then it is not granted. Removed services ask nothing.
  const narrow = (stored: ConsentRecord): ConsentRecord => {
    const wider = widened(stored, config.services);
    if (!wider.length) return stored;
    const choices = { ...stored.choices };
    const covered = { ...stored.covered };
    for (const p of wider) {
      delete choices[p];
      delete covered[p];
    }
    return { ...stored, choices, covered };
  };
  let record = load();
  // Whether the cookie jar takes our writes. Until a choice made here is seen stored, an empty
  // jar is not "another tab withdrew": the browser may have refused it, and the choice then
  // holds for this page view.
  let saved = true;
  const listeners = new Set<Listener>();

  const commit = (next: ConsentRecord | null, local = true) => {
    const prev = record;
    record = next;
    for (const listener of [...listeners]) {
      try {
        listener(next, prev, local);
      } catch (error) {
        // One broken subscriber (an owner's callback, say) must not stop the others or the page.
        reportError('error', 'api.changeListener', error);
      }
    }
  };

  return {
    get record() {
      return record;
    },
    granted: (purpose) => purpose === 'necessary' || record?.choices[purpose as OptionalPurpose] === true,
    needsDecision: () => !record || !coversAll(record, config.purposes),
    decide(choices) {
      const complete: Choices = {};
      for (const p of config.purposes) complete[p] = choices[p] === true;
      const covered = Object.fromEntries(config.purposes.map((p) => [p, serviceCodes(config.services, p)]));
      const next = createRecord(config.revision, complete, now(), covered);
      saved = false;
      cookie.write(next);
      commit(next);
      // Read back after the next paint, off the click's path: a document.cookie read is a
      // synchronous round trip to the browser's cookie store.
      afterPaint(() => (saved = !!cookie.read()));
      return next;
    },
    reset() {
      cookie.clear();
      commit(null);
    },
    refresh() {
      const next = load();
      // A decision's id is random, so it alone tells two decisions (or one and none) apart; the
      // same decision reads with fewer answers once a service it did not cover joined (detect.ts).
      const answers = (r: ConsentRecord | null) => Object.keys(r?.choices ?? {}).length;
      if ((next?.id !== record?.id || answers(next) !== answers(record)) && (next || saved)) commit(next, false);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
