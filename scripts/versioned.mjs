/**
 * Where a released version's files stay for good. The static site (GitHub Pages) serves each
 * version's built files and its sri.json under `v/<version>/`, and never changes a folder once
 * published, so a pasted tag and its `integrity` keep matching the bytes they were made for.
 * No Node imports here: the configurator, a browser page, imports this too.
 */

/** SHA-384 of every built file and the version they belong to, written by the build beside them. */
export const SRI_MANIFEST = 'sri.json';

/** The site's folder that holds every released version, one folder each. */
export const VERSIONS_DIR = 'v/';

/** One version's folder, relative to the site's root: `v/0.1.0/`. */
export const versionDir = (version) => `${VERSIONS_DIR}${version}/`;

/** The repository's GitHub Pages site (github.com/stressfri/samtykke, package.json's `repository`). */
export const PAGES_SITE = 'https://stressfri.github.io/samtykke/';

/** The public address of one version's folder: `https://stressfri.github.io/samtykke/v/0.1.0/`. */
export const pagesUrl = (version) => PAGES_SITE + versionDir(version);

/**
 * Every version a text names in an address: `samtykke@1.2.3` (npm, jsDelivr) and `/v/1.2.3/`
 * (the site). A document must name only the version being released.
 */
export const namedVersions = (text) => new Set([...text.matchAll(/samtykke@(\d+\.\d+\.\d+[\w.-]*)|\/v\/(\d+\.\d+\.\d+[\w.-]*)\//g)].map((m) => m[1] ?? m[2]));
