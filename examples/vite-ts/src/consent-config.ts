// Imported before samtykke (see main.ts): samtykke reads window.samtykkeConfig once, as it starts.
import type { SamtykkeInput } from 'samtykke';

const config: SamtykkeInput = {
  googleAds: 'AW-123456789',
  privacyUrl: '/personvern/',
  lang: 'en',
  theme: { accent: '#2f6f5e' },
};

window.samtykkeConfig = config;
