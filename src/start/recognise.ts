import { isGoogleTracking, PRESET_BLOCKS } from '../config/hosts';

/** Text that matches itself in a regular expression (a literal's `/` too). */
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The presets' block patterns (config/hosts.ts) as one regular expression over an address's
 * `host + path`, meaning what `matches` means for each: the host exactly (`*.x`: x or any host
 * under it), then a path that begins with the pattern's. The build writes it into the start
 * (vite.config.ts, `__PRESET_BLOCKS__`), so the start carries one expression instead of the
 * patterns and the code that reads them; test/unit/start/start.test.ts holds the two equal.
 */
export function presetBlocksSource(): string {
  const one = (pattern: string) => {
    const [host, ...path] = pattern.split('/');
    const at = host!.startsWith('*.') ? '([^/]*\\.)?' + literally(host!.slice(2)) : literally(host!);
    return at + literally('/' + path.join('/'));
  };
  return `^(${Object.values(PRESET_BLOCKS).flat().map(one).join('|')})`;
}

declare const __PRESET_BLOCKS__: RegExp;

/**
 * Whether the start holds an address without the owner's settings: Google's tag and ads hosts,
 * Meta's pixel and the video and map embeds, from the one place the engine keeps them
 * (config/hosts.ts). Every id an owner can write on the tag
 * (data-google-ads, data-google-analytics, data-meta-pixel, data-embeds) loads from one of
 * these hosts, so no id adds one: what the tag's ids would add is held already.
 */
export const recognised = (url: URL): boolean => isGoogleTracking(url) || __PRESET_BLOCKS__.test(url.hostname + url.pathname);
