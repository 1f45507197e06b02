// The core scenarios of engine.test.ts again, with samtykke.full.js (engine and face in one file)
// as the tag. Here in the browser project, beside the other files, rather than in a project of its
// own: a project of one file ran alone on one of CI's two cores.
import { afterAll, vi } from 'vitest';

// Before the harness is imported (vi.hoisted runs ahead of the imports): it reads the bundle's name once.
vi.hoisted(() => {
  process.env.SAMTYKKE_BUNDLE = 'samtykke.full.js';
});
afterAll(() => {
  delete process.env.SAMTYKKE_BUNDLE;
});

await import('./engine.test');
