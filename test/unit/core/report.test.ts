import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS } from '../../../src/config/settings';
import { MESSAGES, type Messages } from '../../../src/help/messages';

/** A fresh copy of the console voice, as the tag has it before its first message. */
async function freshReport() {
  vi.resetModules();
  return import('../../../src/core/report');
}

afterEach(() => vi.restoreAllMocks());

describe('report: the texts come later, the order and the values do not change', () => {
  it('queues what is reported until the texts arrive, fetches them once, then prints in order with each detail', async () => {
    const { helpFrom, report, reportError } = await freshReport();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let deliver: (table: Messages | null) => void = () => {};
    const fetches = vi.fn((done: typeof deliver) => void (deliver = done));
    helpFrom(fetches);

    report('error', 'revision.format', '"x!"');
    const thrown = new Error('no');
    reportError('error', 'api.failed', thrown, 'set');
    report('warn', 'privacyUrl.missing');
    expect(fetches).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();

    deliver(MESSAGES);
    expect(error.mock.calls).toEqual([
      ['[samtykke] revision: "x!" must be 1–32 letters, digits, "-" or "_" (e.g. "2025-01"). Using "1".'],
      ['[samtykke] samtykke.set failed; nothing was changed.', thrown],
    ]);
    expect(warn.mock.calls).toEqual([['[samtykke] privacyUrl is not set: the banner must link to your privacy notice. Add data-privacy-url="/personvern/" to the script tag.']]);
    // Once here, a message prints as it is reported.
    report('warn', 'host.unknown', 'widget.example.com');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(fetches).toHaveBeenCalledTimes(1);
  });

  it('without the texts (blocked, altered, not uploaded), each message still names its key and values, once', async () => {
    const { helpFrom, report, reportError } = await freshReport();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetches = vi.fn((done: (table: Messages | null) => void) => done(null));
    helpFrom(fetches);
    report('error', 'id.invalid', 'googleAds', '"AW-12x"');
    reportError('error', 'face.load', new Error('blocked'), 'nb');
    const where = " — the explanation is in samtykke-help.js, which could not be loaded from the samtykke tag's folder";
    expect(error.mock.calls).toEqual([[`[samtykke] id.invalid googleAds "AW-12x"${where}`], [`[samtykke] face.load nb${where}`, new Error('blocked')]]);
    expect(fetches).toHaveBeenCalledTimes(1);
  });

  it('a fetch that throws and a console that throws never reach the page', async () => {
    const { helpFrom, report } = await freshReport();
    helpFrom(() => {
      throw new Error('no DOM');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {
      throw new Error('no console');
    });
    expect(() => report('error', 'api.set')).not.toThrow();
  });
});

describe('the table of texts', () => {
  const source = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? source(path) : /\.tsx?$/.test(name) && !path.endsWith(join('help', 'messages.ts')) ? [readFileSync(path, 'utf8')] : [];
    });
  const code = source(join(dirname(fileURLToPath(import.meta.url)), '../../../src')).join('\n');
  const say = (key: keyof Messages, ...values: unknown[]) => (MESSAGES[key] as (...v: unknown[]) => string)(...values);

  it('has no key the code never reports', () => {
    expect(Object.keys(MESSAGES).filter((key) => !code.includes(`'${key}'`))).toEqual([]);
  });

  it('every message about a setting names it', () => {
    const keys = Object.keys(MESSAGES) as (keyof Messages)[];
    const subject = (key: string) => key.split('.')[0]!;
    // The setting is in the key (revision.format) …
    const named = keys.filter((key) => subject(key) in SETTINGS);
    // … or given as the first value (setting.range validityDays, id.invalid googleAds, service.id services[0]).
    const given = keys.filter((key) => /^(setting|address|id|service|value)$/.test(subject(key)));
    expect(named.length).toBeGreaterThan(0);
    expect(given.length).toBeGreaterThan(0);
    for (const key of named) expect(say(key, '"x"', 'example.com'), key).toContain(subject(key));
    for (const key of given) {
      const field = { 'setting.allowed': 'mode', 'setting.range': 'validityDays', 'setting.boolean': 'strict' }[key as string] ?? 'googleAds';
      expect(say(key, field, '"x"'), key).toContain(field);
    }
  });
});
