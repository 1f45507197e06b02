import type { Purpose } from '../config/types';
import type { ConsentRecord } from '../consent/record';
import { toSignals, type Signals } from '../consent/signals';

export interface ConsentSummary {
  readonly purposes: Readonly<Record<Purpose, boolean>>;
  readonly signals: Readonly<Signals>;
}

/** The record as the public API shows it: the choices plus the Google signals they map to (UI-11). */
export interface ConsentState extends ConsentRecord, ConsentSummary {}

/** What is granted now; no decision means everything optional is denied. */
export function summary(record: ConsentRecord | null): ConsentSummary {
  const c = record?.choices ?? {};
  return {
    purposes: { necessary: true, functional: !!c.functional, analytics: !!c.analytics, marketing: !!c.marketing },
    signals: toSignals(c),
  };
}

export function view(record: ConsentRecord | null): ConsentState | null {
  return record ? Object.freeze({ ...record, choices: { ...record.choices }, ...summary(record) }) : null;
}
