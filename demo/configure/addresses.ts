/**
 * Addresses as an owner types them, read as she means them. The engine takes an address as the
 * browser would (src/config/fields.ts), which is right for a developer but surprises an owner:
 * her site's address without `https://` is no address at all, and `personvern` is a path
 * relative to each page (on /om/ it means /om/personvern).
 */
import type { FieldMessage } from './messages';

const WITH_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** A host an owner could mean: labels with at least one dot (`www.stressfri.no`), not `personvern`. */
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i;

/**
 * The site's address: as typed when it starts with http(s)://, else `https://` and what was
 * typed when that reads as a host (`www.stressfri.no`, `stressfri.no/`); null when empty or not
 * an address at all.
 */
export function siteAddress(typed: string): URL | null {
  const text = typed.trim();
  if (!text) return null;
  const full = WITH_SCHEME.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(full);
    return (url.protocol === 'https:' || url.protocol === 'http:') && HOST.test(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** Said when the site's address cannot be read as one. */
export const SITE_HINT: FieldMessage = { level: 'hint', field: 'siteUrl', text: 'Skriv hele adressen til nettstedet ditt, f.eks. https://www.dittnettsted.no/' };

/**
 * An error for a page address that the engine accepts but that points somewhere else on each
 * page: neither rooted (`/personvern/`) nor full (`https://…`). The banner's link to the privacy
 * notice would then be right on the home page only, where the owner checks it, and broken on
 * every other page (a visitor on /om/ gets /om/personvern), so the code is not copied with it.
 * Nothing when the engine has already said something about the field (a `javascript:` address,
 * say), so it is said once.
 */
export function relativeAddress(field: string, typed: string | undefined, said: readonly FieldMessage[]): FieldMessage[] {
  const text = typed?.trim();
  if (!text || text.startsWith('/') || WITH_SCHEME.test(text) || said.some((m) => m.field === field)) return [];
  return [{ level: 'error', field, text: 'Skriv adressen med / foran, f.eks. /personvern/, eller hele adressen med https://. Uten / peker den et annet sted på hver underside.' }];
}
