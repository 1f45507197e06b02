import type { Config } from '../config/types';
import { decode, encode, type ConsentRecord } from '../consent/record';
import { readCookie, removeCookie, writeCookie } from './jar';

export interface CookieStore {
  /** The stored record, or `null` when there is none or it cannot be trusted. */
  read(): ConsentRecord | null;
  /** Stores it; whether the browser kept it (cookies may be blocked) shows in the next `read()`. */
  write(record: ConsentRecord): void;
  clear(): void;
}

/** samtykke's cookie as the settings name it: where it is set and how long it lives. */
export type CookieOptions = Pick<Config, 'cookieName' | 'cookieDomain' | 'validityDays'>;

export function cookieStore({ cookieName: name, cookieDomain: domain, validityDays }: CookieOptions): CookieStore {
  return {
    read() {
      try {
        // Read as stored: a reader that strips quotes or percent-decodes would take `"1.…"` or
        // `1%2E…` for a valid decision; `decode` accepts only what we write.
        return decode(readCookie(name));
      } catch {
        // A cookie jar the browser will not let us read is the same as an empty one.
        return null;
      }
    },
    write(record) {
      try {
        writeCookie(name, encode(record), validityDays, domain, `; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`);
      } catch {
        /* refused: the choice holds for this page view (see the store) */
      }
    },
    clear() {
      try {
        removeCookie(name, domain);
      } catch {
        /* nothing stored, nothing to clear */
      }
    },
  };
}
