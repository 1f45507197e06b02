import { PURPOSES, type Purpose } from './purposes';
import { embedPresets, googleAds, googleAnalytics, metaPixel, ownService } from './presets';
import { ids, isObject, list, localText, url, words, type Input } from './fields';
import type { CookieInfo, LocalText, Service } from './types';
import { COOKIE_NAME } from './settings';
import { describe, report } from '../core/report';

/**
 * Google tag ids, by the preset that asks about them: a conversion id, or a Google tag
 * (`GT-`), which may carry Ads and is therefore asked about under Markedsføring; a
 * measurement id for Analytics.
 */
export const GOOGLE_ADS_ID = /^(AW-\d{4,}|GT-[A-Z0-9]{4,})$/;
export const GOOGLE_ANALYTICS_ID = /^G-[A-Z0-9]{4,}$/;

/** A host (its labels, optionally `*.` first) and an optional path prefix. */
const BLOCK_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

/** The presets an owner names by id, with what such an id looks like. Meta's snippet carries its own id, so the pixel's is only checked. */
const BY_ID: readonly [field: string, pattern: RegExp, preset: (ids: string[]) => Service][] = [
  ['googleAds', GOOGLE_ADS_ID, googleAds],
  ['googleAnalytics', GOOGLE_ANALYTICS_ID, googleAnalytics],
  ['metaPixel', /^\d{6,20}$/, metaPixel],
];

/**
 * The service rules: samtykke's own cookie first, then Google's tags and Meta's pixel by id,
 * the embeds by name and the owner's own services; a wrong one is left out, never loaded
 * unchecked.
 */
export function services(input: Input, href: string, hostname: string): Service[] {
  const list: Service[] = [ownService(COOKIE_NAME, hostname)];
  for (const [field, pattern, preset] of BY_ID) {
    const found = ids(input, field, pattern);
    if (found.length) list.push(preset(found));
  }
  // Left out or null: no embeds.
  const embeds = input.embeds ?? [];
  if (typeof embeds !== 'string' && !Array.isArray(embeds)) report('error', 'embeds.shape');
  else {
    for (const name of words(embeds)) {
      const preset = embedPresets.find((e) => e.id === name);
      if (!preset) report('error', 'embeds.unknown', describe(name));
      else if (!list.includes(preset)) list.push(preset);
    }
  }
  if (input.services !== undefined) {
    if (Array.isArray(input.services)) {
      input.services.forEach((s, i) => {
        const service = ownerService(s, `services[${i}]`, href);
        if (service) list.push(service);
      });
    } else report('error', 'services.shape');
  }
  return list;
}

const cookieOk = (c: unknown) => isObject(c) && typeof c.name === 'string' && /^[^\s;,=]+$/.test(c.name) && localText(c.purpose) && localText(c.lifetime);

/** An owner's service, or nothing (said once) when it is wrong: a wrong service is left out. */
function ownerService(s: unknown, at: string, href: string): Service | void {
  if (!isObject(s)) return report('error', 'service.shape', at);
  if (typeof s.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(s.id)) return report('error', 'service.id', at);
  if (typeof s.name !== 'string' || !s.name) return report('error', 'service.name', at);
  if (!PURPOSES.includes(s.purpose as Purpose)) return report('error', 'service.purpose', at);
  if (typeof s.provider !== 'string' || !s.provider) return report('error', 'service.provider', at);
  if (!localText(s.description)) return report('error', 'service.description', at);
  const privacyUrl = s.privacyUrl === undefined ? undefined : url(`${at}.privacyUrl`, s.privacyUrl, href);
  if (privacyUrl === null) return;
  if (s.cookies !== undefined && !Array.isArray(s.cookies)) return report('error', 'service.cookies', at);
  const cookies = (s.cookies ?? []) as Record<string, unknown>[];
  const wrongCookie = cookies.findIndex((c) => !cookieOk(c));
  if (wrongCookie >= 0) return report('error', 'service.cookie', at, wrongCookie);
  const src: string[] = [];
  for (const u of list(s.src)) {
    const ok = url(`${at}.src`, u, href);
    if (!ok) return;
    src.push(ok);
  }
  const block: string[] = [];
  for (const p of list(s.block)) {
    if (typeof p !== 'string' || !BLOCK_PATTERN.test(p)) return report('error', 'service.block', at, describe(p));
    // Host names compare in lower case; paths are case-sensitive.
    block.push(p.replace(/^[^/]+/, (host) => host.toLowerCase()));
  }
  if (s.transfer !== undefined && typeof s.transfer !== 'boolean') return report('error', 'service.transfer', at);
  return {
    id: s.id,
    name: s.name,
    purpose: s.purpose as Purpose,
    provider: s.provider,
    ...(s.transfer === true && { transfer: true }),
    description: s.description as LocalText,
    ...(privacyUrl && { privacyUrl }),
    cookies: cookies.map(({ name, purpose, lifetime, thirdParty, local }) => ({
      name,
      purpose,
      lifetime,
      ...(thirdParty === true && { thirdParty: true }),
      ...(local === true && { local: true }),
    })) as CookieInfo[],
    src,
    googleIds: [],
    block,
  };
}
