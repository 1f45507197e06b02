import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { integrity } from '../../scripts/sri.mjs';

/**
 * The Pages deploy puts earlier releases back (scripts/restore-versions.mjs), from a folder of
 * their GitHub release assets as `gh release download` leaves them; here, fake ones.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/restore-versions.mjs');
let work: string;
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A folder of `files` and the sri.json naming them for `version`. */
function release(at: string, version: string, files: Record<string, string>): void {
  mkdirSync(at, { recursive: true });
  const hashes: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(at, file), text);
    hashes[file] = integrity(Buffer.from(text));
  }
  writeFileSync(join(at, 'sri.json'), JSON.stringify({ version, files: hashes }, null, 2) + '\n');
}

/** A site as `build:site` leaves it (this version built in v/0.2.0/) and two earlier releases. */
function setUp(): { from: string; site: string } {
  work = mkdtempSync(join(tmpdir(), 'samtykke-restore-'));
  const from = join(work, 'releases');
  const site = join(work, 'site');
  release(join(from, 'v0.1.0'), '0.1.0', { 'samtykke.js': 'engine 0.1.0', 'samtykke-face.nb.js': 'face 0.1.0' });
  release(join(from, 'v0.1.1'), '0.1.1', { 'samtykke.js': 'engine 0.1.1', 'samtykke-face.nb.js': 'face 0.1.1', 'samtykke-log.js': 'log 0.1.1' });
  release(join(from, 'v0.2.0'), '0.2.0', { 'samtykke.js': 'engine 0.2.0' });
  release(join(site, 'v/0.2.0'), '0.2.0', { 'samtykke.js': 'engine 0.2.0' });
  writeFileSync(join(site, 'index.html'), '<!doctype html>');
  return { from, site };
}

const restore = (from: string, site: string) => spawnSync(process.execPath, [SCRIPT, '--from', from, '--site', site], { encoding: 'utf8' });
/** Every file under `dir` with its bytes, to see that nothing changed. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );

describe('restoring earlier versions before a Pages deploy', () => {
  it('puts every earlier release in v/<version>/, byte for byte, beside the version just built', () => {
    const { from, site } = setUp();
    const run = restore(from, site);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const version of ['0.1.0', '0.1.1']) {
      expect(snapshot(join(site, 'v', version))).toEqual(snapshot(join(from, 'v' + version)));
    }
    expect(readFileSync(join(site, 'v/0.2.0/samtykke.js'), 'utf8')).toBe('engine 0.2.0');
    expect(run.stdout).toContain('v0.2.0: already built, the same bytes');
  });

  it('fails the deploy, touching nothing, when the version just built differs from its release', () => {
    const { from, site } = setUp();
    writeFileSync(join(site, 'v/0.2.0/samtykke.js'), 'engine 0.2.0, rebuilt differently');
    const before = snapshot(site);
    const run = restore(from, site);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("v0.2.0: the site's v/0.2.0/ is not what was released (samtykke.js differ");
    expect(snapshot(site)).toEqual(before);
  });

  it('fails when the version just built has a file its release has not', () => {
    const { from, site } = setUp();
    writeFileSync(join(site, 'v/0.2.0/samtykke-help.js'), 'help');
    const run = restore(from, site);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('it holds samtykke-help.js, samtykke.js, sri.json; the release has samtykke.js, sri.json');
  });

  it('refuses a release whose file does not match its own sri.json, or whose sri.json names another version', () => {
    const { from, site } = setUp();
    writeFileSync(join(from, 'v0.1.0/samtykke-face.nb.js'), 'face 0.1.0, changed');
    const changed = restore(from, site);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('v0.1.0: samtykke-face.nb.js does not match the hash in its sri.json');
    expect(readdirSync(join(site, 'v'))).toEqual(['0.2.0']);

    rmSync(join(from, 'v0.1.0'), { recursive: true });
    release(join(from, 'v0.1.0'), '0.1.1', { 'samtykke.js': 'engine' });
    expect(restore(from, site).stderr).toContain('v0.1.0: its sri.json says version 0.1.1');
  });
});

/** The Pages workflow's step that fetches the releases and restores them, as written there. */
function pagesStep(): string {
  const pages = parse(readFileSync(join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string; shell?: string }[] }> };
  const step = Object.values(pages.jobs)[0]!.steps.find((s) => s.run?.includes('scripts/restore-versions.mjs'))!;
  // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
  expect(step.shell).toBe('bash');
  return step.run!;
}

/**
 * The step run as GitHub would, in a checkout whose dist-site/ is `site`, with a stand-in `gh`
 * that lists and downloads the releases in `from` (or fails, if `from` is missing).
 */
function runPagesStep(from: string, site: string) {
  const checkout = join(work, 'checkout');
  const bin = join(work, 'bin');
  mkdirSync(checkout);
  mkdirSync(bin);
  symlinkSync(join(ROOT, 'scripts'), join(checkout, 'scripts'));
  symlinkSync(site, join(checkout, 'dist-site'));
  writeFileSync(
    join(bin, 'gh'),
    `#!/bin/sh
set -e
case "$1 $2" in
  "release list") ls "${from}" ;;
  "release download") mkdir -p "$5"; cp "${from}/$3/"* "$5/" ;;
  *) exit 1 ;;
esac
`,
  );
  chmodSync(join(bin, 'gh'), 0o755);
  const runner = join(work, 'runner');
  mkdirSync(runner);
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', pagesStep()], {
    cwd: checkout,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: runner },
  });
}

describe('the Pages workflow’s restoring step', () => {
  it('downloads every release with gh and puts it back', () => {
    const { from, site } = setUp();
    const run = runPagesStep(from, site);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(join(site, 'v')).sort()).toEqual(['0.1.0', '0.1.1', '0.2.0']);
    expect(snapshot(join(site, 'v/0.1.1'))).toEqual(snapshot(join(from, 'v0.1.1')));
  });

  it('fails the deploy when gh cannot list the releases, instead of dropping the earlier versions', () => {
    const { site } = setUp();
    const run = runPagesStep(join(work, 'nowhere'), site);
    expect(run.status).not.toBe(0);
    expect(readdirSync(join(site, 'v'))).toEqual(['0.2.0']);
  });
});
