import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classify, foreignHost, isGoogleTracking, matches } from '../../../src/config/trackers';
import { validate } from '../../../src/config/validate';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const config = (input: Record<string, unknown> = {}) => validate({ privacyUrl: '/personvern/', ...input }, place);
const service = (src: string, c = config()) => {
  const t = classify(src, c);
  return t && `${t.service.id}:${t.service.purpose}:${t.declared ? 'declared' : 'undeclared'}`;
};

describe('GCM-15: what counts as Google tracking', () => {
  it.each([
    'https://www.googletagmanager.com/gtag/js?id=AW-1',
    'https://www.google-analytics.com/g/collect',
    'https://region1.analytics.google.com/g/collect',
    'https://www.googleadservices.com/pagead/conversion.js',
    'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/',
    'https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js',
    'https://www.google.com/pagead/1p-conversion/1/',
    'https://www.google.no/ads/ga-audiences',
    'https://www.google.com/ccm/collect',
    'https://google.com/rmkt/collect/1/',
  ])('%s is', (url) => expect(isGoogleTracking(new URL(url))).toBe(true));

  it.each(['https://www.google.com/search?q=stress', 'https://fonts.googleapis.com/css2', 'https://www.youtube.com/embed/x', 'https://notgoogletagmanager.com/x', 'https://www.google.com/adsense-like'])(
    '%s is not',
    (url) => expect(isGoogleTracking(new URL(url))).toBe(false),
  );
});

describe('owner patterns', () => {
  it('match a host, any subdomain with *., and a path prefix', () => {
    const at = (u: string) => new URL(u);
    expect(matches('connect.facebook.net', at('https://connect.facebook.net/en_US/fbevents.js'))).toBe(true);
    expect(matches('connect.facebook.net', at('https://evil-connect.facebook.net/x'))).toBe(false);
    expect(matches('*.hotjar.com', at('https://static.hotjar.com/c/hotjar.js'))).toBe(true);
    expect(matches('*.hotjar.com', at('https://hotjar.com/'))).toBe(true);
    expect(matches('*.hotjar.com', at('https://nothotjar.com/'))).toBe(false);
    expect(matches('www.facebook.com/tr', at('https://www.facebook.com/tr?id=1'))).toBe(true);
    expect(matches('www.facebook.com/tr', at('https://www.facebook.com/login'))).toBe(false);
  });
});

describe('classify', () => {
  it('gives a gtag.js its purpose by id, declared when samtykke was told of it', () => {
    const c = config({ googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ' });
    expect(service('https://www.googletagmanager.com/gtag/js?id=AW-123456789', c)).toBe('google-ads:marketing:declared');
    expect(service('https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ', c)).toBe('google-analytics:analytics:declared');
    expect(service('https://www.google-analytics.com/g/collect?v=2', c)).toBe('google-analytics:analytics:declared');
    // Another Ads id still belongs to the Google Ads the visitor was told of.
    expect(service('https://www.googletagmanager.com/gtag/js?id=AW-999', c)).toBe('google-ads:marketing:declared');
  });

  it('still matches Google when it is not configured, but as undeclared', () => {
    expect(service('https://www.googletagmanager.com/gtag/js?id=AW-1')).toBe('google-ads:marketing:undeclared');
    expect(service('https://www.googletagmanager.com/gtag/js?id=G-ABC')).toBe('google-analytics:analytics:undeclared');
    expect(service('https://www.googletagmanager.com/gtm.js?id=GTM-ABC')).toBe('google-ads:marketing:undeclared');
  });

  it('knows YouTube, Vimeo and Google Maps embeds; declared once listed in embeds', () => {
    expect(service('https://www.youtube.com/embed/abc')).toBe('youtube:marketing:undeclared');
    expect(service('https://www.youtube-nocookie.com/embed/abc')).toBe('youtube:marketing:undeclared');
    expect(service('https://player.vimeo.com/video/1')).toBe('vimeo:analytics:undeclared');
    expect(service('https://www.google.com/maps/embed?pb=1')).toBe('google-maps:marketing:undeclared');
    expect(service('https://www.youtube.com/embed/abc', config({ embeds: 'youtube' }))).toBe('youtube:marketing:declared');
    expect(service('https://www.youtube.com/watch?v=abc')).toBeNull();
  });

  it("uses an owner service's block patterns", () => {
    const c = config({ services: [{ id: 'facebook-pixel', name: 'Meta Pixel', purpose: 'marketing', provider: 'Meta', description: 'Måler annonser.', block: ['connect.facebook.net', 'www.facebook.com/tr'] }] });
    expect(service('https://connect.facebook.net/en_US/fbevents.js', c)).toBe('facebook-pixel:marketing:declared');
    expect(service('https://www.facebook.com/tr?id=1&ev=PageView', c)).toBe('facebook-pixel:marketing:declared');
  });

  it('leaves the site itself, relative paths and non-web URLs alone', () => {
    expect(service('/js/app.js')).toBeNull();
    expect(service('https://www.stressfri.no/x.js')).toBeNull();
    expect(service('data:text/javascript,1')).toBeNull();
    expect(service('javascript:void 0')).toBeNull();
    expect(service('http://[bad')).toBeNull();
  });
});

describe('config: embeds and block', () => {
  it('adds listed embeds as services and their purposes', () => {
    const c = config({ embeds: 'youtube google-maps, youtube' });
    expect(c.services.map((s) => s.id)).toEqual(['samtykke', 'youtube', 'google-maps']);
    expect(c.purposes).toEqual(['marketing']);
  });

  it('names an unknown embed and a bad block pattern, leaving them out', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const c = config({
      embeds: ['youtube', 'tiktok'],
      services: [{ id: 'x', name: 'X', purpose: 'marketing', provider: 'X', description: 'X', block: ['https://x.com/'] }],
    });
    expect(c.services.map((s) => s.id)).toEqual(['samtykke', 'youtube']);
    const text = errors.mock.calls.map((c) => String(c[0])).join('\n');
    expect(text).toContain('embeds: "tiktok" is not known');
    expect(text).toContain('services[0].block: "https://x.com/" must be a host');
  });

  it('keeps a pattern path case as written and lower-cases its host', () => {
    const c = config({ services: [{ id: 'x', name: 'X', purpose: 'marketing', provider: 'X', description: 'X', block: ['CDN.Example.com/Track'] }] });
    expect(c.services[1]!.block).toEqual(['cdn.example.com/Track']);
  });
});

describe('Meta pixel', () => {
  const pixel = ['https://connect.facebook.net/en_US/fbevents.js', 'https://www.facebook.com/tr?id=1&ev=PageView&noscript=1'];

  it('is held even when the owner did not name it', () => {
    for (const src of pixel) expect(service(src)).toBe('meta-pixel:marketing:undeclared');
  });

  it('is declared by metaPixel, with Meta as provider and a transfer to the USA', () => {
    const c = config({ metaPixel: '123456789012345' });
    for (const src of pixel) expect(service(src, c)).toBe('meta-pixel:marketing:declared');
    expect(c.services.find((s) => s.id === 'meta-pixel')).toMatchObject({ provider: 'Meta Platforms Ireland Limited', transfer: true });
  });

  it('leaves the rest of facebook.com alone', () => {
    expect(service('https://www.facebook.com/plugins/page.php')).toBeNull();
  });
});

describe('foreign hosts', () => {
  it('are hosts off the site and the domain it is on', () => {
    expect(foreignHost('https://widget.example.com/chat.js', 'www.stressfri.no', null)).toBe('widget.example.com');
    expect(foreignHost('https://bilder.stressfri.no/a.js', 'www.stressfri.no', null)).toBeNull();
    expect(foreignHost('https://stressfri.no/a.js', 'www.stressfri.no', null)).toBeNull();
    expect(foreignHost('/local.js', location.hostname, null)).toBeNull();
    expect(foreignHost('data:text/javascript,1', 'www.stressfri.no', null)).toBeNull();
    expect(foreignHost('https://notstressfri.no/a.js', 'www.stressfri.no', null)).toBe('notstressfri.no');
  });

  it('never take in other sites under a shared suffix or platform domain', () => {
    expect(foreignHost('https://tracker.co.uk/t.js', 'www.stressfri.co.uk', null)).toBe('tracker.co.uk');
    expect(foreignHost('https://cdn.stressfri.co.uk/a.js', 'www.stressfri.co.uk', null)).toBeNull();
    expect(foreignHost('https://annen.webnode.page/a.js', 'stressfri.webnode.page', null)).toBe('annen.webnode.page');
    expect(foreignHost('https://webnode.page/a.js', 'stressfri.webnode.page', null)).toBe('webnode.page');
  });

  it('take in the whole domain the owner shares the cookie across', () => {
    expect(foreignHost('https://www.stressfri.no/a.js', 'butikk.stressfri.no', null)).toBe('www.stressfri.no');
    expect(foreignHost('https://www.stressfri.no/a.js', 'butikk.stressfri.no', 'stressfri.no')).toBeNull();
    expect(foreignHost('https://stressfri.no/a.js', 'butikk.stressfri.no', 'stressfri.no')).toBeNull();
  });
});
