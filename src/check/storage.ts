import type { Service } from '../config/types';
import { matchesCookie } from '../effects/withdraw';
import { cookieNames } from '../storage/jar';
import { bad, ok, warn, type Line, type Look } from './model';

type Where = 'cookie' | 'local' | 'session';

/** The keys of a storage area, none where the page may not read it (a sandboxed frame, blocked storage). */
function keys(area: () => Storage): string[] {
  try {
    const storage = area();
    return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null);
  } catch {
    return [];
  }
}

/**
 * The cookies and storage keys present now, by name, each marked by the services' cookie
 * tables: samtykke's own, declared (red when its purpose is not granted), or declared nowhere.
 */
export function storage(look: Look): Line[] {
  const { t, config, store } = look;
  const found: [string, Where][] = [
    ...cookieNames().map((n): [string, Where] => [n, 'cookie']),
    ...keys(() => localStorage).map((n): [string, Where] => [n, 'local']),
    ...keys(() => sessionStorage).map((n): [string, Where] => [n, 'session']),
  ];
  const owner = (name: string): Service | undefined => config.services.find((s) => s.cookies.some((c) => matchesCookie(c.name, name)));
  const lines = found.map(([name, where]): Line => {
    const place = t.where[where];
    if (where === 'cookie' && name === config.cookieName) return ok(t.own(name));
    const service = owner(name);
    if (!service) return warn(t.undeclared(name, place), t.undeclaredFix);
    if (service.purpose !== 'necessary' && !store.granted(service.purpose)) return bad(t.ungranted(name, place, service.name), t.ungrantedFix);
    return ok(t.declared(name, place, service.name));
  });
  return lines.length ? lines : [ok(t.noStorage)];
}
