#!/usr/bin/env node
/**
 * Part of the Pages deploy: puts every earlier release's files back into the static site, so a
 * tag pasted for an earlier version keeps working after a new one is published (Pages replaces
 * the whole site on each deploy).
 *
 *   node scripts/restore-versions.mjs --from <releases> [--site dist-site]
 *
 * `<releases>` holds one folder per release tag (`v0.1.0/`, …) with that GitHub release's
 * assets, as `gh release download <tag> --dir <releases>/<tag>` leaves them. Each is checked
 * against its own sri.json (its version is the tag's; every file it names is there, with that
 * hash) and copied to `<site>/v/<version>/`. A version folder the site already has (the one
 * just built) must hold exactly the same bytes: a published file never changes, so any
 * difference fails the deploy instead of replacing it. Nothing is copied unless every release
 * passes.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SRI_MANIFEST } from './built-files.mjs';
import { integrity } from './sri.mjs';
import { versionDir } from './versioned.mjs';

/** A release tag names its version: `v1.2.3` (a pre-release `v1.2.3-rc.1` too). */
const TAG = /^v(\d+\.\d+\.\d+(?:[-+][\w.-]+)?)$/;

/** The files of one release: its sri.json and every file it names, checked. Throws on a problem. */
function releaseFiles(folder, tag) {
  const version = TAG.exec(tag)?.[1];
  if (!version) throw new Error(`${tag}: not a version tag (v1.2.3).`);
  const at = join(folder, SRI_MANIFEST);
  if (!existsSync(at)) throw new Error(`${tag}: the release has no ${SRI_MANIFEST}.`);
  const sri = JSON.parse(readFileSync(at, 'utf8'));
  if (sri.version !== version) throw new Error(`${tag}: its ${SRI_MANIFEST} says version ${sri.version}.`);
  for (const [file, hash] of Object.entries(sri.files ?? {})) {
    if (!existsSync(join(folder, file))) throw new Error(`${tag}: ${file}, named in its ${SRI_MANIFEST}, is not among the release's files.`);
    if (integrity(readFileSync(join(folder, file))) !== hash) throw new Error(`${tag}: ${file} does not match the hash in its ${SRI_MANIFEST}.`);
  }
  return { version, files: [...Object.keys(sri.files ?? {}), SRI_MANIFEST].sort() };
}

/** Why the site's existing folder differs from the release, or null when it holds the same bytes. */
function difference(target, release, files) {
  const there = readdirSync(target).sort();
  if (JSON.stringify(there) !== JSON.stringify(files)) return `it holds ${there.join(', ')}; the release has ${files.join(', ')}`;
  const changed = files.filter((f) => !readFileSync(join(target, f)).equals(readFileSync(join(release, f))));
  return changed.length ? `${changed.join(', ')} differ from the release's` : null;
}

/** Checks every release under `from`, then copies the missing versions into `site`. Returns what it did. */
export function restoreVersions(from, site) {
  const plan = [];
  for (const tag of readdirSync(from).sort()) {
    const release = join(from, tag);
    const { version, files } = releaseFiles(release, tag);
    const target = join(site, versionDir(version));
    if (existsSync(target)) {
      const why = difference(target, release, files);
      if (why) throw new Error(`${tag}: the site's ${versionDir(version)} is not what was released (${why}). A published version never changes: release a new version instead.`);
      plan.push({ tag, target, files, copy: false });
    } else {
      plan.push({ tag, target, files, copy: true });
    }
  }
  for (const { tag, target, files, copy } of plan) {
    if (!copy) continue;
    mkdirSync(target, { recursive: true });
    for (const file of files) cpSync(join(from, tag, file), join(target, file));
  }
  return plan.map(({ tag, copy }) => `${tag}: ${copy ? 'restored' : 'already built, the same bytes'}`);
}

// realpath: Node runs a script reached through a symlink from its real path, so a deploy must not
// silently do nothing when the checkout is reached through one.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const from = arg('--from');
  if (!from) {
    console.error('restore-versions: usage: node scripts/restore-versions.mjs --from <releases> [--site dist-site]');
    process.exit(2);
  }
  try {
    for (const line of restoreVersions(from, arg('--site', 'dist-site'))) console.log(`restore-versions: ${line}`);
  } catch (error) {
    console.error(`restore-versions: ${error.message}`);
    process.exit(1);
  }
}
