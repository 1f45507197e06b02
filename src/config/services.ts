import { PURPOSES, type Purpose } from './purposes';
import { embedPresets, googleAds, googleAnalytics, metaPixel, ownService } from './presets';
import { ids, isObject, localText, url, type Input } from './fields';
import type { CookieInfo, Service } from './types';
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

/**
 * The service rules: samtykke's own cookie first, then Google's tags by id, the embeds by
 * name and the owner's own services; a wrong one is left out, never loaded unchecked.
 */
export function services(input: Input, href: string, hostname: string): Service[] {
  const list: Service[] = [ownService(COOKIE_NAME, hostname)];
  const ads = ids(input, 'googleAds', GOOGLE_ADS_ID);
  if (ads.length) list.push(googleAds(ads));
  const analytics = ids(input, 'googleAnalytics', GOOGLE_ANALYTICS_ID);
  if (analytics.length) list.push(googleAnalytics(analytics));
  if (ids(input, 'metaPixel', /^\d{6,20}$/).length) list.push(metaPixel());
  const embeds = typeof input.embeds === 'string' ? input.embeds.split(/[\s,]+/).filter(Boolean) : input.embeds ?? [];
  if (!Array.isArray(embeds)) report('error', 'embeds.shape');
  else {
    for (const name of embeds) {
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

/** An owner's service, or nothing (said once) when it is wrong: a wrong service is left out. */
function ownerService(s: unknown, at: string, href: string): Service | void {
  if (!isObject(s)) return report('error', 'service.shape', at);
  if (typeof s.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(s.id)) return report('error', 'service.id', at);
  if (typeof s.name !== 'string' || !s.name) return report('error', 'service.name', at);
  if (!PURPOSES.includes(s.purpose as Purpose)) return report('error', 'service.purpose', at);
  if (typeof s.provider !== 'string' || !s.provider) return report('error', 'service.provider', at);
  if (!localText(s.description)) return report('error', 'service.description', at);
  let privacyUrl: string | undefined;
  if (s.privacyUrl !== undefined) {
    const u = url(`${at}.privacyUrl`, s.privacyUrl, href);
    if (!u) return;
    privacyUrl = u;
  }
  const cookies: CookieInfo[] = [];
  if (s.cookies !== undefined) {
    if (!Array.isArray(s.cookies)) return report('error', 'service.cookies', at);
    for (const [j, c] of s.cookies.entries()) {
      if (!isObject(c) || typeof c.name !== 'string' || !/^[^\s;,=]+$/.test(c.name) || !localText(c.purpose) || !localText(c.lifetime)) {
        return report('error', 'service.cookie', at, j);
      }
      cookies.push({ name: c.name, purpose: c.purpose, lifetime: c.lifetime, ...(c.thirdParty === true ? { thirdParty: true } : {}), ...(c.local === true ? { local: true } : {}) });
    }
  }
  const src: string[] = [];
  for (const u of s.src === undefined ? [] : Array.isArray(s.src) ? s.src : [s.src]) {
    const ok = url(`${at}.src`, u, href);
    if (!ok) return;
    src.push(ok);
  }
  const block: string[] = [];
  for (const p of s.block === undefined ? [] : Array.isArray(s.block) ? s.block : [s.block]) {
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
    ...(s.transfer ? { transfer: true } : {}),
    description: s.description,
    ...(privacyUrl ? { privacyUrl } : {}),
    cookies,
    src,
    googleIds: [],
    block,
  };
}
