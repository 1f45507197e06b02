import { configure, fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedPresets } from '../../../src/config/presets';
import type { Tracker } from '../../../src/config/trackers';
import { validate } from '../../../src/config/validate';
import { holdFrame } from '../../../src/ui/embed';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: 'n0nce' };
const preset = (id: string): Tracker => ({ service: embedPresets.find((s) => s.id === id)!, declared: false });
const YOUTUBE = '<iframe class="video wide" width="560" height="315" title="Slik bestiller du" data-samtykke="marketing" data-src="https://www.youtube.com/embed/abc"></iframe>';

/** One frame in a page, held with a placeholder; the frame, its placeholder and spies for the two actions. */
function setup({ markup = YOUTUBE, tracker = preset('youtube') as Tracker | null, choose = true, input = {} as Record<string, unknown> } = {}) {
  // happy-dom logs every frame page it is not allowed to load; an empty srcdoc is one it may.
  document.body.innerHTML = `<main><h1>Side</h1>${markup.replace('<iframe ', '<iframe srcdoc="" ')}</main>`;
  const frame = document.querySelector('iframe')!;
  const show = vi.fn(() => frame.setAttribute('src', frame.dataset.src!));
  const chooser = vi.fn();
  holdFrame(validate({ privacyUrl: '/personvern/', ...input }, place), frame, tracker, show, choose ? chooser : null);
  const host = document.querySelector<HTMLElement>('samtykke-embed');
  const root = host?.shadowRoot;
  return { frame, host, root, show, choose: chooser, q: within((root ?? document.body) as HTMLElement) };
}

// Queries run in the shadow root, which the default failure message cannot print.
configure({ getElementError: (message) => new Error(message ?? '') });

/** MutationObserver callbacks run at the next microtask checkpoint. */
// The placeholder's observer runs as a microtask and moves focus a task later, after any dialog's close event.
const settle = async () => {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  document.documentElement.lang = 'nb';
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('placeholder', () => {
  it('stands right before the hidden frame, as a region naming the provider and the frame', () => {
    const { frame, host, q } = setup();
    expect(frame.previousElementSibling).toBe(host);
    expect(frame.style.getPropertyValue('display')).toBe('none');
    expect(frame.style.getPropertyPriority('display')).toBe('important');
    const region = q.getByRole('region', { name: 'Innhold fra YouTube: Slik bestiller du' });
    expect(region.querySelector('b')!.textContent).toBe('Innhold fra YouTube: Slik bestiller du');
    expect(region.getAttribute('lang')).toBe('nb');
    expect(region.textContent).toContain('Når du viser innholdet, får Google Ireland Limited vite at du besøker denne siden');
    expect(region.querySelector('h1,h2,h3,h4,h5,h6')).toBeNull();
  });

  it('leaves out a title that only repeats the service’s name, as YouTube’s own «YouTube video player» does', () => {
    const { q } = setup({ markup: YOUTUBE.replace('Slik bestiller du', 'YouTube video player') });
    expect(q.getByRole('region').getAttribute('aria-label')).toBe('Innhold fra YouTube');
  });

  it("links the provider's privacy page and offers both actions", () => {
    const { q } = setup();
    const link = q.getByRole('link');
    expect(link.textContent).toBe('Personvernerklæringen til Google Ireland Limited');
    expect(link.getAttribute('href')).toBe(embedPresets.find((s) => s.id === 'youtube')!.privacyUrl);
    expect(q.getAllByRole('button').map((b) => b.textContent)).toEqual(['Vis innhold', 'Endre valget ditt']);
  });

  it('takes the size from width and height, and the class from the frame', () => {
    const { host } = setup();
    expect(host!.style.getPropertyValue('--width')).toBe('560px');
    expect(host!.style.getPropertyValue('--ratio')).toBe('560/315');
    expect(host!.style.getPropertyValue('--height')).toBe('auto');
    expect(host!.className).toBe('video wide');
  });

  it('passes percentages through, and fills the width when there is no size', () => {
    const pct = setup({ markup: '<iframe width="100%" height="450" data-samtykke="marketing" data-src="https://www.google.com/maps/embed?pb=1"></iframe>', tracker: preset('google-maps') });
    expect(pct.host!.style.getPropertyValue('--width')).toBe('100%');
    expect(pct.host!.style.getPropertyValue('--height')).toBe('450px');
    expect(pct.host!.style.getPropertyValue('--ratio')).toBe('auto');
    const none = setup({ markup: '<iframe data-samtykke="marketing" data-src="https://player.vimeo.com/video/1"></iframe>', tracker: preset('vimeo') });
    expect(none.host!.style.getPropertyValue('--width')).toBe('100%');
    expect(none.host!.style.getPropertyValue('--height')).toBe('auto');
    expect(none.host!.style.getPropertyValue('--ratio')).toBe('16/9');
  });

  it('carries the theme and the shared stylesheet', () => {
    const { host, root } = setup({ input: { theme: { accent: '#0b5cad' } } });
    expect(host!.style.getPropertyValue('--samtykke-accent')).toBe('#0b5cad');
    const sheets = root!.adoptedStyleSheets?.length ?? root!.querySelectorAll('style').length;
    expect(sheets).toBe(1);
  });

  it('leaves a frame that is not meant to be seen alone', () => {
    const { frame, host } = setup({ markup: '<iframe width="1" height="1" data-samtykke="marketing" data-src="https://www.youtube.com/embed/abc"></iframe>' });
    expect(host).toBeNull();
    expect(frame.style.getPropertyValue('display')).toBe('');
  });
});

describe('actions', () => {
  it('"Vis innhold" calls show, and only that', () => {
    const { q, show, choose } = setup();
    fireEvent.click(q.getByText('Vis innhold'));
    expect(show).toHaveBeenCalledTimes(1);
    expect(choose).not.toHaveBeenCalled();
  });

  it('"Endre valget ditt" calls choose', () => {
    const { q, show, choose } = setup();
    fireEvent.click(q.getByText('Endre valget ditt'));
    expect(choose).toHaveBeenCalledTimes(1);
    expect(show).not.toHaveBeenCalled();
  });

  it('offers no "for alle" control when choose is null', () => {
    const { q } = setup({ choose: false });
    expect(q.getAllByRole('button').map((b) => b.textContent)).toEqual(['Vis innhold']);
    expect(q.queryByText('Endre valget ditt')).toBeNull();
  });
});

describe('when the frame loads', () => {
  it('goes away once the frame gets its src, and the frame shows with its own display back', async () => {
    const { frame } = setup({ markup: YOUTUBE.replace('<iframe ', '<iframe style="display: inline-block" ') });
    frame.setAttribute('src', 'https://www.youtube.com/embed/abc');
    await settle();
    expect(document.querySelector('samtykke-embed')).toBeNull();
    expect(frame.style.getPropertyValue('display')).toBe('inline-block');
    expect(frame.style.getPropertyPriority('display')).toBe('');
  });

  it('leaves no display of its own on a frame that had none', async () => {
    const { frame } = setup();
    frame.setAttribute('src', 'https://www.youtube.com/embed/abc');
    await settle();
    expect(frame.getAttribute('style') ?? '').toBe('');
  });

  it('stays while src is only removed', async () => {
    const { frame } = setup({ markup: YOUTUBE.replace('data-src', 'src') });
    frame.removeAttribute('src');
    await settle();
    expect(document.querySelector('samtykke-embed')).not.toBeNull();
  });

  it('moves focus to the frame when "Vis innhold" had it', async () => {
    const { q, frame, show } = setup();
    const button = q.getByText('Vis innhold');
    button.focus();
    fireEvent.click(button);
    expect(show).toHaveBeenCalled();
    await settle();
    expect(document.querySelector('samtykke-embed')).toBeNull();
    expect(document.activeElement).toBe(frame);
  });

  it('leaves focus alone when it was elsewhere', async () => {
    const { frame } = setup();
    const h1 = document.querySelector('h1')!;
    h1.tabIndex = -1;
    h1.focus();
    frame.setAttribute('src', 'https://www.youtube.com/embed/abc');
    await settle();
    expect(document.activeElement).toBe(h1);
  });
});

describe('language and unknown providers', () => {
  it('speaks nynorsk', () => {
    document.documentElement.lang = 'nn';
    const { q } = setup();
    const region = q.getByRole('region', { name: 'Innhald frå YouTube: Slik bestiller du' });
    expect(region.getAttribute('lang')).toBe('nn');
    expect(region.textContent).toContain('Når du viser innhaldet, får Google Ireland Limited vite');
    expect(q.getAllByRole('button').map((b) => b.textContent)).toEqual(['Vis innhald', 'Endre valet ditt']);
  });

  it('speaks English', () => {
    const { q } = setup({ input: { lang: 'en' } });
    const region = q.getByRole('region', { name: 'Content from YouTube: Slik bestiller du' });
    expect(region.textContent).toContain('If you show this content, Google Ireland Limited learns');
    expect(q.getByRole('link').textContent).toBe('Privacy policy of Google Ireland Limited');
    expect(q.getAllByRole('button').map((b) => b.textContent)).toEqual(['Show content', 'Change your choice']);
  });

  it('names an unknown provider by the host of data-src, with no privacy link', () => {
    const { q } = setup({ markup: '<iframe width="400" height="300" data-samtykke="functional" data-src="https://www.kart.example/embed?x=1"></iframe>', tracker: null, choose: false });
    const region = q.getByRole('region', { name: 'Innhold fra kart.example' });
    expect(region.textContent).toContain('får kart.example vite');
    expect(q.queryByRole('link')).toBeNull();
  });

  it('uses the owner\u2019s texts', () => {
    const { q } = setup({ input: { texts: { nb: { show: 'Spill av' } } } });
    expect(q.getByRole('button', { name: 'Spill av' })).toBeTruthy();
  });
});

describe('robustness', () => {
  it('never throws into the page', () => {
    const frame = document.createElement('iframe');
    vi.spyOn(frame, 'before').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => holdFrame(validate({ privacyUrl: '/personvern/' }, place), frame, null, () => {}, null)).not.toThrow();
  });
});
