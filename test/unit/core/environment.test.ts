import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingBuiltins, placementFixes, reportPlacement, withoutOptional } from '../../../src/core/environment';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.head.innerHTML = '';
  delete (window as { dataLayer?: unknown }).dataLayer;
  delete (window as { google_tag_manager?: unknown }).google_tag_manager;
});

describe('a misplaced tag runs on its settings without the optional ones', () => {
  it('drops every setting that makes something run, the Meta pixel too, and keeps the rest', () => {
    const input = { googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ', metaPixel: '123456789012345', embeds: 'youtube', services: [], privacyUrl: '/p/', lang: 'nn', revision: '2' };
    expect({ ...withoutOptional(input) }).toEqual({ privacyUrl: '/p/', lang: 'nn', revision: '2' });
  });
});

/** The tag as the owner placed it in `<head>`, with `attrs`; the Google tags in `before` come first. */
function placed(attrs = '', before = ''): HTMLScriptElement {
  // Through innerHTML, as the parser puts them; the tag needs no address for this.
  document.head.innerHTML = `${before}<script ${attrs}></script>`;
  return document.head.lastElementChild as HTMLScriptElement;
}

describe('where the tag is', () => {
  it('is right as a classic script before any Google code: nothing to fix', () => {
    expect(placementFixes(placed())).toEqual([]);
  });

  it('asks for a plain tag when it has async or defer, naming each', () => {
    expect(placementFixes(placed('async'))).toEqual(['async']);
    expect(placementFixes(placed('defer'))).toEqual(['defer']);
    expect(placementFixes(placed('async defer'))).toEqual(['async', 'defer']);
  });

  it('says "tag" when there is no script running it (a module, or injected by code)', () => {
    expect(placementFixes(null)).toEqual(['tag']);
  });

  it("names Google's script that came first, and only a Google one that can run", () => {
    const gtag = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ';
    expect(placementFixes(placed('', `<script async src="${gtag}"></script>`))).toEqual([gtag]);
    // Held (made inert) it runs nothing, and another host's script is no matter.
    expect(placementFixes(placed('', `<script type="text/plain" src="${gtag}"></script><script src="https://cdn.example.com/x.js"></script>`))).toEqual([]);
    expect(placementFixes(placed('', `<script type="TEXT/PLAIN" src="${gtag}"></script>`))).toEqual([]);
  });

  it('says "google" when Tag Manager already runs without a script to name', () => {
    (window as { google_tag_manager?: unknown }).google_tag_manager = {};
    expect(placementFixes(placed())).toEqual(['google']);
  });

  it('says "snippet" when the dataLayer already queues js or config commands, not for other entries', () => {
    const w = window as { dataLayer?: unknown[] };
    w.dataLayer = [{ event: 'page_view' }, ['config', 'G-ABC123XYZ']];
    expect(placementFixes(placed())).toEqual([]);
    function gtag(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params -- Google's snippet queues `arguments` objects
      w.dataLayer!.push(arguments);
    }
    gtag('config', 'G-ABC123XYZ');
    expect(placementFixes(placed())).toEqual(['snippet']);
  });

  it('says it in one error naming the fixes', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    reportPlacement(['async']);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]![0])).toMatch(/async/);
  });
});

describe("JavaScript's built-ins the holding rests on", () => {
  it('names none when all are there', () => {
    expect(missingBuiltins()).toBe('');
  });

  it('names each constructor an earlier script deleted, and each method it replaced', () => {
    vi.stubGlobal('MutationObserver', undefined);
    vi.stubGlobal('WeakSet', 42);
    expect(missingBuiltins()).toBe('MutationObserver, WeakSet');
    vi.unstubAllGlobals();
    // Read while they are broken, checked once they are back (the test runner needs them too).
    let named: string;
    const { includes, find } = Array.prototype;
    try {
      (Array.prototype as { includes: unknown }).includes = null;
      (Array.prototype as { find: unknown }).find = 'find';
      named = missingBuiltins();
    } finally {
      Object.assign(Array.prototype, { includes, find });
    }
    expect(named).toBe('Array.prototype.includes, Array.prototype.find');
    const { then } = Promise.prototype;
    try {
      (Promise.prototype as { then: unknown }).then = undefined;
      named = missingBuiltins();
    } finally {
      Promise.prototype.then = then;
    }
    expect(named).toBe('Promise.prototype.then');
  });
});
