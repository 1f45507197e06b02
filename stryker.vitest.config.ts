import { defineConfig } from 'vitest/config';

/**
 * The unit project alone, for mutation testing (`npm run mutation`, docs/testing.md): the pure
 * modules are mutated in place, and only the unit tests import them (the browser suites run the
 * built files, which a mutant never reaches).
 */
export default defineConfig({
  define: { __VERSION__: JSON.stringify('test'), __FACE_LANG__: JSON.stringify('all') },
  // One environment for every file (isolate: false): a mutant's run is then its tests, not a
  // fresh happy-dom per file (the unit suite in 8 s instead of 110 s on the shared machine).
  // Two files are left out. report.test.ts loads the console voice afresh (vi.resetModules),
  // which in a shared environment leaves the files after it another copy without its texts; so
  // src/core/report.ts's score is what the other tests catch of it, a lower bound.
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    // hold.test.ts checks that the blocker, uninstalled, leaves the browser's own insertion; in a
    // shared environment a file before it (main.test.ts starts samtykke) has left its patches.
    exclude: ['test/unit/core/report.test.ts', 'test/unit/effects/hold.test.ts'],
    setupFiles: ['test/unit/help.ts'],
    isolate: false,
  },
});
