import type { OptionalPurpose } from '../config/types';

/** One entry of the consent log, exactly the fields the receiver's `POST /v1/consents` takes. */
export interface LogEntry {
  readonly id: string;
  readonly time: string;
  readonly revision: string;
  readonly servicesHash: string;
  readonly choices: Readonly<Partial<Record<OptionalPurpose, boolean>>>;
  readonly lang: string;
  readonly version: string;
  readonly textsHash: string;
  readonly path: string;
  /** The consent id of the decision this one replaced, if any. */
  readonly previousId: string | null;
}

export interface LogQueue {
  /** The entries not yet acknowledged, oldest first. */
  read(): LogEntry[];
  add(entry: LogEntry): void;
  /** Forgets it (acknowledged, or refused for good). */
  remove(entry: LogEntry): void;
}

/** A handful: enough to outlast an outage between page views, never a growing store. */
export const MAX_QUEUED = 10;

/** (id, time) is an entry's key at the receiver too. */
export const sameEntry = (a: LogEntry, b: LogEntry): boolean => a.id === b.id && a.time === b.time;

/**
 * The entries the log has not acknowledged, kept in localStorage so that none is lost while the
 * receiver is unreachable: part of the strictly necessary consent function, like the cookie.
 * Where the browser refuses storage, an entry is still sent, only not kept for a resend.
 */
export function logQueue(key: string): LogQueue {
  const read = (): LogEntry[] => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      // Anything not shaped like entries is dropped here; the receiver's schema checks the rest.
      return Array.isArray(stored) ? (stored as LogEntry[]).filter((e) => typeof e?.id == 'string') : [];
    } catch {
      return [];
    }
  };
  const write = (entries: LogEntry[]) => {
    try {
      if (entries.length) localStorage.setItem(key, JSON.stringify(entries.slice(-MAX_QUEUED)));
      else localStorage.removeItem(key);
    } catch {
      /* refused: nothing to resend from */
    }
  };
  return {
    read,
    add: (entry) => write([...read().filter((e) => !sameEntry(e, entry)), entry]),
    remove: (entry) => write(read().filter((e) => !sameEntry(e, entry))),
  };
}
