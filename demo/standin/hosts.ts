/**
 * Google's tag, ads and analytics hosts — the same rule as test/browser/google-hosts.ts
 * (GCM-15), repeated here because the service worker is bundled on its own.
 */
const HOSTS = /(^|\.)(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com)$/;
const GOOGLE_SITE = /^(www\.)?google\.[a-z.]+$/;
const ADS_PATH = /^\/(pagead|ads|ccm|rmkt)(\/|$)/;

export function isGoogle(url: URL): boolean {
  return HOSTS.test(url.hostname) || (GOOGLE_SITE.test(url.hostname) && ADS_PATH.test(url.pathname));
}
