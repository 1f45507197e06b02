import { describe, expect, it } from 'vitest';
import { withoutOptional } from '../../../src/core/environment';

describe('a misplaced tag runs on its settings without the optional ones', () => {
  it('drops every setting that makes something run, the Meta pixel too, and keeps the rest', () => {
    const input = { googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ', metaPixel: '123456789012345', embeds: 'youtube', services: [], privacyUrl: '/p/', lang: 'nn', revision: '2' };
    expect({ ...withoutOptional(input) }).toEqual({ privacyUrl: '/p/', lang: 'nn', revision: '2' });
  });

});
