import type { Config, Lang } from '../config/types';

/**
 * What a visitor was shown, as the consent log keeps it: the services (with providers,
 * purposes and cookies) and the texts. An entry names each by its hash; the receiver stores
 * the content once per hash, so an entry proves what was on screen, not just that something was.
 */
export type Snapshot =
  | { readonly kind: 'services'; readonly services: readonly unknown[] }
  // The built-in texts are the samtykke version's, in that language, in the face file whose SRI
  // hash is `face` (v/<version>/samtykke-face.<lang>.js, kept for good; left out by the one-file
  // builds, which carry the same texts inside); the rest are the owner's overrides.
  | { readonly kind: 'texts'; readonly lang: Lang; readonly version: string; readonly face?: string; readonly overrides: Readonly<Record<string, string>> };

/** Characters of the base64url SHA-256 kept as a snapshot's hash: 132 bits. */
export const HASH_CHARS = 22;

/**
 * One text per value, whoever writes it: object keys sorted, no spaces. The sender hashes it,
 * the receiver hashes it again to check the content it is given, so both use this function.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value == 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The two snapshots of this page: what the banner lists, and in which words. */
export function snapshotsOf(config: Config, lang: Lang, version: string, face?: string): { services: Snapshot; texts: Snapshot } {
  return {
    services: {
      kind: 'services',
      services: config.services.map((s) => ({
        id: s.id,
        name: s.name,
        purpose: s.purpose,
        provider: s.provider,
        transfer: !!s.transfer,
        description: s.description,
        privacyUrl: s.privacyUrl ?? null,
        cookies: s.cookies,
      })),
    },
    texts: { kind: 'texts', lang, version, face, overrides: config.texts[lang] ?? {} },
  };
}
