import { validate } from '../../src/config/validate';
import { helpFrom } from '../../src/core/report';
import { MESSAGES } from '../../src/help/messages';

// The configurator carries the messages' texts, as the bundler build does, so each prints (and
// is collected below) while validate() runs, instead of once samtykke-help.js is fetched.
helpFrom((done) => done(MESSAGES));

export interface FieldMessage {
  /** The script's error or warning, or the configurator's own hint (ids.ts). */
  readonly level: 'error' | 'warn' | 'hint';
  /** The setting the message names: `googleAds`, `theme.accent`, `services[0].id`, or '' for general. */
  readonly field: string;
  readonly text: string;
}

const PREFIX = '[samtykke] ';

/**
 * Runs the script's own validate() on the owner's input and collects what it would log, so the
 * configurator shows word for word the messages the live site would print. validate() reports
 * through console (src/core/report.ts); for the length of the call, console.error/warn are
 * swapped for collectors. validate() is synchronous, so nothing else is caught by mistake.
 */
export function check(input: Record<string, unknown>, siteUrl: string): FieldMessage[] {
  const messages: FieldMessage[] = [];
  const original = { error: console.error, warn: console.warn };
  const collect =
    (level: 'error' | 'warn') =>
    (...args: unknown[]): void => {
      const first = args[0];
      if (typeof first === 'string' && first.startsWith(PREFIX)) {
        const text = first.slice(PREFIX.length);
        messages.push({ level, field: fieldOf(text), text });
      } else original[level](...args);
    };
  console.error = collect('error');
  console.warn = collect('warn');
  try {
    const url = new URL(siteUrl);
    validate(input, { href: url.href, hostname: url.hostname, nonce: '' });
  } finally {
    console.error = original.error;
    console.warn = original.warn;
  }
  return messages;
}

/** Messages start with the setting they are about ("googleAds: …", "privacyUrl is not set: …"). */
function fieldOf(text: string): string {
  const match = /^([a-zA-Z]+(?:\[\d+\])?(?:\.[a-zA-Z]+(?:\[\d+\])?)*)(?::| is )/.exec(text);
  return match ? match[1]! : '';
}
