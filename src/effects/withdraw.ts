import type { Config, OptionalPurpose, Service } from '../config/types';
import type { ConsentStore } from '../core/store';
import { cookieNames, removeCookie } from '../storage/jar';

/**
 * Making a withdrawal real (UI-10): the cookies of each withdrawn purpose are expired on this
 * host and on every parent domain a script could have set them on (WN-07), and — since code
 * that already ran cannot be unloaded — the page reloads when such code had run.
 */
export function enforceWithdrawal(config: Config, store: ConsentStore, ran: Set<OptionalPurpose>, reload = () => location.reload()): void {
  store.subscribe((next, prev) => {
    const withdrawn = config.purposes.filter((p) => prev?.choices[p] === true && next?.choices[p] !== true);
    if (!withdrawn.length) return;
    deleteCookies(config.services.filter((s) => withdrawn.includes(s.purpose as OptionalPurpose)), config.cookieDomain);
    if (config.reloadOnWithdraw && withdrawn.some((p) => ran.has(p))) reload();
  });
}

/**
 * Every cookie Google's tags may set on the site, more than the tables list (older `_gid`,
 * `_gat_*`), by the purpose of the tag that sets them: the Ads click ids (`_gcl_*`, `_gac_*`)
 * go with Markedsføring alone, so withdrawing Statistikk leaves them.
 */
export const GOOGLE_COOKIES: Readonly<Record<'analytics' | 'marketing', readonly string[]>> = {
  analytics: ['_ga', '_ga_*', '_gid', '_gat*'],
  marketing: ['_gac_*', '_gcl_*'],
};

/** `_ga_*` matches every name starting with `_ga_`; other names match exactly. */
export function matchesCookie(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** The host itself and each parent down to two labels: `a.b.example.no` → a.b.example.no, b.example.no, example.no. */
export function cookieDomains(hostname: string): string[] {
  if (!hostname.includes('.') || /^[\d.]+$|:/.test(hostname)) return [];
  const labels = hostname.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

function deleteCookies(services: readonly Service[], configured: string | null): void {
  const own = services.flatMap((s) => s.cookies.filter((c) => !c.thirdParty));
  const patterns = own.filter((c) => !c.local).map((c) => c.name);
  for (const s of services) if (s.googleIds.length && s.purpose in GOOGLE_COOKIES) patterns.push(...GOOGLE_COOKIES[s.purpose as keyof typeof GOOGLE_COOKIES]);
  for (const c of own) if (c.local) removeStored(c.name);
  const domains = [undefined, ...cookieDomains(location.hostname), ...(configured ? [configured] : [])];
  for (const name of cookieNames()) {
    if (!patterns.some((p) => matchesCookie(p, name))) continue;
    for (const domain of domains) removeCookie(name, domain);
  }
}

function removeStored(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage refused (a sandboxed frame, privacy settings): nothing could have been kept there.
  }
}
