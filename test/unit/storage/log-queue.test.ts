import { afterEach, describe, expect, it, vi } from 'vitest';
import { logQueue, MAX_QUEUED, sameEntry, type LogEntry } from '../../../src/storage/log-queue';

const KEY = 'samtykke:log:samtykke';
const entry = (n: number, time = '2026-01-02T03:04:05.000Z'): LogEntry => ({
  id: `id${String(n).padStart(14, '0')}`,
  time,
  revision: '1',
  servicesHash: 's',
  choices: { analytics: true },
  lang: 'nb',
  version: '0.1.0',
  textsHash: 't',
  path: '/',
  previousId: null,
});

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('the consent log queue', () => {
  it('keeps entries until each is removed, oldest first, in localStorage under its key', () => {
    const q = logQueue(KEY);
    expect(q.read()).toEqual([]);
    q.add(entry(1));
    q.add(entry(2));
    expect(q.read()).toEqual([entry(1), entry(2)]);
    // Another page view reads the same queue.
    expect(logQueue(KEY).read()).toEqual([entry(1), entry(2)]);
    expect(logQueue('samtykke:log:annet').read()).toEqual([]);
    q.remove(entry(1));
    expect(q.read()).toEqual([entry(2)]);
    q.remove(entry(2));
    // Empty, it leaves nothing behind.
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('holds an entry once per (id, time): added again, it moves to the end', () => {
    const q = logQueue(KEY);
    q.add(entry(1));
    q.add(entry(2));
    q.add(entry(1));
    expect(q.read()).toEqual([entry(2), entry(1)]);
    // A new decision of the same visitor (same id, another time) is another entry.
    q.add(entry(1, '2026-02-02T03:04:05.000Z'));
    expect(q.read()).toHaveLength(3);
    expect(sameEntry(entry(1), entry(1, '2026-02-02T03:04:05.000Z'))).toBe(false);
    expect(sameEntry(entry(1), { ...entry(1), choices: {} })).toBe(true);
    expect(sameEntry(entry(1), entry(2))).toBe(false);
  });

  it(`keeps the newest ${MAX_QUEUED} and no more`, () => {
    const q = logQueue(KEY);
    for (let n = 1; n <= MAX_QUEUED + 3; n++) q.add(entry(n));
    expect(q.read().map((e) => e.id)).toEqual(Array.from({ length: MAX_QUEUED }, (_, i) => entry(i + 4).id));
  });

  it('reads anything else in its place as an empty queue, and drops what is not an entry', () => {
    const q = logQueue(KEY);
    for (const stored of ['{', '{"id":"x"}', '"text"', 'null']) {
      localStorage.setItem(KEY, stored);
      expect(q.read(), stored).toEqual([]);
    }
    localStorage.setItem(KEY, JSON.stringify([null, 7, { id: 7 }, entry(1), 'x']));
    expect(q.read()).toEqual([entry(1)]);
  });

  it('where the browser refuses storage, reads nothing and throws nothing', () => {
    const refuse = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    // As in a sandboxed frame: touching localStorage at all throws.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(refuse);
    const q = logQueue(KEY);
    expect(() => q.add(entry(1))).not.toThrow();
    expect(q.read()).toEqual([]);
    expect(() => q.remove(entry(1))).not.toThrow();
  });
});
