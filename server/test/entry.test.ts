import { describe, expect, it } from 'vitest';
import { OPTIONAL_PURPOSES } from '../../src/config/purposes';
import { LANGS } from '../../src/config/settings';
import { parseEntry } from '../src/entry.js';
import { entry } from './support/load.mjs';

describe('the entry schema', () => {
  it('takes every purpose and language the banner has, from the banner\'s own tables', () => {
    const choices = Object.fromEntries(OPTIONAL_PURPOSES.map((p) => [p, true]));
    for (const lang of LANGS) {
      const parsed = parseEntry(JSON.stringify({ ...entry(1), choices, lang }), Date.now());
      expect(parsed).toEqual({ ok: true, entry: expect.objectContaining({ choices, lang }) });
    }
  });
});
