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
 * Storage the browser refuses leaves the queue in memory for this page view.
 */
export function logQueue(key: string): LogQueue {
  let memory: LogEntry[] = [];
  const read = (): LogEntry[] => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      // Anything not shaped like entries is dropped here; the receiver's schema checks the rest.
      return Array.isArray(stored) ? (stored as LogEntry[]).filter((e) => typeof e?.id == 'string') : [];
    } catch {
      return memory;
    }
  };
  const write = (entries: LogEntry[]) => {
    memory = entries.slice(-MAX_QUEUED);
    try {
      if (memory.length) localStorage.setItem(key, JSON.stringify(memory));
      else localStorage.removeItem(key);
    } catch {
      /* kept in memory for this page view */
    }
  };
  return {
    read,
    add: (entry) => write([...read().filter((e) => !sameEntry(e, entry)), entry]),
    remove: (entry) => write(read().filter((e) => !sameEntry(e, entry))),
  };
}
