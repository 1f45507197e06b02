import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LIBRARY_CONFIG = ROOT + 'vite.config.ts';
export const SRC_DIR = ROOT + 'src/';
export const SW_ENTRY = fileURLToPath(new URL('../standin/sw.ts', import.meta.url));

type Output = Rolldown.RolldownOutput | Rolldown.RolldownOutput[] | Rolldown.RolldownWatcher;

function firstChunk(output: Output, what: string): string {
  const outputs = Array.isArray(output) ? output : 'output' in output ? [output] : [];
  for (const o of outputs) for (const item of o.output) if (item.type === 'chunk') return item.code;
  throw new Error(`samtykke demo: building ${what} produced no JavaScript`);
}

/**
 * `dist/samtykke.full.js` as `npm run build` would make it, in memory, served as the demo's
 * `/samtykke.js`: the library config itself is used (same entry, format, defines and plugins),
 * only unminified and not written, so the classic `<script src="/samtykke.js" data-…>` tag works
 * in dev as in production, with the face at hand (no second file to build on request).
 */
export async function buildSamtykke(): Promise<string> {
  const output = await build({
    configFile: LIBRARY_CONFIG,
    mode: 'full',
    logLevel: 'warn',
    build: { write: false, minify: false, emptyOutDir: false, sourcemap: 'inline' },
  });
  return firstChunk(output, 'src/entries/full.ts');
}

/** The stand-in service worker as one classic script (a module worker is not universal yet). */
export async function buildServiceWorker(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: { entry: SW_ENTRY, formats: ['iife'], name: 'samtykkeStandIn', fileName: () => 'sw.js' },
    },
  });
  return firstChunk(output, 'demo/standin/sw.ts');
}
