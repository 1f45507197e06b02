import { PURPOSE_TABLE } from '../config/purposes';
import type { Choices } from './record';

export type SignalName =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export type Signals = Record<SignalName, 'granted' | 'denied'>;

/**
 * The seven signals with nothing granted: Consent Mode's default before a decision, and what
 * toSignals grants from. A constant, so the inline start sends it without carrying the purpose
 * table; `security_storage` is necessary and always granted.
 */
export const DENIED: Readonly<Signals> = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

/** All seven signals for a set of choices. */
export function toSignals(choices: Choices): Signals {
  const signals: Signals = { ...DENIED };
  // Which signals each purpose grants is in the purpose table (GCM-04).
  for (const { id, signals: granted } of PURPOSE_TABLE) {
    if (id !== 'necessary' && choices[id]) for (const s of granted) signals[s] = 'granted';
  }
  return signals;
}
