#!/usr/bin/env node
// `npm run release:check`: everything the release workflow does except publishing, runnable on
// any clone: a clean tree, the whole test suite (which builds), the static site, the packed
// file list, the SRI hashes and one version everywhere. Exits non-zero at the first problem.
// In CI, `--tag v1.2.3` (the pushed tag) must name both packages' version too, and
// `--suite-ran` skips `npm test`, which .ci/run ran just before (the built files are its).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { packedFiles, releaseAssets, DIST, SRI_MANIFEST } from './built-files.mjs';
import { staleDocs } from './docs-tag.mjs';
import { manifest } from './sri.mjs';
import { namedVersions, versionDir } from './versioned.mjs';

const root = new URL('../', import.meta.url);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });
const step = (what) => console.log(`\n== release:check: ${what}`);
function fail(message) {
  console.error(`\nrelease:check failed: ${message}`);
  process.exit(1);
}
const dirty = () => run('git', ['status', '--porcelain']).trim();

const packageJson = (at) => JSON.parse(readFileSync(new URL(at, root), 'utf8'));
const { version } = packageJson('package.json');
/** The packages the release publishes: samtykke, and the consent log receiver in server/. */
const published = [packageJson('package.json'), packageJson('server/package.json')];

step('clean working tree');
if (dirty()) fail(`uncommitted changes:\n${dirty()}\nCommit or stash them: a release is made from a commit.`);

const tagAt = process.argv.indexOf('--tag');
if (tagAt > 0) {
  step('tag names the version of both packages');
  const tag = process.argv[tagAt + 1];
  for (const pkg of published) {
    if (tag !== `v${pkg.version}`) fail(`the tag is ${tag}, but ${pkg.name}'s package.json says ${pkg.version}; tag v${pkg.version} or change the version.`);
  }
}

if (process.argv.includes('--suite-ran')) {
  step('npm test: ran just before (--suite-ran)');
} else {
  step('npm test (typecheck, build, unit, package, browser)');
  try {
    run('npm', ['test'], { stdio: 'inherit' });
  } catch {
    fail('npm test failed.');
  }
}

step('static site (dist-site/)');
run('npx', ['vite', 'build', '--config', 'demo/vite.demo.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });

step('packed files');
const [packed] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { stdio: ['ignore', 'pipe', 'ignore'] }));
const files = packed.files.map((f) => f.path).sort();
for (const f of packed.files) console.log(`  ${f.path.padEnd(24)} ${String(f.size).padStart(8)} bytes`);
if (JSON.stringify(files) !== JSON.stringify(packedFiles())) fail(`npm pack would ship ${files.join(', ')}; expected ${packedFiles().join(', ')}.`);

step('packed files of samtykke-log (server/)');
// Published with --ignore-scripts like samtykke, so its dist/ must be the suite's build: the
// command (bin) and every file it imports from the package must be in the pack.
const [server] = JSON.parse(run('npm', ['pack', '-w', 'server', '--dry-run', '--json', '--ignore-scripts'], { stdio: ['ignore', 'pipe', 'ignore'] }));
const serverFiles = new Set(server.files.map((f) => f.path));
const serverBins = Object.values(published[1].bin ?? {}).map((at) => posix.normalize(at));
const needed = serverBins.flatMap((bin) => [
  bin,
  ...[...readFileSync(new URL(`server/${bin}`, root), 'utf8').matchAll(/(?:from|import)\s*'(\.\.?\/[^']+)'/g)].map((m) => posix.join(posix.dirname(bin), m[1])),
]);
for (const f of needed) console.log(`  ${f}`);
const unpacked = needed.filter((f) => !serverFiles.has(f));
if (!serverBins.length || unpacked.length) fail(`samtykke-log's package would lack ${unpacked.join(', ') || 'its command (bin)'}; run \`npm run build -w server\`.`);

step('SRI hashes');
const written = JSON.parse(readFileSync(new URL(DIST + SRI_MANIFEST, root), 'utf8'));
const fresh = manifest();
if (JSON.stringify(written) !== JSON.stringify(fresh)) fail(`${DIST}${SRI_MANIFEST} does not match the built files; run \`npm run build\`.`);
for (const [file, hash] of Object.entries(fresh.files)) console.log(`  ${file.padEnd(24)} ${hash}`);

// `npm test` compares the docs' example tags with the configurator's except the hash, which moves
// with every source change; a release must carry this build's.
step('the example tags carry this build\'s hash');
const stale = await staleDocs();
if (stale.length) fail(`${stale.join(', ')}: the example tag is not this build's; run \`npm run docs:tag\` and commit.`);

step('one version everywhere');
const readme = readFileSync(new URL('README.md', root), 'utf8');
const named = namedVersions(readme);
if (named.size !== 1 || !named.has(version)) fail(`README.md names ${[...named].join(', ') || 'no version'}; package.json says ${version}.`);
const site = JSON.parse(readFileSync(new URL(`dist-site/${versionDir(version)}${SRI_MANIFEST}`, root), 'utf8'));
if (site.version !== version) fail(`the site's ${versionDir(version)}${SRI_MANIFEST} says ${site.version}; package.json says ${version}.`);
console.log(`  package.json, README.md, ${DIST}${SRI_MANIFEST} and the site's ${versionDir(version)}${SRI_MANIFEST}: ${version}`);

step('nothing changed by the checks');
if (dirty()) fail(`the checks left changes behind (a figure in README.md is stale?):\n${dirty()}`);

console.log(`\nrelease:check: ${published.map((p) => `${p.name}@${p.version}`).join(' and ')} are ready. The release workflow publishes them and attaches ${releaseAssets().join(', ')}.`);
