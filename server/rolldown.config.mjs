// @ts-check
/**
 * The receiver as one file, `dist/main.js`: its own sources plus the few facts it shares with
 * the banner (the purposes, languages and revision pattern, from ../src), so the two can never
 * disagree. Packages from node_modules stay imports, installed with the package.
 */
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'src/main.ts',
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  output: { file: 'dist/main.js', format: 'esm' },
});
