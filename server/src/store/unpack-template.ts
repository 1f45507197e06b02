import { closeSync, createReadStream, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createBrotliDecompress } from 'node:zlib';

/*
 * `node unpack-template.js <template> <dataDir>`: unpacks the store template
 * (cluster-template.ts) into an empty DATA_DIR. A process of its own, and a file with nothing
 * but Node's modules, so that what the unpacking takes (the Brotli window, the stream's
 * buffers: about 30 MB that the allocator kept after it was freed) goes when it exits, before
 * the receiver's PostgreSQL grows: the first start then peaks where every later one does.
 */

const BLOCK = 512;
const VERSION_FILE = 'PG_VERSION';

/**
 * Unpacks `template` into `dataDir`, streamed (a few hundred kB in memory, not the 40 MB
 * tar: PGlite's own `loadDataDir` peaked at 343 MB), each file fsynced. `PG_VERSION`, what
 * tells PGlite a cluster is there, is put in place last, by a rename: a start killed midway
 * leaves a folder without it, which the next start unpacks again.
 */
async function unpack(template: string, dataDir: string): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let file: { fd: number; left: number; padding: number } | null = null;
  let skip = 0;
  let sawVersion = false;
  const unpacking = join(dataDir, `${VERSION_FILE}.unpacking`);
  mkdirSync(dataDir, { recursive: true });
  const dirs = new Set<string>([dataDir]);
  const take = (n: number) => {
    const part = pending.subarray(0, n);
    pending = pending.subarray(n);
    return part;
  };
  for await (const chunk of createReadStream(template).pipe(createBrotliDecompress()) as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (skip) {
        skip -= take(skip).length;
      } else if (file) {
        const part = take(file.left);
        writeSync(file.fd, part);
        file.left -= part.length;
        if (file.left) break;
        fsyncSync(file.fd);
        closeSync(file.fd);
        skip = file.padding;
        file = null;
      } else if (pending.length >= BLOCK) {
        const header = take(BLOCK);
        const field = (at: number, length: number) => header.subarray(at, at + length).toString('latin1').replace(/\0.*$/s, '');
        const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/').replace(/^\/+/, ''); // ustar: prefix, then name
        if (!name) continue; // the archive's closing zero blocks
        if (name.split('/').includes('..')) throw new Error(`the store template ${template} names a path outside the store: ${name}`);
        const size = parseInt(field(124, 12), 8) || 0;
        const mode = parseInt(field(100, 8), 8) & 0o777;
        const path = join(dataDir, name);
        if (field(156, 1) === '5') {
          mkdirSync(path, { recursive: true, mode });
          dirs.add(path);
        } else {
          if (name === VERSION_FILE) sawVersion = true;
          file = { fd: openSync(name === VERSION_FILE ? unpacking : path, 'w', mode), left: size, padding: (BLOCK - (size % BLOCK)) % BLOCK };
          continue; // an empty file is closed by the branch above, whatever is pending
        }
      } else break;
      if (!pending.length) break;
    }
  }
  if (file || !sawVersion) throw new Error(`the store template ${template} is cut short`);
  for (const dir of dirs) syncPath(dir);
  renameSync(unpacking, join(dataDir, VERSION_FILE));
  syncPath(dataDir);
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const [template, dataDir] = process.argv.slice(2);
if (!template || !dataDir) {
  console.error('usage: node unpack-template.js <template> <dataDir>');
  process.exitCode = 2;
} else await unpack(template, dataDir);
