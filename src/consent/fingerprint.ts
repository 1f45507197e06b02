import type { OptionalPurpose, Service } from '../config/types';
import type { ConsentRecord } from './record';

/**
 * What a consent covered, kept short: three characters per service (a hash of its id and its
 * provider), per purpose. A set of codes rather than one hash of the whole list, so that an
 * added service or a new provider shows as a code the record lacks, while a removed service
 * (a code the page no longer has) asks nothing. Three base-36 characters: 46 656 values, so a
 * new service is mistaken for one already covered about once in fifteen thousand.
 */
export function serviceCodes(services: readonly Service[], purpose: OptionalPurpose): string[] {
  const codes = services.filter((s) => s.purpose === purpose).map((s) => code(`${s.id}\n${s.provider}`));
  return [...new Set(codes)].sort();
}

/** The granted purposes whose services now include one the visitor was not shown. */
export function widened(record: ConsentRecord, services: readonly Service[]): OptionalPurpose[] {
  return (Object.keys(record.choices) as OptionalPurpose[]).filter(
    (p) => record.choices[p] === true && serviceCodes(services, p).some((c) => !record.covered[p]?.includes(c)),
  );
}

/** Three upper-case base-36 characters (never confused with a purpose letter). */
const code = (text: string): string => (hash(text) % 46_656).toString(36).toUpperCase().padStart(3, '0');

/** FNV-1a, 32 bits: short, stable fingerprints, not secrets. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
