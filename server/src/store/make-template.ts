import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';

/**
 * Build step (scripts/cluster-template.mjs): makes the empty, migrated cluster a first start
 * unpacks (cluster-template.ts) at `path`; returns its bytes. Runs initdb, about 10 s and 750 MB,
 * so on the build machine and not on the owner's.
 */
export async function writeTemplate(path: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'samtykke-log-template-'));
  try {
    const db = await openPglite(dir, { builtDir: dir }); // no template there: initdb
    await migrate(db);
    await db.close(); // a clean stop: nothing for the first start to replay
    const pg = await PGlite.create({ dataDir: dir });
    const tar = new Uint8Array(await (await pg.dumpDataDir('none')).arrayBuffer());
    await pg.close();
    const packed = await promisify(brotliCompress)(tar, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 7, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: tar.length },
    });
    writeFileSync(path, packed);
    return packed.length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
