import { jsonObject } from './json-object.js';
import { createHash } from 'node:crypto';
import { canonicalJson, HASH_CHARS } from '../../src/effects/log-snapshot';

/** A snapshot as posted can be this large: the services of a busy site with their cookies. */
export const MAX_SNAPSHOT_BYTES = 65_536;
const KINDS = ['services', 'texts'];

export type ParsedSnapshot = { ok: true; hash: string; content: string } | { ok: false; reason: string };

/** The hash an entry names a snapshot by: the first 22 characters of the base64url SHA-256. */
const snapshotHash = (canonical: string) => createHash('sha256').update(canonical).digest('base64url').slice(0, HASH_CHARS);

/**
 * Reads a posted snapshot. The receiver computes the hash itself from the canonical text, so a
 * stored snapshot is always the content its hash stands for, whoever sent it.
 */
export function parseSnapshot(body: string): ParsedSnapshot {
  const read = jsonObject(body, 'body');
  if (!read.ok) return read;
  const value = read.value;
  const kind = (value as { kind?: unknown }).kind;
  if (!KINDS.includes(kind as string)) return { ok: false, reason: `"kind" must be one of ${KINDS.join(', ')}` };
  const content = canonicalJson(value);
  return { ok: true, hash: snapshotHash(content), content };
}
