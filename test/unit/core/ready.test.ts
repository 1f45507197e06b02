import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaintOrLeave, whenBody, whenParsed } from '../../../src/core/ready';

const setVisibility = (state: DocumentVisibilityState) => Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });

describe('afterPaintOrLeave', () => {
  afterEach(() => setVisibility('visible'));

  it('waits for the next paint on a visible page, and runs once even if the page is then left', async () => {
    const fn = vi.fn();
    afterPaintOrLeave(fn);
    expect(fn).not.toHaveBeenCalled();
    dispatchEvent(new Event('pagehide'));
    expect(fn).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs at once when the page is hidden already (asked while it is being left): no frame is coming', () => {
    setVisibility('hidden');
    const fn = vi.fn();
    afterPaintOrLeave(fn);
    expect(fn).toHaveBeenCalledTimes(1);
    dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('whenParsed', () => {
  afterEach(() => {
    delete (document as { readyState?: unknown }).readyState;
  });

  it('runs at once on a parsed page', () => {
    const fn = vi.fn();
    whenParsed(fn);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('waits for DOMContentLoaded while the page is parsed, and runs once', () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    const fn = vi.fn();
    whenParsed(fn);
    expect(fn).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(fn).toHaveBeenCalledOnce();
  });
});

describe('whenBody', () => {
  it('runs at once when <body> is there', () => {
    const fn = vi.fn();
    whenBody(fn);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('before <body>, waits for the parser to open it, ignoring what comes before it, and runs once', async () => {
    const body = document.body;
    body.remove();
    try {
      const fn = vi.fn();
      whenBody(fn);
      document.documentElement.append(document.createElement('noscript'));
      // A task: the observer has heard of the noscript by then.
      await new Promise((r) => setTimeout(r));
      expect(fn).not.toHaveBeenCalled();
      document.documentElement.append(body);
      await vi.waitFor(() => expect(fn).toHaveBeenCalledOnce());
      document.documentElement.append(document.createElement('div'));
      await new Promise((r) => setTimeout(r));
      expect(fn).toHaveBeenCalledOnce();
    } finally {
      document.querySelector('html > noscript')?.remove();
      document.querySelector('html > div')?.remove();
      if (!body.isConnected) document.documentElement.append(body);
    }
  });
});
