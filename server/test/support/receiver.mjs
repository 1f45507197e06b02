// @ts-check
/** Runs the built receiver (server/dist) as its own process, as `npm start` does. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const ORIGIN = 'https://www.example.no';
export const TOKEN = 'test-token-0123456789abcdefghij';

/**
 * @param {Record<string, string>} env  DATA_DIR or DATABASE_URL, and any other setting
 * @returns {Promise<{ url: string, pid: number, startLog: string, kill: (signal?: NodeJS.Signals) => Promise<void> }>}
 */
export function startReceiver(env) {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ALLOWED_ORIGINS: ORIGIN, SAMTYKKE_LOG_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}: ${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (!line) return;
      const startLog = out;
      out = '';
      child.stdout.resume(); // keep draining the request log
      child.stdout.removeAllListeners('data');
      child.stdout.on('data', () => {});
      resolve({
        url: `http://127.0.0.1:${JSON.parse(line).port}`,
        pid: /** @type {number} */ (child.pid),
        startLog, // what it wrote up to listening
        kill: async (signal = 'SIGKILL') => {
          child.kill(signal);
          await exited;
        },
      });
    });
  });
}
