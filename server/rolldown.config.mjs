// @ts-check
/**
 * The receiver as `dist/main.js` (and the export check as `dist/verify.js`): its own sources plus the few facts it shares with
 * the banner (the purposes, languages and revision pattern, from ../src), so the two can never
 * disagree. Packages from node_modules stay imports, installed with the package.
 */
import { defineConfig } from 'rolldown';

export default defineConfig({
  // The receiver, and the offline check of an export (bin/samtykke-log.mjs verify).
  input: { main: 'src/main.ts', verify: 'src/verify.ts' },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  output: { dir: 'dist', format: 'esm', entryFileNames: '[name].js' },
});
