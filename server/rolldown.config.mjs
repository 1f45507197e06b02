// @ts-check
/**
 * The receiver as `dist/main.js` (and the export check as `dist/verify.js`): its own sources plus the few facts it shares with
 * the banner (the purposes, languages and revision pattern, from ../src), so the two can never
 * disagree. Packages from node_modules stay imports, installed with the package.
 */
import { readdirSync, rmSync } from 'node:fs';
import { defineConfig } from 'rolldown';

/**
 * Takes out the scripts an earlier build left in dist/ that this one did not write (chunks are
 * named by their hash), so the package holds only what the receiver runs. Everything else there
 * stays: the embedded store's template, which a build keeps, as making it takes 750 MB.
 */
export const dropStaleScripts = {
  name: 'drop-stale-scripts',
  /** @param {{ dir?: string }} options @param {Record<string, unknown>} bundle */
  writeBundle(options, bundle) {
    const dir = options.dir ?? 'dist';
    for (const file of readdirSync(dir)) if (file.endsWith('.js') && !(file in bundle)) rmSync(`${dir}/${file}`);
  },
};

export default defineConfig({
  // The receiver, the offline check of an export (bin/samtykke-log.mjs verify), and the
  // embedded store's template: its unpacker, which a first start runs as a process of its own,
  // and what the build makes it with (scripts/cluster-template.mjs).
  input: {
    main: 'src/main.ts',
    verify: 'src/verify.ts',
    'unpack-template': 'src/store/unpack-template.ts',
    'cluster-template': 'src/store/cluster-template.ts',
    'make-template': 'src/store/make-template.ts',
  },
  platform: 'node',
  plugins: [dropStaleScripts],
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  output: { dir: 'dist', format: 'esm', entryFileNames: '[name].js' },
});
