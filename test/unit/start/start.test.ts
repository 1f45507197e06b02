import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isGoogleTracking, matches, PRESET_BLOCKS } from '../../../src/config/hosts';
import { validate } from '../../../src/config/validate';
import { placementFixes } from '../../../src/core/environment';
import { createStore } from '../../../src/core/store';
import { createCheck } from '../../../src/effects/hold/check';
import { takeOver } from '../../../src/effects/hold/takeover';
import type { Uninstall } from '../../../src/effects/hold/types';
import { holdRecognised } from '../../../src/start/hold';
import { QUEUED, type QueuedCall } from '../../../src/start/protocol';
import { apiQueue } from '../../../src/start/queue';
import { recognisedSource, recognised } from '../../../src/start/recognise';
import type { CookieStore } from '../../../src/storage/cookie';

const GTAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
const noCookie: CookieStore = { read: () => null, write: () => undefined, clear: () => undefined };
let installed: Uninstall[] = [];
// What the build writes into the start (vite.config.ts).
beforeAll(() => vi.stubGlobal('__RECOGNISED__', new RegExp(recognisedSource())));
afterEach(() => {
  installed.forEach((undo) => undo());
  installed = [];
  document.head.replaceChildren();
  document.body.replaceChildren();
  delete (window as { dataLayer?: unknown }).dataLayer;
});

describe('what the start recognises without settings', () => {
  it('Google’s hosts, Meta’s pixel and the embeds; never a host it does not know', () => {
    for (const url of [GTAG, 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1', 'https://connect.facebook.net/en_US/fbevents.js', 'https://www.facebook.com/tr?id=1', 'https://www.youtube-nocookie.com/embed/x', 'https://player.vimeo.com/video/1', 'https://www.google.com/maps/embed?pb=1']) {
      expect(recognised(new URL(url)), url).toBe(true);
    }
    for (const url of ['https://code.jquery.com/jquery.min.js', 'https://www.google.com/search?q=x', 'https://www.facebook.com/stressfri', 'https://www.stressfri.no/app.js']) expect(recognised(new URL(url)), url).toBe(false);
  });

  it('as one expression, says what the engine’s Google check and pattern match say, for every address near a pattern or a Google host', () => {
    const PATTERNS: string[] = Object.values(PRESET_BLOCKS).flat();
    const GOOGLE = ['googletagmanager.com', 'google-analytics.com', 'analytics.google.com', 'googleadservices.com', 'doubleclick.net', 'googlesyndication.com', 'google.com', 'google.co.uk', 'google.no'];
    // Hosts and paths made from the patterns' and Google's own pieces, changed a little: what a mistake in the expression would get wrong.
    const piece = fc.constantFrom(...PATTERNS.flatMap((p) => p.split('/')), ...GOOGLE, '', 'x', 'www', 'tr', 'embed', 'evil.no', 'facebook', 'com', 'pagead', 'ads', 'ccm', 'rmkt', 'adsx', 'google', 'google.', 'google.x1');
    const host = fc.tuple(fc.constantFrom('', 'a.', 'www.', 'xwww.', 'x-'), piece, fc.constantFrom('', '.', 'x', '.no')).map(([a, b, c]) => (a + b + c).replace(/^\.+|\.+$/g, '') || 'x');
    const path = fc.array(piece, { maxLength: 3 }).map((parts) => '/' + parts.join('/'));
    const expression = new RegExp(recognisedSource());
    const engine = (url: URL) => isGoogleTracking(url) || PATTERNS.some((pattern) => matches(pattern, url));
    let both = 0;
    fc.assert(
      fc.property(host, path, (h, p) => {
        const url = new URL(`https://${h}${p}`);
        const says = engine(url);
        if (says) both++;
        expect(expression.test(url.hostname + url.pathname), url.href).toBe(says);
      }),
      { numRuns: 8000 },
    );
    // The addresses made held a fair share of recognised ones, so both answers were tested.
    expect(both).toBeGreaterThan(400);
    for (const pattern of PATTERNS) expect(expression.test(pattern.includes('/') ? pattern : pattern + '/'), pattern).toBe(true);
  });
});

describe('the start’s hold', () => {
  it('holds a recognised script set by code in the engine’s held form and lists it; leaves any other exactly as written', () => {
    const held: Element[] = [];
    installed.push(holdRecognised(held));
    const google = document.createElement('script');
    google.src = GTAG;
    const own = document.createElement('script');
    own.src = 'https://code.jquery.com/jquery.min.js';
    const pixel = new Image();
    pixel.src = 'https://www.facebook.com/tr?id=1';
    expect(held).toEqual([google, pixel]);
    expect([google.type, google.getAttribute('data-samtykke-held')]).toEqual(['text/plain', '']);
    expect([pixel.getAttribute('src'), pixel.getAttribute('data-src')]).toEqual([null, 'https://www.facebook.com/tr?id=1']);
    expect([own.type, own.getAttribute('src')]).toEqual(['', 'https://code.jquery.com/jquery.min.js']);
  });

  it('once the page is parsed, lists no script inserted whole: it has started, and the engine must not run it a second time on consent', async () => {
    expect(document.readyState).not.toBe('loading');
    const held: Element[] = [];
    installed.push(holdRecognised(held));
    const template = document.createElement('template');
    template.innerHTML = `<script src="${GTAG}"></script>`;
    // Mutation observers are told in the order they were made: once this one hears, the start's has.
    const heard = new Promise((resolve) => new MutationObserver(resolve).observe(document.head, { childList: true }));
    document.head.append(template.content.cloneNode(true));
    await heard;
    expect(held).toEqual([]);
    expect(document.head.querySelector('script')!.getAttribute('type')).toBeNull();
  });

  it('once the page is parsed, holds a frame its watch meets: the parser’s last nodes reach it only then', async () => {
    expect(document.readyState).not.toBe('loading');
    const held: Element[] = [];
    installed.push(holdRecognised(held));
    const template = document.createElement('template');
    template.innerHTML = '<iframe src="https://www.youtube.com/embed/x"></iframe>';
    const heard = new Promise((resolve) => new MutationObserver(resolve).observe(document.body, { childList: true }));
    // Put in whole, without the patched `src`: as the parser puts a frame after the page's last script.
    document.body.append(template.content.cloneNode(true));
    await heard;
    const frame = document.querySelector('iframe')!;
    expect(held).toEqual([frame]);
    expect([frame.getAttribute('src'), frame.getAttribute('data-src')]).toEqual([null, 'https://www.youtube.com/embed/x']);
  });

  it('holds a frame written with innerHTML before it can load', () => {
    const held: Element[] = [];
    installed.push(holdRecognised(held));
    document.body.innerHTML = '<iframe src="https://www.youtube.com/embed/x"></iframe><p>tekst</p>';
    const frame = document.querySelector('iframe')!;
    expect(held).toEqual([frame]);
    expect(frame.getAttribute('src')).toBeNull();
    expect(document.querySelector('p')?.textContent).toBe('tekst');
  });
});

describe('the queue on window.samtykke', () => {
  it('takes every call the API has and keeps them in order with their arguments', () => {
    const calls: QueuedCall[] = [];
    const queue = apiQueue(calls);
    queue.on!('ready', 'f');
    queue.set!({ analytics: true });
    expect(Object.keys(queue)).toEqual([...QUEUED]);
    expect(calls).toEqual([
      ['on', ['ready', 'f']],
      ['set', [{ analytics: true }]],
    ]);
  });
});

describe('the engine taking over what the start held', () => {
  const judge = (input: Record<string, unknown>) => {
    const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789', ...input }, { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' });
    const store = createStore(config, noCookie);
    return { store, ...createCheck(() => ({ config, store, onFrame() {}, adopting: () => false })) };
  };
  const startHeld = () => {
    const held: Element[] = [];
    installed.push(holdRecognised(held));
    const script = document.createElement('script');
    script.src = GTAG;
    document.head.append(script);
    const frame = document.createElement('iframe');
    frame.src = 'https://www.youtube.com/embed/x';
    document.body.append(frame);
    const made = document.createElement('script');
    made.src = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ';
    installed.splice(0).forEach((undo) => undo());
    return { held, script, frame, made };
  };

  it('marks what must wait with the engine’s mark and offers a held frame its placeholder', () => {
    const { held, script, frame } = startHeld();
    const { keep } = judge({});
    const offered: Element[] = [];
    takeOver(held, keep, (f) => offered.push(f));
    expect([script.type, script.getAttribute('data-samtykke'), script.hasAttribute('data-samtykke-held')]).toEqual(['text/plain', 'marketing', false]);
    expect(frame.getAttribute('data-samtykke-held')).toBe('marketing');
    expect(offered).toEqual([frame]);
  });

  it('hands what may run to the markup path as always granted, and gives a script not yet in the page its own form back', () => {
    const { held, script, made } = startHeld();
    const { keep } = judge({ mode: 'advanced' });
    takeOver(held, keep, () => undefined);
    expect([script.type, script.getAttribute('data-samtykke')]).toEqual(['text/plain', 'necessary']);
    expect([made.getAttribute('type'), made.hasAttribute('data-samtykke-held')]).toEqual([null, false]);
  });
});

describe('where the start stands, for the async engine it loaded', () => {
  it('counts the Google scripts above the start and the commands queued before its default; never async', () => {
    const start = document.createElement('script');
    const above = document.createElement('script');
    above.setAttribute('src', GTAG);
    const below = document.createElement('script');
    below.setAttribute('src', 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ');
    document.head.append(above, start, below);
    const engine = document.createElement('script');
    engine.async = true;
    expect(placementFixes(engine, { script: start, layer: 0 })).toEqual([GTAG]);
    above.remove();
    expect(placementFixes(engine, { script: start, layer: 0 })).toEqual([]);
    const w = window as unknown as { dataLayer: unknown[] };
    w.dataLayer = [];
    (function (..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params -- gtag's commands are `arguments` objects
      w.dataLayer.push(arguments);
    })('config', 'AW-1');
    expect(placementFixes(engine, { script: start, layer: 1 })).toEqual(['snippet']);
    expect(placementFixes(engine, { script: start, layer: 0 })).toEqual([]);
  });
});
