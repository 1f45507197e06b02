import { describe, expect, it } from 'vitest';
import { toSignals } from '../../../src/consent/signals';

describe('Consent Mode signals (GCM-04)', () => {
  it('denies everything but security storage without a decision', () => {
    expect(toSignals({})).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
  });

  it('grants all three ad signals for marketing, and nothing for analytics', () => {
    const s = toSignals({ marketing: true, analytics: false });
    expect([s.ad_storage, s.ad_user_data, s.ad_personalization]).toEqual(['granted', 'granted', 'granted']);
    expect(s.analytics_storage).toBe('denied');
  });

  it('grants only analytics_storage for analytics', () => {
    const s = toSignals({ analytics: true });
    expect(s.analytics_storage).toBe('granted');
    expect([s.ad_storage, s.ad_user_data, s.ad_personalization, s.functionality_storage]).toEqual(['denied', 'denied', 'denied', 'denied']);
  });

  it('grants functionality and personalization storage only for a functional purpose', () => {
    const s = toSignals({ functional: true });
    expect([s.functionality_storage, s.personalization_storage]).toEqual(['granted', 'granted']);
    expect(s.ad_storage).toBe('denied');
  });
});
