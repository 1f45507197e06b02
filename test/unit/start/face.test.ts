import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preloadFace } from '../../../src/start/face';
import { faceHashAttr } from '../../../src/start/protocol';

const ENGINE = 'https://cdn.example/v/0.1.0/samtykke.js';

/** The start's element as the paste writes it: `attrs` (its settings) and the face hashes given. */
function startTag(attrs: Record<string, string> = {}, faces: Record<string, string> = { nb: 'sha384-nb' }): HTMLScriptElement {
  const start = document.createElement('script');
  for (const [name, value] of Object.entries(attrs)) start.setAttribute(name, value);
  for (const [lang, hash] of Object.entries(faces)) start.setAttribute(faceHashAttr(lang as 'nb'), hash);
  return start;
}

/** The engine's element as the start makes it (start/engine.ts): with its hash, it carries `crossorigin="anonymous"`. */
function engineTag(integrity: string | null = 'sha384-engine', src = ENGINE): HTMLScriptElement {
  const engine = document.createElement('script');
  engine.src = src;
  if (integrity !== null) {
    engine.integrity = integrity;
    engine.crossOrigin = 'anonymous';
  }
  return engine;
}
const preloads = () => [...document.head.querySelectorAll('link')].map((l) => [l.rel, l.as, l.href, l.integrity, l.getAttribute('crossorigin')]);

// No answer stored, before each test as after it: a full run once saw a `samtykke` cookie here
// that no test of this file had set, so each test starts from a known jar.
const forgetAnswer = () => (document.cookie = 'samtykke=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/');
beforeEach(forgetAnswer);
afterEach(() => {
  document.head.replaceChildren();
  forgetAnswer();
  document.documentElement.lang = '';
});

describe('the start’s preload of the face', () => {
  it('a first visit: the face in the tag’s language, beside the engine, with the hash the paste wrote and the CORS mode the engine’s own request carries', () => {
    preloadFace(startTag({ 'data-lang': 'nn' }, { nn: 'sha384-nn' }), engineTag());
    expect(preloads()).toEqual([['preload', 'script', 'https://cdn.example/v/0.1.0/samtykke-face.nn.js', 'sha384-nn', 'anonymous']]);
  });

  it('without data-lang, the page’s language; on the same origin too, the CORS mode the engine’s crossorigin gives its parts', () => {
    document.documentElement.lang = 'en-GB';
    preloadFace(startTag({}, { en: 'sha384-en' }), engineTag('sha384-engine', new URL('/samtykke.js', location.href).href));
    expect(preloads()).toEqual([['preload', 'script', new URL('/samtykke-face.en.js', location.href).href, 'sha384-en', 'anonymous']]);
  });

  it('an engine loaded without its hash: no preload (its parts’ CORS mode is the engine’s to choose; it fetches its face itself)', () => {
    preloadFace(startTag(), engineTag(null));
    expect(preloads()).toEqual([]);
  });

  it('a page in another language than the hash the paste wrote: no preload (the engine fetches its face itself)', () => {
    document.documentElement.lang = 'en';
    preloadFace(startTag(), engineTag());
    expect(preloads()).toEqual([]);
  });

  it('a visitor who has answered: no preload (the engine asks for the face only if it must)', () => {
    document.cookie = 'samtykke=1.1.abcdefgh.s0m3.m1; path=/';
    preloadFace(startTag(), engineTag());
    expect(preloads()).toEqual([]);
  });
});
