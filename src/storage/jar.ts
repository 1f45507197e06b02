/**
 * The page's cookies through `document.cookie`, names and values exactly as stored: samtykke
 * writes only plain ASCII (its record's format, and cookie names it read from the jar), so
 * nothing is encoded, and its reader must not decode (`1%2E…` is not `1.…`; see cookie.ts).
 */

/** Each `name=value` of the jar as [name, value], in the browser's order. */
const pairs = (): string[][] => (document.cookie ? document.cookie.split('; ') : []).map((pair) => {
  const [name = '', ...value] = pair.split('=');
  return [name, value.join('=')];
});

/** The value of the first cookie called `name`, as stored, or undefined when there is none. */
export function readCookie(name: string): string | undefined {
  return pairs().find((pair) => pair[0] === name)?.[1];
}

/** The names of the cookies this page can see; none where reading is refused (a sandboxed frame). */
export function cookieNames(): string[] {
  try {
    return pairs().map((pair) => pair[0]!);
  } catch {
    return [];
  }
}

/**
 * Sets a cookie for the whole site (path `/`) that lives `days` (0 expires it), on this host or
 * on `domain` when given; `attributes` are added as written (`; SameSite=Lax`).
 */
export function writeCookie(name: string, value: string, days: number, domain?: string | null, attributes = ''): void {
  document.cookie = `${name}=${value}; path=/; max-age=${days * 86_400}${domain ? '; domain=' + domain : ''}${attributes}`;
}

/** Expires a cookie set with path `/` on this host, or on `domain` when given. */
export const removeCookie = (name: string, domain?: string | null): void => writeCookie(name, '', 0, domain);
