import { afterEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import type { CreateFace, Face } from '../../../src/parts';
import { faceLife } from '../../../src/shell/face-life';
import type { CookieStore } from '../../../src/storage/cookie';

const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789' }, { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' });
const none: CookieStore = { read: () => null, write() {}, clear() {} };

/** A face file that answers when told: `arrive` hands over what was fetched. */
function setUp({ mountThrows = 0 } = {}) {
  const open = vi.fn();
  let throws = mountThrows;
  const face: Face = {
    mount: vi.fn(() => {
      if (throws-- > 0) throw new Error('no mount');
      return { open };
    }),
    holdFrame: vi.fn(),
  };
  let arrive: (create: CreateFace | null) => void = () => {};
  const fetch = vi.fn((_lang, done: (create: CreateFace | null) => void) => void (arrive = done));
  const hooks = { mounting: vi.fn(() => null), changed: vi.fn(), settled: vi.fn() };
  const life = faceLife(fetch, 'nb', config, createStore(config, none), hooks);
  return { life, face, open, fetch, hooks, arrive: (create: CreateFace | null = () => face) => arrive(create) };
}

afterEach(() => vi.restoreAllMocks());

describe("the face's life", () => {
  it('starts idle, asking for nothing', () => {
    const { life, fetch } = setUp();
    expect(life.state).toBe('idle');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('idle → loading: asked for, it is fetched once however often it is asked', () => {
    const { life, fetch } = setUp();
    life.need();
    life.need();
    life.need(true);
    expect(life.state).toBe('loading');
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('loading → loaded → mounted: it arrives and mounts once <body> is there, then the UI is settled', () => {
    const { life, face, hooks, arrive } = setUp();
    life.need();
    arrive();
    // happy-dom has a <body>: the mount follows at once.
    expect(face.mount).toHaveBeenCalledOnce();
    expect(life.state).toBe('mounted');
    expect(hooks.mounting.mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(face.mount).mock.invocationCallOrder[0]!);
    expect(hooks.changed).toHaveBeenCalledOnce();
    expect(hooks.settled).toHaveBeenCalledOnce();
    expect(life.failing).toBe(false);
  });

  it('loading → failed: a face that cannot be had says so once, and is fetched again only when the visitor asks', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { life, fetch, hooks, arrive } = setUp();
    life.need();
    arrive(null);
    expect(life.state).toBe('failed');
    expect(life.failing).toBe(true);
    expect(error).toHaveBeenCalledOnce();
    expect(hooks.settled).toHaveBeenCalledOnce();
    life.need();
    expect(fetch).toHaveBeenCalledOnce();
    life.need(true);
    expect(life.state).toBe('loading');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('loading → failed: a face whose setup throws counts as not had', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { life, arrive } = setUp();
    life.need();
    arrive(() => {
      throw new Error('broken face');
    });
    expect(life.state).toBe('failed');
  });

  it('loaded → failed → mounted: a face whose mount throws is mounted again, not fetched again, when the visitor asks', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { life, face, fetch, open, hooks, arrive } = setUp({ mountThrows: 1 });
    life.need();
    arrive();
    expect(life.state).toBe('failed');
    expect(hooks.changed).toHaveBeenCalledOnce();
    life.open();
    expect(fetch).toHaveBeenCalledOnce();
    expect(face.mount).toHaveBeenCalledTimes(2);
    expect(life.state).toBe('mounted');
    expect(life.failing).toBe(false);
    expect(open).toHaveBeenCalledOnce();
  });

  it('open before the face is here: fetched, and the preferences open once it is mounted', () => {
    const { life, open, arrive } = setUp();
    life.open();
    expect(life.state).toBe('loading');
    expect(open).not.toHaveBeenCalled();
    arrive();
    expect(open).toHaveBeenCalledOnce();
    life.open();
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('a held frame before the face asks for it, and gets its placeholder once it is here', () => {
    const { life, face, fetch, arrive } = setUp();
    const frame = document.createElement('iframe');
    const show = () => {};
    life.holdFrame(frame, null, show, null);
    expect(fetch).toHaveBeenCalledOnce();
    expect(face.holdFrame).not.toHaveBeenCalled();
    arrive();
    expect(face.holdFrame).toHaveBeenCalledWith(frame, null, show, null);
    const later = document.createElement('iframe');
    life.holdFrame(later, null, show, null);
    expect(face.holdFrame).toHaveBeenLastCalledWith(later, null, show, null);
  });
});
