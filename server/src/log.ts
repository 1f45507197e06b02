/**
 * One JSON line per event on stdout. Callers pass only what describes the service (route
 * pattern, status, timing, counts), never a consent id, address or body.
 */
type Fields = Record<string, string | number | boolean>;
export type Log = (level: 'info' | 'warn' | 'error', msg: string, fields?: Fields) => void;

export const jsonLog: Log = (level, msg, fields = {}) => {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
};

export const silentLog: Log = () => {};
