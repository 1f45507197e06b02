import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SCHEMA_VERSION } from './migrations.js';

/**
 * The embedded store's empty cluster, made at build time (make-template.ts) and shipped in
 * the package.
 *
 * PGlite creates a cluster by running PostgreSQL's initdb inside the process, in a second
 * PostgreSQL instance beside the first: the first start on an empty DATA_DIR peaked at 750 MB,
 * three times a normal start, and did not fit a 256 MB machine. A first start now unpacks this
 * file instead: a cluster with the schema in place (the migrations' DDL alone cost a first start
 * 30 MB more than a later one); a later step, if any, runs as on every start.
 *
 * The file is PGlite's own dump of the cluster (a tar), compressed with Brotli over a 16 MB
 * window, so the three databases' near-identical catalogs are stored about once. Its name
 * carries the PGlite release line (0.5: one line runs one PostgreSQL major version, and the
 * package's dependency range stays within it) and the schema version.
 */

/** The installed PGlite's release line, e.g. `0.5`. */
export function pgliteLine(): string {
  const main = createRequire(import.meta.url).resolve('@electric-sql/pglite'); // …/dist/index.cjs
  const { version } = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string };
  return version.split('.').slice(0, 2).join('.');
}

/** Where the template for the installed PGlite lies in `dir` (the build's dist/). */
export const templatePath = (dir: string): string => join(dir, `pgdata-pglite-${pgliteLine()}-schema-${SCHEMA_VERSION}.tar.br`);

/**
 * Unpacks the template in `builtDir` (the built receiver's folder) into `dataDir`, in a process
 * of its own (unpack-template.ts); false when that folder has no template for this PGlite.
 */
export async function unpackTemplate(builtDir: string, dataDir: string): Promise<boolean> {
  const template = templatePath(builtDir);
  if (!existsSync(template)) return false;
  await promisify(execFile)(process.execPath, [join(builtDir, 'unpack-template.js'), template, dataDir]);
  return true;
}
