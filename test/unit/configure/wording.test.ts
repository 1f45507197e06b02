import { describe, expect, it } from 'vitest';
import { wording } from '../../../demo/configure/wording';

describe('a message as the owner reads it', () => {
  const wrongId = { level: 'error', field: 'googleAds', text: 'googleAds: "AW-12" is not a valid id; it looks like "AW-123456789". Nothing is loaded for it.' } as const;

  it('under its own field: in bokmål, without the setting’s name or the script’s prefix', () => {
    expect(wording(wrongId, true, true)).toBe('Feil: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.');
  });

  it('elsewhere, the field’s label stands for the setting’s name; with no label, the name stays as the only pointer', () => {
    expect(wording(wrongId, true, false, 'Google Ads-ID')).toBe('Feil: Google Ads-ID: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.');
    expect(wording(wrongId, true, false)).toBe('Feil: googleAds: ID-en skal se ut som «AW-123456789». Banneret bruker ikke en ID som er skrevet feil.');
    expect(wording(wrongId, false, false)).toBe('Feil: ' + wrongId.text);
  });
});
