import { defineConfig } from 'vitest/config';
import { pagesUrl } from './scripts/versioned.mjs';

/** The built files in Debian's headless Chromium, after the unit project (a broken layer fails fast and cheaply). */
const builtInChromium = {
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 60_000,
  maxWorkers: 2,
  sequence: { groupOrder: 1 },
  // `expect.poll` waits for a page to show something; its default second is too short for a
  // page under load on 2 busy cores, and a poll ends as soon as the signal is there.
  expect: { poll: { timeout: 10_000 } },
} as const;

/**
 * The suites that drive no browser of their own, or one at a time: together, first, two files at
 * a time. One group shares one `maxWorkers` (vitest runs a group's projects in one pool), so
 * these could not run beside the engines' one-at-a-time group: there the receiver's two minutes
 * waited for the engines. The CPU-heavy package builds stay off the Chromium suites' cores.
 */
const beforeTheBrowsers = { maxWorkers: 2, sequence: { groupOrder: 0 } } as const;

export default defineConfig({
  define: { __VERSION__: JSON.stringify('test'), __FACE_LANG__: JSON.stringify('all'), __PAGES_FOLDER__: JSON.stringify(pagesUrl('test')) },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { ...beforeTheBrowsers, name: 'unit', environment: 'happy-dom', include: ['test/unit/**/*.test.{ts,tsx}'], setupFiles: ['test/unit/help.ts'] },
      },
      {
        // The consent-log receiver (server/), against the embedded store and a PostgreSQL server
        // (each file its own, on a free port, so two files can run at once).
        extends: true,
        test: { ...beforeTheBrowsers, name: 'server', environment: 'node', include: ['server/test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        // The package as `npm pack` makes it, the README's figures, the bundler example (node).
        extends: true,
        test: { ...beforeTheBrowsers, name: 'package', environment: 'node', include: ['test/package/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        // The built dist/samtykke.js in Debian's headless Chromium; `npm test` builds first.
        extends: true,
        test: { ...builtInChromium, name: 'browser', include: ['test/browser/**/*.test.ts'] },
      },
      {
        // The same scenarios in Chromium, Firefox ESR and WebKitGTK, after the Chromium suites.
        extends: true,
        test: {
          name: 'engines',
          environment: 'node',
          include: ['test/engines/**/*.test.ts'],
          // WebDriver over HTTP is a round trip per key press; on 2 busy cores that adds up.
          // One engine at a time: two browsers and an Xvfb on 2 cores made WebKit miss frames.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
