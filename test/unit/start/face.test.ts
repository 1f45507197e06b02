import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preloadFace } from '../../../src/start/face';

// The build writes the faces' hashes in (vite.config.ts); here, one stand-in per language.
const HASHES = { nb: 'sha384-nb', nn: 'sha384-nn', en: 'sha384-en' };
const ENGINE = 'https://cdn.example/v/0.1.0/samtykke.js';

/** The engine's element as the start makes it (start/engine.ts): the start's settings copied on. */
function engineTag(attrs: Record<string, string> = {}, crossorigin: string | null = 'anonymous'): HTMLScriptElement {
  const engine = document.createElement('script');
  engine.src = ENGINE;
  if (crossorigin !== null) engine.setAttribute('crossorigin', crossorigin);
  for (const [name, value] of Object.entries(attrs)) engine.setAttribute(name, value);
  return engine;
}
const preloads = () => [...document.head.querySelectorAll('link')].map((l) => [l.rel, l.as, l.href, l.integrity, l.getAttribute('crossorigin')]);

// No answer stored, before each test as after it: a full run once saw a `samtykke` cookie here
// that no test of this file had set, so each test starts from a known jar.
const forgetAnswer = () => (document.cookie = 'samtykke=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/');
beforeEach(() => {
  vi.stubGlobal('__FACE_INTEGRITY__', HASHES);
  forgetAnswer();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.head.replaceChildren();
  forgetAnswer();
  document.documentElement.lang = '';
});

describe('the start’s preload of the face', () => {
  it('a first visit: the face in the tag’s language, beside the engine, with the hash and CORS mode the engine’s own request carries', () => {
    preloadFace(engineTag({ 'data-lang': 'nn' }));
    expect(preloads()).toEqual([['preload', 'script', 'https://cdn.example/v/0.1.0/samtykke-face.nn.js', 'sha384-nn', 'anonymous']]);
  });

  it('without data-lang, the page’s language; without the engine’s crossorigin, none on the same origin', () => {
    document.documentElement.lang = 'en-GB';
    const engine = engineTag({}, null);
    engine.src = new URL('/samtykke.js', location.href).href;
    preloadFace(engine);
    expect(preloads()).toEqual([['preload', 'script', new URL('/samtykke-face.en.js', location.href).href, 'sha384-en', null]]);
  });

  it('a visitor who has answered: no preload (the engine asks for the face only if it must)', () => {
    document.cookie = 'samtykke=1.1.abcdefgh.s0m3.m1; path=/';
    preloadFace(engineTag());
    expect(preloads()).toEqual([]);
  });
});
