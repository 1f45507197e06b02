import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import { unnamedEmbeds } from '../../../src/check/embeds';
import type { Look } from '../../../src/check/model';
import type { Reported } from '../../../src/core/report';
import { inspect } from '../../../src/check/inspect';
import { CHECK_TEXTS } from '../../../src/check/texts';
import type { CookieStore } from '../../../src/storage/cookie';

/** A video or map on the page whose service the banner does not name to visitors: one yellow line per service. */

const config = (input: Record<string, unknown> = {}) => validate({ googleAds: 'AW-123456789', privacyUrl: '/personvern/', ...input }, { href: location.href, hostname: location.hostname, nonce: '' });
const names = (urls: string[], input?: Record<string, unknown>) => unnamedEmbeds(urls, config(input)).map((s) => s.name);

const YOUTUBE = 'https://www.youtube.com/embed/abc';
const NOCOOKIE = 'https://www.youtube-nocookie.com/embed/def';
const MAP = 'https://www.google.com/maps/embed?pb=1';

describe('which embed services the page has and the banner does not name', () => {
  it('each known embed not set, once, in the presets’ order; Google’s tags and other hosts are not embeds', () => {
    expect(names([MAP, YOUTUBE, NOCOOKIE, 'https://player.vimeo.com/video/1', 'https://www.googletagmanager.com/gtag/js?id=AW-123456789', 'https://booking.eksempel.test/w'])).toEqual([
      'YouTube',
      'Vimeo',
      'Google Maps',
    ]);
  });

  it('set in the tool (the tag’s embeds), or the owner’s own service with those hosts: named, so none', () => {
    expect(names([YOUTUBE, MAP], { embeds: 'youtube google-maps' })).toEqual([]);
    const own = { id: 'video', name: 'Video', purpose: 'marketing', provider: 'Google', description: 'Video', block: 'www.youtube.com/embed/' };
    expect(names([YOUTUBE], { services: [own] })).toEqual([]);
  });

  it('YouTube set, Google Maps not: only the map', () => {
    expect(names([YOUTUBE, MAP], { embeds: 'youtube' })).toEqual(['Google Maps']);
  });
});

const NO_COOKIE: CookieStore = { read: () => null, write() {}, clear() {} };

describe('the check says it under the services named, with the fix, in each language; the console’s word on the same frame points there', () => {
  afterEach(() => document.body.replaceChildren());

  for (const [lang, t] of Object.entries(CHECK_TEXTS)) {
    it(`${lang}: two YouTube videos (one marked up, one held unmarked) and a map: one line per service, right after the services named`, () => {
      // `srcdoc=""`: happy-dom would try to load about:blank into each frame, and say so.
      document.body.innerHTML = `<iframe srcdoc="" data-samtykke="marketing" data-src="${YOUTUBE}"></iframe><iframe srcdoc="" data-samtykke-held="marketing" data-src="${NOCOOKIE}"></iframe><iframe srcdoc="" data-samtykke="marketing" data-src="${MAP}"></iframe>`;
      const c = config();
      // What the engine said holding the unmarked one (src/effects/hold/check.ts), and a message about something else.
      const said: Reported[] = [
        { level: 'warn', key: 'hold.undeclared', values: [NOCOOKIE, 'YouTube', 'youtube', 'marketing', 'preset'], detail: undefined },
        { level: 'warn', key: 'hold.undeclared', values: ['https://connect.facebook.net/en_US/fbevents.js', 'Meta Pixel', 'meta-pixel', 'marketing', 'preset'], detail: undefined },
      ];
      const look: Look = { config: c, store: createStore(c, NO_COOKIE), tag: null, said, t, released: new WeakSet(), decisions: [] };
      const [, settings] = inspect(look, { state: 'asking' });
      const at = settings!.lines.findIndex((l) => l.text === t.services('Samtykke, Google Ads'));
      expect(settings!.lines.slice(at + 1, at + 3)).toEqual([
        { tone: 'warn', text: t.embedUnnamed('YouTube', false), fix: t.embedUnnamedFix('YouTube', 'youtube') },
        { tone: 'warn', text: t.embedUnnamed('Google Maps', true), fix: t.embedUnnamedFix('Google Maps', 'google-maps') },
      ]);
      expect(settings!.lines.filter((l) => l.tone === 'warn')).toHaveLength(2);
      // The console's word on the held video: grey, pointing to that line, asking nothing; Meta's pixel is not a video or map, so it stays.
      const [video, pixel] = settings!.parts![0]!.lines;
      expect(video).toEqual({ tone: 'same', text: expect.stringContaining(t.sameLine(t.tone.warn, t.settings)) });
      expect(pixel).toMatchObject({ tone: 'warn', fix: expect.any(String) });
    });
  }
});
