/**
 * Where an address points, told without the owner's settings: Google's hosts, the hosts and
 * paths the presets hold, and whether it is a web address at all. Plain data and functions with
 * nothing done at load, so the inline start (src/start/) carries them without the presets.
 * config/trackers.ts classifies with them.
 */

/**
 * GCM-15: Google's tag, ads and analytics hosts, and www.google.* / google.* under an ads path.
 * The single definition: the blocker, the tests and the demo's stand-in all use it.
 */
export const GOOGLE_HOSTS = /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com)$/;
export const GOOGLE_SITE = /^(www\.)?google\.[a-z.]+$/;
export const ADS_PATH = /^\/(pagead|ads|ccm|rmkt)(\/|$)/;
export const ANALYTICS_HOSTS = /(^|\.)(google-analytics\.com|analytics\.google\.com)$/;

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

/** The addresses each preset with a `block` holds (config/presets.ts): the inline start holds them without settings. */
export const PRESET_BLOCKS = {
  meta: ['connect.facebook.net', 'www.facebook.com/tr'],
  youtube: ['www.youtube.com/embed/', 'youtube.com/embed/', 'www.youtube-nocookie.com/embed/'],
  vimeo: ['player.vimeo.com/video/'],
  maps: ['www.google.com/maps/embed', 'maps.google.com/maps'],
} as const;

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
