import { defineConfig } from 'vitest/config';

/**
 * The unit project alone, for mutation testing (`npm run mutation`, docs/testing.md): the pure
 * modules are mutated in place, and only the unit tests import them (the browser suites run the
 * built files, which a mutant never reaches).
 */
export default defineConfig({
  define: { __VERSION__: JSON.stringify('test'), __FACE_LANG__: JSON.stringify('all') },
  test: { environment: 'happy-dom', include: ['test/unit/**/*.test.{ts,tsx}'], setupFiles: ['test/unit/help.ts'] },
});
