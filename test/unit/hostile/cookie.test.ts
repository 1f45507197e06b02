import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, decode, encode } from '../../../src/consent/record';
import { cookieStore } from '../../../src/storage/cookie';
import { RUNS } from './values';

const store = cookieStore({ cookieName: 'samtykke', cookieDomain: null, validityDays: 182 });
const clear = () => (document.cookie = 'samtykke=; max-age=0; path=/');
afterEach(clear);

/** A value samtykke writes for a decision that grants something. */
const granting = fc
  .record({
    revision: fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/),
    id: fc.stringMatching(/^[a-z0-9]{16}$/),
    time: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
    analytics: fc.option(fc.boolean(), { nil: undefined }),
    functional: fc.option(fc.boolean(), { nil: undefined }),
    marketing: fc.constant(true),
    // What the grant covered: three characters a service.
    codes: fc.uniqueArray(fc.stringMatching(/^[0-9A-Z]{3}$/), { maxLength: 3 }),
  })
  .map(({ revision, id, time, codes, ...choices }) => encode(createRecord(revision, JSON.parse(JSON.stringify(choices)), time, { marketing: codes }, id)));

const percent = (c: string) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/**
 * Another spelling of the same value, as a reader that decodes or forgives would still take:
 * percent-encoded characters, quotes, leading zeros, flags out of order or twice, other
 * letter case. (Spaces around a value and a `;` are the browser's: they never reach the jar.)
 */
const respelled = (value: string) =>
  fc.oneof(
    fc.array(fc.nat(value.length - 1), { minLength: 1, maxLength: 4 }).map((at) => [...value].map((c, i) => (at.includes(i) ? percent(c) : c)).join('')),
    fc.constantFrom(`"${value}"`, `"${value}`, `${value}"`, `${value}.`, `.${value}`, `${value}%3B`, `01.${value.slice(2)}`, value.toUpperCase(), value.replaceAll('.', '%2E'), value.replaceAll('.', '%2e')),
    fc.constant(value.replace(/\.([0-9a-z]+)\.((?:[a-z][01])*)$/, '.0$1.$2')),
    fc.constant(value.replace(/\.((?:[a-z][01])+)$/, (_, flags: string) => '.' + (flags.match(/../g) ?? []).reverse().join(''))),
    fc.constant(value.replace(/\.((?:[a-z][01])+)$/, (_, flags: string) => '.' + flags + flags.slice(-2))),
    // The covered codes out of order, or in lower case.
    fc.constant(value.replace(/m1((?:[0-9A-Z]{3})+)$/, (_, codes: string) => 'm1' + (codes.match(/.{3}/g) ?? []).reverse().join(''))),
    fc.constant(value.replace(/m1((?:[0-9A-Z]{3})+)$/, (_, codes: string) => 'm1' + codes.toLowerCase())),
  ).filter((m) => m !== value);

describe('a garbled cookie is never a grant', () => {
  it('reads what samtykke wrote', () => {
    fc.assert(
      fc.property(granting, (value) => {
        document.cookie = `samtykke=${value}; path=/`;
        expect(store.read()?.choices.marketing).toBe(true);
      }),
      RUNS,
    );
  });

  it('reads no respelling of a granting value as a decision', () => {
    fc.assert(
      fc.property(
        granting.chain((value) => respelled(value)),
        (mutated) => {
          expect(decode(mutated)).toBeNull();
          document.cookie = `samtykke=${mutated}; path=/`;
          expect(store.read()).toBeNull();
          clear();
        },
      ),
      { ...RUNS, numRuns: 1000 },
    );
  });

  it('accepts only the exact form it writes', () => {
    let decoded = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^1\.[a-z0-9]{1,4}\.[a-z0-9]{8,20}\.[0-9a-z]{1,9}\.([a-z][0-9]){0,4}$/), granting), (s) => {
        const record = decode(s);
        decoded += record ? 1 : 0;
        // Read back, a value is either refused or written again letter for letter.
        expect(record && encode(record)).toBeOneOf([null, s]);
      }),
      { ...RUNS, numRuns: 2000 },
    );
    // The property held over values that decode, not only over refusals.
    expect(decoded).toBeGreaterThan(100);
  });
});
