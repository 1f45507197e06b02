// What the bench's local HTTPS servers share (bench/run.mjs, bench/untraced.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A throwaway self-signed certificate for a local server (the browser is told to accept it). */
export function certificate(name) {
  const dir = mkdtempSync(join(os.tmpdir(), `${name}-`));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${name}`], { stdio: 'ignore' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const zipCache = new Map();
/** `body` gzipped at -9, once per body: the same files are served run after run. */
export const gzipped = (body) => {
  if (!zipCache.has(body)) zipCache.set(body, gzipSync(body, { level: 9 }));
  return zipCache.get(body);
};
