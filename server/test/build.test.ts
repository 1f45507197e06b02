import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dropStaleScripts } from '../rolldown.config.mjs';

/** The server's build: what `npm pack` takes from dist/ is what this build wrote, and the store's template. */
describe("the receiver's build", () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes out the chunks an earlier build left, and keeps the store template it reuses', () => {
    dir = mkdtempSync(join(tmpdir(), 'samtykke-dist-'));
    for (const file of ['main.js', 'import-new.js', 'import-old.js', 'pgdata-template.tar.br']) writeFileSync(join(dir, file), '');
    dropStaleScripts.writeBundle({ dir }, { 'main.js': {}, 'import-new.js': {} });
    expect(readdirSync(dir).sort()).toEqual(['import-new.js', 'main.js', 'pgdata-template.tar.br']);
  });
});
