import Cookies from 'js-cookie';

/** The names of the cookies this page can see; none where reading is refused (a sandboxed frame). */
export function cookieNames(): string[] {
  try {
    return Object.keys(Cookies.get());
  } catch {
    return [];
  }
}

/** Expires a cookie set with path `/` on this host, or on `domain` when given. */
export function removeCookie(name: string, domain?: string): void {
  Cookies.remove(name, domain ? { path: '/', domain } : { path: '/' });
}
