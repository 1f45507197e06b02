// Types only: the engine never carries the texts.
import type { Messages } from '../help/messages';

/**
 * Every message samtykke writes to the console goes through here, so owners can filter on
 * one prefix and a message always says what is wrong and how to fix it.
 *
 * A message is a key and its values; its text is in the table of help/messages.ts. The tag and
 * samtykke.full.js do not carry that table: the first message fetches `samtykke-help.js` once
 * (their entries say how, with `helpFrom`) and the messages print, in order, when it is here.
 * Only the text waits: whatever the engine decided when reporting (holding, failing closed) is
 * done already. The bundler build (and the unit tests) hand the table over at once, so there
 * every message prints as it is reported.
 */

type Key = keyof Messages;
type Level = 'error' | 'warn';
/** Gets the table of texts and hands it over, or `null` when it cannot be had. */
export type FetchHelp = (done: (table: Messages | null) => void) => void;

/** One message as reported: what the self-check (src/check/) shows the owner again. */
export interface Reported {
  readonly level: Level;
  readonly key: Key;
  readonly values: readonly unknown[];
  readonly detail: unknown;
}

/** The texts: at hand, `undefined` until fetched, `null` when they could not be had. */
let table: Messages | null | undefined;
let fetchHelp: FetchHelp = (done) => done(null);
/** What was reported while the texts were being fetched, in order; set once they are asked for. */
let waiting: Reported[] | undefined;
/** Every message of this page view, in order, for the owner's self-check (src/check/open.ts). */
export const said: Reported[] = [];

/** Where the texts come from: fetched beside the tag, or at hand in the bundler build. */
export function helpFrom(fetch: FetchHelp): void {
  fetchHelp = fetch;
}

/** Reports a problem by its key and values (owner and page values through `describe`). */
export function report<K extends Key>(level: Level, key: K, ...values: Parameters<Messages[K]>): void {
  speak({ level, key, values, detail: undefined });
}

/** The same, with what was thrown (or refused) printed beside the text for the owner to inspect. */
export function reportError<K extends Key>(level: Level, key: K, detail: unknown, ...values: Parameters<Messages[K]>): void {
  speak({ level, key, values, detail });
}

/** Prints a text as it is: for the parts that carry their few messages themselves (the face, the log sender), smaller than fetching them. */
export function say(level: Level, text: string): void {
  print(level, text, undefined);
}

// No array methods or spread below: this must speak even when an earlier script broke Array.prototype.
function speak(message: Reported): void {
  said[said.length] = message;
  if (table !== undefined) return explain(message);
  if (waiting) {
    waiting[waiting.length] = message;
    return;
  }
  waiting = [message];
  try {
    fetchHelp(arrived);
  } catch {
    arrived(null);
  }
}

function arrived(help: Messages | null): void {
  if (table !== undefined) return;
  table = help;
  const queued = waiting!;
  for (let i = 0; i < queued.length; i++) explain(queued[i]!);
}

function explain({ level, key, values, detail }: Reported): void {
  let text: string;
  try {
    text = (table![key] as (...values: unknown[]) => string).apply(null, values as unknown[]);
  } catch {
    // Without the texts: the key names the setting or the problem, and the values say what was wrong.
    text = key;
    try {
      for (let i = 0; i < values.length; i++) text += ' ' + String(values[i]);
    } catch {
      /* a value that cannot be printed: the key alone */
    }
    text += " — the explanation is in samtykke-help.js, which could not be loaded from the samtykke tag's folder";
  }
  print(level, text, detail);
}

function print(level: Level, text: string, detail: unknown): void {
  try {
    if (detail === undefined) console[level]('[samtykke] ' + text);
    else console[level]('[samtykke] ' + text, detail);
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
