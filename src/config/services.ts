import { OPTIONAL_PURPOSES, PURPOSES, type Purpose } from './purposes';
import { embedPresets, googleAds, googleAnalytics, metaPixel, ownService } from './presets';
import { fail, ids, isObject, localText, url, type Input } from './fields';
import type { CookieInfo, Service } from './types';
import { COOKIE_NAME } from './settings';
import { describe } from '../core/report';

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
  const ads = ids(input, 'googleAds', GOOGLE_ADS_ID, 'AW-123456789');
  if (ads.length) list.push(googleAds(ads));
  const analytics = ids(input, 'googleAnalytics', GOOGLE_ANALYTICS_ID, 'G-ABC123XYZ');
  if (analytics.length) list.push(googleAnalytics(analytics));
  if (ids(input, 'metaPixel', /^\d{6,20}$/, '123456789012345').length) list.push(metaPixel());
  const embeds = typeof input.embeds === 'string' ? input.embeds.split(/[\s,]+/).filter(Boolean) : input.embeds ?? [];
  if (!Array.isArray(embeds)) fail('embeds', `must list embeds the site uses, e.g. "youtube vimeo google-maps"; none are named in the preferences.`);
  else {
    for (const name of embeds) {
      const preset = embedPresets.find((e) => e.id === name);
      if (!preset) fail('embeds', `${describe(name)} is not known; use ${embedPresets.map((e) => `"${e.id}"`).join(', ')}, or describe it under services.`);
      else if (!list.includes(preset)) list.push(preset);
    }
  }
  if (input.services !== undefined) {
    if (Array.isArray(input.services)) {
      input.services.forEach((s, i) => {
        const service = ownerService(s, `services[${i}]`, href);
        if (service) list.push(service);
      });
    } else fail('services', 'must be a list: services: [{ id, name, purpose, provider, description, cookies }].');
  }
  return list;
}

function ownerService(s: unknown, at: string, href: string): Service | null {
  const bad = (field: string, fix: string) => {
    fail(`${at}.${field}`, `${fix} The service is left out.`);
    return null;
  };
  if (!isObject(s)) {
    fail(at, 'must be an object { id, name, purpose, provider, description, cookies }; the service is left out.');
    return null;
  }
  if (typeof s.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(s.id)) return bad('id', 'must be lower-case letters, digits and "-", e.g. "facebook-pixel".');
  if (typeof s.name !== 'string' || !s.name) return bad('name', 'must be the name visitors know the service by.');
  if (!PURPOSES.includes(s.purpose as Purpose)) return bad('purpose', `must be one of "necessary", "${OPTIONAL_PURPOSES.join('", "')}".`);
  if (typeof s.provider !== 'string' || !s.provider) return bad('provider', 'must name the company that receives the data.');
  if (!localText(s.description)) return bad('description', 'must be a text, or { nb, nn, en } texts, saying what it does.');
  let privacyUrl: string | undefined;
  if (s.privacyUrl !== undefined) {
    const u = url(`${at}.privacyUrl`, s.privacyUrl, href);
    if (!u) return null;
    privacyUrl = u;
  }
  const cookies: CookieInfo[] = [];
  if (s.cookies !== undefined) {
    if (!Array.isArray(s.cookies)) return bad('cookies', 'must be a list of { name, purpose, lifetime }.');
    for (const [j, c] of s.cookies.entries()) {
      if (!isObject(c) || typeof c.name !== 'string' || !/^[^\s;,=]+$/.test(c.name) || !localText(c.purpose) || !localText(c.lifetime)) {
        return bad(`cookies[${j}]`, 'must be { name: "_fbp", purpose: "…", lifetime: "90 dager" } (a name ending in * matches a prefix).');
      }
      cookies.push({ name: c.name, purpose: c.purpose, lifetime: c.lifetime, ...(c.thirdParty === true ? { thirdParty: true } : {}), ...(c.local === true ? { local: true } : {}) });
    }
  }
  const src: string[] = [];
  for (const u of s.src === undefined ? [] : Array.isArray(s.src) ? s.src : [s.src]) {
    const ok = url(`${at}.src`, u, href);
    if (!ok) return null;
    src.push(ok);
  }
  const block: string[] = [];
  for (const p of s.block === undefined ? [] : Array.isArray(s.block) ? s.block : [s.block]) {
    if (typeof p !== 'string' || !BLOCK_PATTERN.test(p)) return bad('block', `${describe(p)} must be a host with an optional path, like "connect.facebook.net" or "*.hotjar.com".`);
    // Host names compare in lower case; paths are case-sensitive.
    block.push(p.replace(/^[^/]+/, (host) => host.toLowerCase()));
  }
  if (s.transfer !== undefined && typeof s.transfer !== 'boolean') return bad('transfer', 'must be true when the provider may move the data to the USA (or another country outside the EEA), else false.');
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
