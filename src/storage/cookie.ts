import Cookies from 'js-cookie';
import type { Config } from '../config/types';
import { decode, encode, type ConsentRecord } from '../consent/record';

export interface CookieStore {
  /** The stored record, or `null` when there is none or it cannot be trusted. */
  read(): ConsentRecord | null;
  /** Stores it; whether the browser kept it (cookies may be blocked) shows in the next `read()`. */
  write(record: ConsentRecord): void;
  clear(): void;
}

/** samtykke's cookie as the settings name it: where it is set and how long it lives. */
export type CookieOptions = Pick<Config, 'cookieName' | 'cookieDomain' | 'validityDays'>;

/**
 * js-cookie's reader strips quotes and percent-decodes, so `"1.…"` or `1%2E…` would read as a
 * valid decision. Ours reads the value exactly as stored; `decode` accepts only what we write.
 */
const raw = Cookies.withConverter<string>({ read: (value) => value });

export function cookieStore({ cookieName: name, cookieDomain: domain, validityDays }: CookieOptions): CookieStore {
  const attributes = (): Cookies.CookieAttributes => ({
    path: '/',
    sameSite: 'Lax',
    secure: location.protocol === 'https:',
    ...(domain ? { domain } : {}),
  });
  return {
    read() {
      try {
        return decode(raw.get(name));
      } catch {
        // A cookie jar the browser will not let us read is the same as an empty one.
        return null;
      }
    },
    write(record) {
      try {
        Cookies.set(name, encode(record), { ...attributes(), expires: validityDays });
      } catch {
        /* refused: the choice holds for this page view (see the store) */
      }
    },
    clear() {
      try {
        Cookies.remove(name, attributes());
      } catch {
        /* nothing stored, nothing to clear */
      }
    },
  };
}
