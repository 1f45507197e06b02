import type { OptionalPurpose } from '../config/types';
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

/** Which Google Consent Mode v2 signals each purpose grants (GCM-04). Data, not branches. */
export const SIGNALS_OF: Readonly<Record<OptionalPurpose, readonly SignalName[]>> = {
  functional: ['functionality_storage', 'personalization_storage'],
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

/** All seven signals for a set of choices; `security_storage` is necessary and always granted. */
export function toSignals(choices: Choices): Signals {
  const signals: Signals = {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied',
    functionality_storage: 'denied',
    personalization_storage: 'denied',
    security_storage: 'granted',
  };
  for (const purpose of Object.keys(SIGNALS_OF) as OptionalPurpose[]) {
    if (choices[purpose]) for (const s of SIGNALS_OF[purpose]) signals[s] = 'granted';
  }
  return signals;
}
