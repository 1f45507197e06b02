import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaintOrLeave } from '../../../src/core/ready';

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
