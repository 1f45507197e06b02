/**
 * Addresses as an owner types them, read as she means them. The engine takes an address as the
 * browser would (src/config/fields.ts), which is right for a developer but surprises an owner:
 * her site's address without `https://` is no address at all, and `personvern` is a path
 * relative to each page (on /om/ it means /om/personvern).
 */
import type { FieldMessage } from './messages';
import type { FormState } from './model';

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

/** Where an address may point, and what the owner is told when it does not. */
export interface AddressRule {
  readonly fits: (text: string) => boolean;
  /** The fix, as a sentence that follows the field's name (wording.ts puts the label there, or starts the line with it). */
  readonly fix: string;
}

const ROOTED = (text: string) => text.startsWith('/');
const HTTPS = (text: string) => /^https:\/\//i.test(text);

/**
 * A page or folder on her own site: rooted (`/personvern/`) or full (`https://…`). Anything else
 * points somewhere else on each page: the banner's link to the privacy notice would be right on
 * the home page only, where the owner checks it, and broken on every other page (a visitor on
 * /om/ gets /om/personvern); a folder of her own, the same for the script itself.
 */
const ownSite = (example: string): AddressRule => ({
  fits: (text) => ROOTED(text) || WITH_SCHEME.test(text),
  fix: `skriv adressen med / foran, f.eks. ${example}, eller hele adressen med https://. Uten / peker den et annet sted på hver underside.`,
});
export const OWN_PAGE = ownSite('/personvern/');
export const OWN_FOLDER = ownSite('/samtykke/');

/**
 * The consent log: every decision is sent there from every page, so it must be the same address
 * on each (rooted or full), and https (from an https page, the browser refuses to send to http).
 */
export const LOG: AddressRule = {
  fits: (text) => ROOTED(text) || HTTPS(text),
  fix: 'skriv hele adressen med https://, f.eks. https://logg.dittnettsted.no/v1/consents, eller med / foran hvis loggen ligger på nettstedet ditt.',
};

/** A page on another company's site (a provider's privacy page): only a full https:// address reaches it. */
export const OTHER_SITE: AddressRule = {
  fits: HTTPS,
  fix: 'skriv hele adressen med https://, f.eks. https://hano.no/personvern. Siden ligger hos leverandøren, ikke på nettstedet ditt.',
};

/**
 * An error for an address that the engine accepts but that does not point where the owner
 * means (`rule`), so the code is not copied with it. Nothing when the engine has already said
 * something about the field (a `javascript:` address, say), so it is said once.
 */
export function addressError(field: string, typed: string | undefined, rule: AddressRule, said: readonly FieldMessage[]): FieldMessage[] {
  const text = typed?.trim();
  if (!text || rule.fits(text) || said.some((m) => m.field === field)) return [];
  return [{ level: 'error', field, text: `${field}: ${rule.fix}` }];
}

/**
 * Every address in the form that the engine would take but the owner cannot mean: her privacy
 * page, the consent log, the folder she uploads to (when she hosts the file), and each of her
 * services' privacy pages.
 */
export function addressErrors(state: FormState, said: readonly FieldMessage[]): FieldMessage[] {
  const selfHosted = state.hosting === 'file' || state.hosting === 'folder';
  return [
    ...addressError('privacyUrl', state.privacyUrl, OWN_PAGE, said),
    ...addressError('logUrl', state.logUrl, LOG, said),
    ...(selfHosted ? addressError('ownFolder', state.ownFolder, OWN_FOLDER, said) : []),
    ...state.services.flatMap((service, i) => addressError(`services[${i}].privacyUrl`, service.privacyUrl, OTHER_SITE, said)),
  ];
}
