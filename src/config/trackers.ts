import { embedPresets, googleAds, googleAnalytics, metaPixel } from './presets';
import { ANALYTICS_HOSTS, isGoogleTracking, matches, webAddress } from './hosts';
import type { Config, Service } from './types';

// Where an address points, without settings (the inline start reads only these): here too, as the blocker's vocabulary.
export { isGoogleTracking, matches, webAddress };

/** The presets held back even when the owner did not name them: the embeds and Meta's pixel. */
const KNOWN: readonly Service[] = [...embedPresets, metaPixel()];

/**
 * The host of an address on another site than this one, or null for the site's own: this host,
 * and the domain under it — `site` without `www.`, or the owner's `cookieDomain`, which says the
 * site spans it — with its subdomains (www.stressfri.no: stressfri.no and bilder.stressfri.no).
 * Never a parent guessed from the last labels: under co.uk or webnode.page that is other
 * people's sites.
 */
export function foreignHost(src: string, site: string, domain: string | null): string | null {
  const url = webAddress(src);
  if (!url) return null;
  const own = domain ?? site.replace(/^www\./, '');
  return url.hostname === site || ('.' + url.hostname).endsWith('.' + own) ? null : url.hostname;
}

/** What a held-back element belongs to. `declared`: the visitor was told of it in the preferences. */
export interface Tracker {
  readonly service: Service;
  readonly declared: boolean;
  /** A Google tag host (GCM-15), which advanced mode lets load before consent. */
  readonly google?: boolean;
  /** A host no service claims, held only because the owner chose `strict`. */
  readonly stranger?: boolean;
}

/**
 * Which service a URL loads, if it is a tracker: an owner's or preset's `block` pattern first,
 * then Google by GCM-15 (a gtag id picks the configured service that owns it). Services the
 * owner did not configure still match, as presets marked undeclared, so they are held back too.
 */
export function classify(src: string, config: Config): Tracker | null {
  const url = webAddress(src);
  if (!url) return null;
  const own = config.services.find((s) => s.block.some((p) => matches(p, url)));
  if (own) return { service: own, declared: true };
  const known = KNOWN.find((s) => s.block.some((p) => matches(p, url)));
  if (known) return { service: known, declared: false };
  if (!isGoogleTracking(url)) return null;

  const id = url.searchParams.get('id') ?? '';
  const analytics = ANALYTICS_HOSTS.test(url.hostname) || id.startsWith('G-');
  const configured = config.services.find((s) => s.googleIds.includes(id)) ?? config.services.find((s) => s.id === (analytics ? 'google-analytics' : 'google-ads'));
  return { service: configured ?? (analytics ? googleAnalytics([]) : googleAds([])), declared: !!configured, google: true };
}
