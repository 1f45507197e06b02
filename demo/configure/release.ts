/**
 * The version this configurator belongs to, and what is known of it: its files' hashes (its
 * `sri.json` in its folder on this site) and whether it is on npm yet (jsDelivr's copy of it).
 */
import { version } from '../../package.json';
import { SRI_MANIFEST, versionDir } from '../../scripts/versioned.mjs';
import { cdnBase, ENGINE, START, type Release } from './hosting';

export { version };

/** The version's folder on the site this page is served from, where the preview loads it too. */
export const localFolder = (): URL => new URL(versionDir(version), location.href);

/** This version's `sri.json` from its folder on this site, or null when it is not there. */
export async function thisRelease(): Promise<Release | null> {
  try {
    const response = await fetch(new URL(SRI_MANIFEST, localFolder()));
    if (!response.ok) return null;
    const sri = (await response.json()) as Partial<Release>;
    return typeof sri.version === 'string' && typeof sri.files?.[ENGINE] === 'string' ? (sri as Release) : null;
  } catch {
    return null;
  }
}

/**
 * Whether jsDelivr serves this very release: its `sri.json` there must name the same engine.
 * Not there yet (npm has no such version) reads as false, as does a different file under the
 * same version, which would fail the browser's check.
 */
export async function onNpm(release: Release): Promise<boolean> {
  try {
    const response = await fetch(cdnBase(release.version) + SRI_MANIFEST);
    if (!response.ok) return false;
    const sri = (await response.json()) as Partial<Release>;
    return sri.files?.[ENGINE] === release.files[ENGINE];
  } catch {
    return false;
  }
}

/**
 * This version's inline start from its folder on this site, checked against the hash its
 * `sri.json` gives (the owner pastes this text into every page), or null when it is not there
 * or not that file: the configurator then offers the single tag only.
 */
export async function startText(release: Release): Promise<string | null> {
  try {
    const response = await fetch(new URL(START, localFolder()), { integrity: release.files[START] ?? '' });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}
