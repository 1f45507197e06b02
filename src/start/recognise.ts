import { isGoogleTracking, matches, PRESET_BLOCKS } from '../config/hosts';

/**
 * Whether the start holds an address without the owner's settings: Google's tag and ads hosts,
 * Meta's pixel and the video and map embeds, from the one place the engine keeps them
 * (config/hosts.ts). Every id an owner can write on the tag
 * (data-google-ads, data-google-analytics, data-meta-pixel, data-embeds) loads from one of
 * these hosts, so no id adds one: what the tag's ids would add is held already.
 */
export const recognised = (url: URL): boolean => isGoogleTracking(url) || Object.values(PRESET_BLOCKS).some((block) => block.some((p) => matches(p, url)));
