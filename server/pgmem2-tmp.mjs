import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
const mem = () => { const s = readFileSync('/proc/self/status', 'utf8'); return ['VmRSS', 'VmHWM'].map((k) => k + ' ' + Math.round(Number(new RegExp(k + ':\\s+(\\d+)').exec(s)[1]) / 1024)).join(' '); };
const dir = process.argv[2];
const pg = await PGlite.create({ dataDir: dir, startParams: [...PGlite.defaultStartParams, ...process.argv.slice(3)] });
const heap = pg.Module?.HEAPU8?.length ?? Object.keys(pg).join(',');
console.log('open existing', mem(), 'wasm heap MB', typeof heap === 'number' ? heap / 2**20 : heap);
await pg.close();
