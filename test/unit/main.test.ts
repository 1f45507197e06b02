import { expect, it, vi } from 'vitest';
import { start } from '../../src/main';
import type { Face } from '../../src/parts';

// The engine's wiring with a face at hand (as in samtykke.full.js) whose mount throws until it is
// told otherwise. One engine per page, and so one per file: an engine cannot be stopped, and a
// second one would hear the first one's clicks.

it('a face whose mount throws: one error, ready once, the reopen button shows, and the visitor’s next open mounts it again and opens the preferences', () => {
  window.samtykkeConfig = { privacyUrl: '/personvern/', googleAds: 'AW-123456789' };
  document.body.innerHTML = '<main><a href="#samtykke">Cookies</a></main>';
  let broken = true;
  let mounts = 0;
  let opened = 0;
  const face: Face = {
    mount() {
      if (broken) throw new Error('the face broke');
      mounts++;
      return { open: () => void opened++ };
    },
    holdFrame() {},
  };
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const ready = vi.fn();
  window.addEventListener('samtykke:ready', ready);

  // A first visit on a parsed page: the face is mounted at once, and throws.
  const api = start({ face: (_lang, done) => done(() => face), log: (done) => done(null) })!;
  expect(errors.mock.calls.map((c) => c[0])).toEqual(["[samtykke] could not show the banner; nothing optional runs until a choice is made. The visitor's next click on the reopen button or a settings link tries again."]);
  expect(ready).toHaveBeenCalledTimes(1);
  const late = vi.fn();
  api.on('ready', late);
  expect(late).toHaveBeenCalledWith(null);
  // No banner asks, so the reopen button shows, though no choice is made: the visitor's way to try again.
  const button = document.querySelector('samtykke-ui')!.shadowRoot!.querySelector('button')!;
  expect(button.hidden).toBe(false);

  // A change that asks for a decision again does not try again by itself: the visitor does.
  api.rejectAll();
  api.reset();
  expect(errors).toHaveBeenCalledTimes(1);
  expect(button.hidden).toBe(false);

  // Each open tries again: one error per failed attempt, nothing opens.
  api.open();
  expect(errors).toHaveBeenCalledTimes(2);
  expect(opened).toBe(0);

  // Once the face mounts, the same click opens the preferences, once.
  broken = false;
  document.querySelector('a')!.click();
  expect([mounts, opened]).toEqual([1, 1]);
  // The banner asks now: the button hides while it does.
  expect(button.hidden).toBe(true);
  // Mounted: later opens are the face's, with no second mount, no error and no second ready.
  api.open();
  expect([mounts, opened]).toEqual([1, 2]);
  expect(errors).toHaveBeenCalledTimes(2);
  expect(ready).toHaveBeenCalledTimes(1);
});
