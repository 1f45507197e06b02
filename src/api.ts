import type { Config, OptionalPurpose, Purpose } from './config/types';
import type { Choices } from './consent/record';
import { report } from './core/report';
import type { ConsentStore } from './core/store';
import { view, type ConsentState } from './core/view';

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
  /** Subscribes; returns the function that unsubscribes. `ready` fires at once if it already has. */
  on(event: SamtykkeEvent, listener: SamtykkeListener): () => void;
}

export interface ApiHooks {
  open(): void;
  /** Registers for the moment the UI is in place; `null` once it is. */
  readonly ready: Set<SamtykkeListener> | null;
}

export function createApi(config: Config, store: ConsentStore, hooks: ApiHooks, version: string): SamtykkeApi {
  const known = (p: unknown, call: string): p is OptionalPurpose => {
    if (config.purposes.includes(p as OptionalPurpose)) return true;
    report('error', `${call}: "${String(p)}" is not a purpose on this site; use ${config.purposes.map((x) => `"${x}"`).join(', ') || 'none (no services configured)'}.`);
    return false;
  };
  return Object.freeze({
    version,
    get: () => view(store.record),
    has: (purpose: Purpose) => store.granted(purpose),
    open: () => hooks.open(),
    acceptAll: () => void store.decide(Object.fromEntries(config.purposes.map((p) => [p, true]))),
    rejectAll: () => void store.decide({}),
    set(choices: Partial<Record<OptionalPurpose, boolean>>) {
      const entries = typeof choices === 'object' && choices ? Object.entries(choices) : [];
      if (!entries.length || !entries.every(([p, v]) => known(p, 'samtykke.set') && typeof v === 'boolean')) {
        report('error', 'samtykke.set: give an object of purposes and true/false, e.g. samtykke.set({ marketing: false }). Nothing was changed.');
        return;
      }
      store.decide({ ...store.record?.choices, ...(choices as Choices) });
    },
    reset: () => store.reset(),
    on(event: SamtykkeEvent, listener: SamtykkeListener) {
      if (typeof listener !== 'function' || (event !== 'change' && event !== 'ready')) {
        report('error', `samtykke.on: use on("change" or "ready", function); got on(${JSON.stringify(event)}, ${typeof listener}).`);
        return () => {};
      }
      if (event === 'change') return store.subscribe((next) => listener(view(next)));
      const waiting = hooks.ready;
      if (!waiting) {
        try {
          listener(view(store.record));
        } catch (error) {
          report('error', 'a ready listener threw.', error);
        }
        return () => {};
      }
      waiting.add(listener);
      return () => void waiting.delete(listener);
    },
  });
}
