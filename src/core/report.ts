/**
 * Every message samtykke writes to the console goes through here, so owners can filter on
 * one prefix and a message always says what is wrong and how to fix it.
 */
export function report(level: 'error' | 'warn', message: string, detail?: unknown): void {
  try {
    // No array spread: this must speak even when an earlier script broke Array.prototype.
    if (detail === undefined) console[level]('[samtykke] ' + message);
    else console[level]('[samtykke] ' + message, detail);
  } catch {
    /* a console that throws must not take the page with it */
  }
}

/**
 * Any value as text for a message, never throwing: JSON where it can be (BigInt as `12n`, a
 * cycle as `[cycle]`), else its kind. Owner and page values reach messages through here, and
 * a value whose `toJSON`, `toString` or proxy traps throw must not turn a message into a crash.
 */
export function describe(value: unknown): string {
  try {
    const seen = new WeakSet<object>();
    const text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'symbol' || typeof v === 'function') return `[${typeof v}]`;
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[cycle]';
        seen.add(v);
      }
      return v;
    });
    if (typeof text === 'string') return text.length > 200 ? text.slice(0, 200) + '…' : text;
  } catch {
    /* a throwing toJSON, getter or proxy trap: fall back to the kind below */
  }
  return value === undefined ? 'undefined' : `[${typeof value}]`;
}
