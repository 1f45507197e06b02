import type { Config, OptionalPurpose, Purpose } from './config/types';
import type { Choices } from './consent/record';
import { openCheck } from './check/open';
import { describe, report, reportError } from './core/report';
import type { ConsentStore } from './core/store';
import { view, type ConsentState } from './core/public-state';

export type SamtykkeEvent = 'change' | 'ready';
export type SamtykkeListener = (state: ConsentState | null) => void;

/** `window.samtykke`: small, stable, and safe to call with anything. */
export interface SamtykkeApi {
  readonly version: string;
  /** The decision in force with its Google signals, or `null` before one is made. */
  get(): ConsentState | null;
  has(purpose: Purpose): boolean;
  /** Opens the preferences dialog with the stored choices. */
  open(): void;
  acceptAll(): void;
  rejectAll(): void;
  /** Decides the named purposes and keeps earlier answers for the rest. */
  set(choices: Partial<Record<OptionalPurpose, boolean>>): void;
  /** Forgets the decision, withdrawing everything; the banner asks again. */
  reset(): void;
  /** Shows the owner's self-check of this page (the same as opening it with `?samtykke=sjekk`); changes nothing. */
  check(): void;
  /** Subscribes; returns the function that unsubscribes. `ready` fires at once if it already has. */
  on(event: SamtykkeEvent, listener: SamtykkeListener): () => void;
}

export interface ApiHooks {
  open(): void;
  /** Registers for the moment the UI is in place; `null` once it is. */
  readonly ready: Set<SamtykkeListener> | null;
}

/**
 * Marks samtykke's own API, so a second copy of the tag recognises it. `window.samtykke` may be
 * anything else (an element with id="samtykke" is one, by the browser's named access), and
 * "something is there" must not stop samtykke. Registered, so every copy shares it.
 */
const OURS = Symbol.for('samtykke.api');

export function isOurs(value: unknown): value is SamtykkeApi {
  try {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[OURS] === true;
  } catch {
    return false;
  }
}

/** A method that reports instead of throwing into the caller, whatever it is given. */
function guarded<A extends unknown[], R>(name: string, fn: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      reportError('error', 'api.failed', error, name);
      return fallback;
    }
  };
}

/**
 * Own, enumerable entries read once: a getter runs once, and a proxy whose traps throw reads
 * as no entries (so `set()` decides on what it checked, not on a second read).
 */
function snapshot(v: unknown): [string, unknown][] | null {
  try {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    return Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
  } catch {
    return null;
  }
}

export function createApi(config: Config, store: ConsentStore, hooks: ApiHooks, version: string): SamtykkeApi {
  const known = (p: unknown, call: string): p is OptionalPurpose => {
    if (config.purposes.includes(p as OptionalPurpose)) return true;
    report('error', 'api.purpose', call, describe(p), config.purposes.slice());
    return false;
  };
  const noop = () => undefined;
  return Object.freeze({
    [OURS]: true,
    version,
    get: guarded('get', () => view(store.record), null),
    has: guarded('has', (purpose: Purpose) => typeof purpose === 'string' && store.granted(purpose), false),
    open: guarded('open', () => hooks.open(), undefined),
    acceptAll: guarded('acceptAll', () => void store.decide(Object.fromEntries(config.purposes.map((p) => [p, true]))), undefined),
    rejectAll: guarded('rejectAll', () => void store.decide({}), undefined),
    set: guarded(
      'set',
      (choices: Partial<Record<OptionalPurpose, boolean>>) => {
        const entries = snapshot(choices) ?? [];
        if (!entries.length || !entries.every(([p, v]) => known(p, 'samtykke.set') && typeof v === 'boolean')) {
          report('error', 'api.set');
          return;
        }
        store.decide({ ...store.record?.choices, ...(Object.fromEntries(entries) as Choices) });
      },
      undefined,
    ),
    reset: guarded('reset', () => store.reset(), undefined),
    check: guarded('check', openCheck, undefined),
    on: guarded(
      'on',
      (event: SamtykkeEvent, listener: SamtykkeListener): (() => void) => {
        if (typeof listener !== 'function' || (event !== 'change' && event !== 'ready')) {
          report('error', 'api.on', describe(event), typeof listener);
          return noop;
        }
        if (event === 'change') return store.subscribe((next) => listener(view(next)));
        const waiting = hooks.ready;
        if (!waiting) {
          try {
            listener(view(store.record));
          } catch (error) {
            reportError('error', 'api.readyListener', error);
          }
          return noop;
        }
        waiting.add(listener);
        return () => void waiting.delete(listener);
      },
      noop,
    ),
  });
}
