import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import { unnamedEmbeds } from '../../../src/check/embeds';
import type { Look } from '../../../src/check/model';
import { settings } from '../../../src/check/settings';
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

describe('the settings section says it under the services named, with the fix, in each language', () => {
  afterEach(() => document.body.replaceChildren());

  for (const [lang, t] of Object.entries(CHECK_TEXTS)) {
    it(`${lang}: two YouTube videos (one marked up, one held unmarked) and a map: one line per service, right after the services named`, () => {
      document.body.innerHTML = `<iframe data-samtykke="marketing" data-src="${YOUTUBE}"></iframe><iframe data-samtykke-held="" data-src="${NOCOOKIE}"></iframe><iframe data-samtykke="marketing" data-src="${MAP}"></iframe>`;
      const c = config();
      const look: Look = { config: c, store: createStore(c, NO_COOKIE), tag: null, said: [], t, decidedAt: null };
      const lines = settings(look, { state: 'asking' });
      const at = lines.findIndex((l) => l.text === t.services('Samtykke, Google Ads'));
      expect(lines.slice(at + 1, at + 3)).toEqual([
        { tone: 'warn', text: t.embedUnnamed('YouTube', false), fix: t.embedUnnamedFix('YouTube', 'youtube') },
        { tone: 'warn', text: t.embedUnnamed('Google Maps', true), fix: t.embedUnnamedFix('Google Maps', 'google-maps') },
      ]);
      expect(lines.filter((l) => l.tone === 'warn')).toHaveLength(2);
    });
  }
});
