import { embedPresets, googleAds, googleAnalytics, metaPixel } from './presets';
import type { Config, Service } from './types';

/**
 * GCM-15: Google's tag, ads and analytics hosts, and www.google.* / google.* under an ads path.
 * The single definition: the blocker, the tests and the demo's stand-in all use it.
 */
const GOOGLE_HOSTS = /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com)$/;
const GOOGLE_SITE = /^(www\.)?google\.[a-z.]+$/;
const ADS_PATH = /^\/(pagead|ads|ccm|rmkt)(\/|$)/;
const ANALYTICS_HOSTS = /(^|\.)(google-analytics\.com|analytics\.google\.com)$/;

export function isGoogleTracking(url: URL): boolean {
  return GOOGLE_HOSTS.test(url.hostname) || (GOOGLE_SITE.test(url.hostname) && ADS_PATH.test(url.pathname));
}

/**
 * `host[/path-prefix]`, the host optionally `*.` for any subdomain: "connect.facebook.net",
 * "*.hotjar.com", "www.youtube.com/embed/". Written by owners, so it stays this simple.
 */
export function matches(pattern: string, url: URL): boolean {
  const [host, ...path] = pattern.split('/');
  // `*.example.com` takes example.com itself too: ".example.com" ends with its own ".example.com".
  const hostOk = host!.startsWith('*.') ? ('.' + url.hostname).endsWith(host!.slice(1)) : url.hostname === host;
  return hostOk && url.pathname.startsWith('/' + path.join('/'));
}

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

/**
 * `src` read as the page would, when it is a web address (http(s), absolute or relative to the
 * page); anything else loads nothing we track, and is never released.
 */
export function webAddress(src: string): URL | null {
  try {
    const url = new URL(src, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
