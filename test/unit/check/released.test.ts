import { describe, expect, it } from 'vitest';
import { frameRequests } from '../../../src/check/released';

/** Resource Timing entries as the check reads them: an address and when it was asked for (ms). */
const at = (name: string, startTime: number) => ({ name, startTime });
const VIDEO = 'https://www.youtube.com/embed/abc';
const OTHER = 'https://www.youtube.com/embed/xyz';

describe('which requests the frames samtykke released made (the visitor’s «Vis innhold»)', () => {
  it('a released frame’s request is its own; a request for an address no released frame has is not', () => {
    const video = at(VIDEO, 1200);
    const other = at(OTHER, 300);
    expect(frameRequests([other, video], [VIDEO])).toEqual(new Set([video]));
  });

  it('fetched before samtykke held it, then shown: only the later request is the showing, the early one stays a fault', () => {
    const early = at(VIDEO, 40);
    const shown = at(VIDEO, 5200);
    expect(frameRequests([shown, early], [VIDEO])).toEqual(new Set([shown]));
  });

  it('two frames with the same address, both released: each has its request', () => {
    const first = at(VIDEO, 900);
    const second = at(VIDEO, 2500);
    expect(frameRequests([first, second], [VIDEO, VIDEO])).toEqual(new Set([first, second]));
  });

  it('no frame released: none is', () => {
    expect(frameRequests([at(VIDEO, 10)], [])).toEqual(new Set());
  });
});
