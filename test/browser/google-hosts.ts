/**
 * GCM-15: a request counts as Google tracking if its host is one of Google's tag, ads or
 * analytics hosts, or www.google.* / google.* under an ads path.
 */
const HOSTS = /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com)$/;
const GOOGLE_SITE = /^(www\.)?google\.[a-z.]+$/;
const ADS_PATH = /^\/(pagead|ads|ccm|rmkt)(\/|$)/;

export function isGoogleTracking(url: string): boolean {
  const { hostname, pathname } = new URL(url);
  return HOSTS.test(hostname) || (GOOGLE_SITE.test(hostname) && ADS_PATH.test(pathname));
}
