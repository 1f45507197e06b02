import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaintOrLeave, whenBody, whenIdle, whenLoaded, whenParsed } from '../../../src/core/ready';

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

describe('whenIdle', () => {
  afterEach(() => {
    setVisibility('visible');
    vi.unstubAllGlobals();
  });

  it('waits for the next frame, then asks for idle time with a deadline, and runs once', async () => {
    const idle: [() => void, IdleRequestOptions | undefined][] = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void, options?: IdleRequestOptions) => idle.push([cb, options]));
    let frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
      raf((t) => {
        frames++;
        cb(t);
      }),
    );
    const fn = vi.fn();
    whenIdle(fn);
    expect(idle).toEqual([]);
    await vi.waitFor(() => expect(idle).toHaveLength(1));
    expect(frames).toBe(1);
    expect(idle[0]![1]).toEqual({ timeout: 1000 });
    expect(fn).not.toHaveBeenCalled();
    idle[0]![0]();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('calls made before the paint share one wait for it, and each still runs in its own idle task', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb));
    const frames = vi.fn();
    const raf = window.requestAnimationFrame.bind(window);
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
      raf((t) => {
        frames();
        cb(t);
      }),
    );
    const [a, b, c] = [vi.fn(), vi.fn(), vi.fn()];
    whenIdle(a);
    whenIdle(b);
    whenIdle(c);
    await vi.waitFor(() => expect(idle).toHaveLength(3));
    expect(frames).toHaveBeenCalledOnce();
    idle[1]!();
    expect([a, b, c].map((f) => f.mock.calls.length)).toEqual([0, 1, 0]);
    // Asked after that paint: a wait of its own.
    whenIdle(a);
    await vi.waitFor(() => expect(idle).toHaveLength(4));
    expect(frames).toHaveBeenCalledTimes(2);
  });

  it('on a hidden page, which paints no frame, asks for idle time at once', () => {
    setVisibility('hidden');
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    whenIdle(() => {});
    expect(idle).toHaveBeenCalledOnce();
  });

  it('without requestIdleCallback (Safari), runs in a task after the paint', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const fn = vi.fn();
    whenIdle(fn);
    expect(fn).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fn).toHaveBeenCalledOnce());
  });
});

describe('whenLoaded', () => {
  afterEach(() => {
    delete (document as { readyState?: unknown }).readyState;
  });

  it('runs at once on a loaded page', () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'complete' });
    const fn = vi.fn();
    whenLoaded(fn);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('before load, waits for it, and runs once', () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'interactive' });
    const fn = vi.fn();
    whenLoaded(fn);
    expect(fn).not.toHaveBeenCalled();
    dispatchEvent(new Event('load'));
    dispatchEvent(new Event('load'));
    expect(fn).toHaveBeenCalledOnce();
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
