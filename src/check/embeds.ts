import { embedPresets } from '../config/presets';
import { classify } from '../config/trackers';
import type { Config, Service } from '../config/types';

/**
 * The embed services (YouTube, Vimeo, Google Maps: the engine's presets, by their own `block`
 * patterns) that `urls` load but the banner does not name to visitors, each once, in the
 * presets' order. The engine holds such a frame all the same, and a purpose the owner marked it
 * with releases it; but a consent that never named its recipient is not informed (GDPR art.
 * 4(11); REQUIREMENTS LAW-03 and UI-07: the banner names who receives the data).
 */
export function unnamedEmbeds(urls: Iterable<string>, config: Config): Service[] {
  const found = new Set<Service>();
  for (const url of urls) {
    const tracker = classify(url, config);
    // `declared`: a service the owner set (the ticked preset, or her own with the same hosts) claims it.
    if (tracker && !tracker.declared && embedPresets.includes(tracker.service)) found.add(tracker.service);
  }
  return embedPresets.filter((s) => found.has(s));
}

/** Whether an embed service shows a map (Google Maps) rather than a video: the texts say «kart» or «video». */
export const isMap = (service: Service): boolean => service.id === 'google-maps';
