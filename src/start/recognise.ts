import { ADS_PATH, GOOGLE_HOSTS, GOOGLE_SITE, PRESET_BLOCKS } from '../config/hosts';

/** Text that matches itself in a regular expression (a literal's `/` too). */
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An expression's source without the anchors it is written with (`before`, `after`); the build stops if they are not there. */
function within(expression: RegExp, before: string, after: string): string {
  const { source } = expression;
  if (!source.startsWith(before) || !source.endsWith(after)) throw new Error(`recognise.ts: ${expression} no longer reads ${before}…${after}`);
  return source.slice(before.length, source.length - after.length);
}

/**
 * What `isGoogleTracking` and each preset's block pattern (config/hosts.ts) mean, as one regular
 * expression over an address's `host + path` (a host has no `/`; a path begins with one):
 * Google's hosts (the host exactly or any host under it), `www.google.*` / `google.*` under an
 * ads path, and for each pattern the host exactly (`*.x`: x or any host under it), then a path
 * that begins with the pattern's. The build writes it into the start (vite.config.ts,
 * `__RECOGNISED__`), so the start carries one expression instead of the expressions, the
 * patterns and the code that reads them; test/unit/start/start.test.ts holds them equal.
 */
export function recognisedSource(): string {
  const one = (pattern: string) => {
    const [host, ...path] = pattern.split('/');
    const at = host!.startsWith('*.') ? '([^/]*\\.)?' + literally(host!.slice(2)) : literally(host!);
    return at + literally('/' + path.join('/'));
  };
  const google = ['([^/]*\\.)?' + within(GOOGLE_HOSTS, '(^|\\.)', '$') + '\\/', within(GOOGLE_SITE, '^', '$') + within(ADS_PATH, '^', '')];
  return `^(${[...google, ...Object.values(PRESET_BLOCKS).flat().map(one)].join('|')})`;
}

declare const __RECOGNISED__: RegExp;

/**
 * Whether the start holds an address without the owner's settings: Google's tag and ads hosts,
 * Meta's pixel and the video and map embeds, from the one place the engine keeps them
 * (config/hosts.ts). Every id an owner can write on the tag
 * (data-google-ads, data-google-analytics, data-meta-pixel, data-embeds) loads from one of
 * these hosts, so no id adds one: what the tag's ids would add is held already.
 */
export const recognised = (url: URL): boolean => __RECOGNISED__.test(url.hostname + url.pathname);
