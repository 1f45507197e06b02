/**
 * Hints on the Google ids beyond the script's own check, which only says an id is not valid:
 * an owner who typed a real id into the wrong field, or in small letters, is told what to do. What an id of each kind looks like is the engine's own rule (src/config/services.ts).
 */
import { words } from '../../src/config/fields';
import { GOOGLE_ADS_ID, GOOGLE_ANALYTICS_ID } from '../../src/config/services';
import type { FieldMessage } from './messages';
import type { Settings } from './tag';

const FIELDS = [
  { field: 'googleAds', pattern: GOOGLE_ADS_ID, label: 'Google Ads-ID', kind: 'en Google Ads-ID (AW-…) eller en Google-tag (GT-…)' },
  { field: 'googleAnalytics', pattern: GOOGLE_ANALYTICS_ID, label: 'Google Analytics-måle-ID', kind: 'en Google Analytics-ID (G-…)' },
] as const;

export function idHints(settings: Settings): FieldMessage[] {
  const hints: FieldMessage[] = [];
  for (const { field, pattern } of FIELDS) {
    for (const id of words(settings[field])) {
      if (typeof id !== 'string' || pattern.test(id)) continue;
      const upper = id.toUpperCase();
      const home = FIELDS.find((f) => f.pattern.test(upper));
      // Anything else is only malformed, which the script's own message says.
      if (!home) continue;
      const text = home.field === field ? `Skriv ID-en med store bokstaver: «${upper}».` : `«${id}» er ${home.kind}. Skriv den i feltet «${home.label}».`;
      hints.push({ level: 'hint', field, text });
    }
  }
  return hints;
}
