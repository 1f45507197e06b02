import { describe, expect, it } from 'vitest';
import { coversAll, createRecord, decode, encode, isCurrent } from '../../../src/consent/record';

const now = new Date('2026-03-01T12:00:00.000Z');
const DAY = 86_400_000;

describe('consent record', () => {
  it('survives a round trip through its cookie form', () => {
    const record = createRecord('2025-01', { analytics: false, marketing: true }, now, { marketing: ['K3J', '0AB'] }, 'abcdefgh1234');
    const value = encode(record);
    expect(value).toMatch(/^[A-Za-z0-9._-]+$/); // nothing a cookie has to escape
    expect(value.length).toBeLessThan(60);
    expect(decode(value)).toEqual(record);
  });

  it('keeps whole seconds only, so what is stored equals what is read', () => {
    const record = createRecord('1', {}, new Date('2026-03-01T12:00:00.987Z'), {}, 'abcdefgh1234');
    expect(record.time).toBe('2026-03-01T12:00:00.000Z');
  });

  it('makes a new random id for each decision', () => {
    const a = createRecord('1', {}, now);
    const b = createRecord('1', {}, now);
    expect(a.id).toMatch(/^[a-z0-9]{16}$/);
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not ours', 'GA1.1.123.456'],
    ['another schema', '2.1.abcdefgh1234.t0a2bc.m1'],
    ['a bad letter', '1.1.abcdefgh1234.t0a2bc.x1'],
    ['a purpose twice', '1.1.abcdefgh1234.t0a2bc.m1m0'],
    ['a value not 0/1', '1.1.abcdefgh1234.t0a2bc.m2'],
    ['a short id', '1.1.abc.t0a2bc.m1'],
    ['extra fields', '1.1.abcdefgh1234.t0a2bc.m1.x'],
    ['granted in JSON', '{"marketing":true}'],
    ['service codes out of order', '1.1.abcdefgh1234.t0a2bc.m1K3J0AB'],
    ['a service code twice', '1.1.abcdefgh1234.t0a2bc.m10AB0AB'],
    ['a code after a refusal', '1.1.abcdefgh1234.t0a2bc.m00AB'],
    ['a short code', '1.1.abcdefgh1234.t0a2bc.m10A'],
    ['oversized', '1.1.abcdefgh1234.t0a2bc.m1' + 'a'.repeat(200)],
    ['url-encoded garbage', '%E0%A4%A'],
  ])('reads %s as "no decision"', (_, value) => {
    expect(decode(value)).toBeNull();
  });

  it('stands within its validity and not after', () => {
    const record = createRecord('1', { marketing: true }, now);
    expect(isCurrent(record, '1', 182, new Date(now.getTime() + 181 * DAY))).toBe(true);
    expect(isCurrent(record, '1', 182, new Date(now.getTime() + 182 * DAY))).toBe(false);
  });

  it('asks again when the owner changes the revision', () => {
    const record = createRecord('1', { marketing: true }, now);
    expect(isCurrent(record, '2', 182, now)).toBe(false);
  });

  it('refuses a record dated in the future', () => {
    const record = createRecord('1', { marketing: true }, new Date(now.getTime() + DAY));
    expect(isCurrent(record, '1', 182, now)).toBe(false);
  });

  it("takes a record up to five minutes ahead (another device's clock), and not a second more", () => {
    const ahead = (ms: number) => isCurrent(createRecord('1', { marketing: true }, new Date(now.getTime() + ms)), '1', 182, now);
    expect(ahead(5 * 60_000)).toBe(true);
    expect(ahead(5 * 60_000 + 1000)).toBe(false);
  });

  it('knows when a purpose in use was never asked about', () => {
    const record = createRecord('1', { marketing: false }, now);
    expect(coversAll(record, ['marketing'])).toBe(true);
    expect(coversAll(record, ['analytics', 'marketing'])).toBe(false);
  });
});
