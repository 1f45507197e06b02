import { describe, expect, it } from 'vitest';
import { googleAds, googleAnalytics } from '../../../src/config/presets';
import { hash, serviceCodes, widened } from '../../../src/consent/fingerprint';
import { createRecord } from '../../../src/consent/record';

const ads = googleAds(['AW-123456789']);

describe('what a consent covered', () => {
  it("keeps each service's code from version to version: it is stored in visitors' cookies", () => {
    // A change here would ask every returning visitor again, as if each service were new.
    expect(serviceCodes([googleAds(['AW-1'])], 'marketing')).toEqual(['ASV']);
    expect(serviceCodes([googleAnalytics(['G-1'])], 'analytics')).toEqual(['NGH']);
    expect([hash(''), hash('samtykke')]).toEqual([2166136261, 3583444564]);
  });

  it('gives every service three upper-case base-36 characters, short hashes padded, as the cookie form takes them', () => {
    const services = Array.from({ length: 1000 }, (_, i) => ({ ...ads, id: `s${i}` }));
    const codes = serviceCodes(services, 'marketing');
    expect(codes.filter((c) => !/^[0-9A-Z]{3}$/.test(c))).toEqual([]);
    // Short hashes were among them: the padding was needed.
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });

  it('sees a granted purpose with no codes stored as widened, without failing', () => {
    const record = createRecord('1', { marketing: true }, new Date(), {});
    expect(widened(record, [ads])).toEqual(['marketing']);
  });
});
