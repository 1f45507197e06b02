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

/** Every cookie Google's tags may set on the site, more than the tables list (older `_gid`, `_gat_*`). */
export const GOOGLE_COOKIES = ['_ga', '_ga_*', '_gac_*', '_gcl_*', '_gid', '_gat*'];

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
  const patterns = services.flatMap((s) => s.cookies.filter((c) => !c.thirdParty).map((c) => c.name));
  if (services.some((s) => s.googleIds.length)) patterns.push(...GOOGLE_COOKIES);
  const domains = [undefined, ...cookieDomains(location.hostname), ...(configured ? [configured] : [])];
  for (const name of cookieNames()) {
    if (!patterns.some((p) => matchesCookie(p, name))) continue;
    for (const domain of domains) removeCookie(name, domain);
  }
}
