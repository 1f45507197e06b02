/**
 * Every message samtykke writes to the console goes through here, so owners can filter on
 * one prefix and a message always says what is wrong and how to fix it.
 */
export function report(level: 'error' | 'warn', message: string, detail?: unknown): void {
  try {
    const args: unknown[] = ['[samtykke] ' + message];
    if (detail !== undefined) args.push(detail);
    console[level](...args);
  } catch {
    /* a console that throws must not take the page with it */
  }
}
