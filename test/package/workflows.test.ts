import { validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The GitHub workflows (.github/workflows/), which no one can run before a push: valid by
 * action-validator's schema, and running the suite the one way a developer does, `.ci/run`.
 */
const ROOT = new URL('../../', import.meta.url);
const DIR = new URL('.github/workflows/', ROOT);
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
}
interface Job {
  readonly container?: string | { image: string };
  readonly steps: Step[];
}
interface Workflow {
  readonly name: string;
  readonly on: Record<string, { workflows?: string[] } | null>;
  readonly jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(read(file)) as Workflow;

/** The Debian packages a shell command installs with apt-get. */
const aptPackages = (script: string) =>
  [...script.matchAll(/apt-get install([^\n;&|]*)/g)].flatMap((m) => m[1]!.trim().split(/\s+/).filter((w) => w && !w.startsWith('-')));

/** What .ci/run installs when missing (`missing+=(package)`). */
const ciRunPackages = [...readFileSync(new URL('.ci/run', ROOT), 'utf8').matchAll(/missing\+=\(([\w.+-]+)\)/g)].map((m) => m[1]!);

/** Only what `actions/checkout` needs in a bare container, before .ci/run is there to install the rest. */
const BEFORE_CHECKOUT = ['ca-certificates', 'git'];
const RUN_SUITE = 'bash .ci/run';

describe('the GitHub workflows', () => {
  it('are CI, Pages and Release', () => {
    expect(FILES.sort()).toEqual(['ci.yml', 'pages.yml', 'release.yml']);
  });

  it.each(FILES)('%s is a valid workflow (action-validator)', (file) => {
    expect(validateWorkflow(read(file)).errors).toEqual([]);
  });

  it('the validator does find a mistake: a misspelt key and a wrong type', () => {
    const broken = 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: soon\n    steps:\n      - uses: actions/checkout@v4\n        wiht: {}\n';
    expect(JSON.stringify(validateWorkflow(broken).errors)).toMatch(/'wiht' is not allowed[\s\S]*timeout-minutes/);
  });

  it('install no Debian package of their own but git and certificates for the checkout: every other one (the browsers, PostgreSQL) comes from .ci/run', () => {
    expect(ciRunPackages).toEqual(expect.arrayContaining([...BEFORE_CHECKOUT, 'chromium', 'firefox-esr', 'webkit2gtk-driver', 'xvfb', 'postgresql']));
    for (const file of FILES) {
      for (const [id, job] of Object.entries(workflow(file).jobs)) {
        const installed = job.steps.flatMap((s) => aptPackages(s.run ?? '')).sort();
        expect(installed, `${file} ${id}`).toEqual(job.container ? BEFORE_CHECKOUT : []);
        for (const p of installed) expect(ciRunPackages, `${file} ${id}: ${p}`).toContain(p);
      }
    }
  });

  it('CI and Release run the suite the one way, .ci/run, in Debian bookworm, on every push to a branch, pull request and version tag', () => {
    const ci = workflow('ci.yml');
    const release = workflow('release.yml');
    expect(ci.on).toMatchObject({ push: { branches: ['**'] }, pull_request: null });
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    for (const w of [ci, release]) {
      const jobs = Object.values(w.jobs);
      expect(jobs.map((j) => j.container), w.name).toEqual(jobs.map(() => 'debian:bookworm'));
      for (const job of jobs) {
        const runs = job.steps.map((s) => s.run?.trim());
        const suite = runs.indexOf(RUN_SUITE);
        expect(suite, w.name).toBeGreaterThan(-1);
        // Nothing installs or tests before it on its own.
        expect(runs.slice(0, suite).filter((r) => r && /\bnpm\b/.test(r)), w.name).toEqual([]);
      }
    }
  });

  it('Release checks without rerunning the suite, publishes both packages with provenance, then makes the GitHub release', () => {
    const steps = Object.values(workflow('release.yml').jobs)[0]!.steps;
    const order = [
      RUN_SUITE,
      'npm run release:check -- --tag "$GITHUB_REF_NAME" --suite-ran',
      'npm publish --provenance --access public --ignore-scripts',
      'npm publish -w server --provenance --access public --ignore-scripts',
      'softprops/action-gh-release',
    ];
    // A command is a line of its own in a step (the publishing steps skip a version npm has already).
    const at = order.map((what) => steps.findIndex((s) => s.run?.split('\n').some((line) => line.trim() === what) || s.uses?.startsWith(what + '@')));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('Pages follows Release and puts the earlier releases back before it deploys', () => {
    const pages = workflow('pages.yml');
    expect(pages.on.workflow_run?.workflows).toEqual([workflow('release.yml').name]);
    const steps = Object.values(pages.jobs)[0]!.steps;
    const restore = steps.findIndex((s) => s.run?.includes('node scripts/restore-versions.mjs'));
    const build = steps.findIndex((s) => s.run === 'npm run build:site');
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect([build, restore, upload].every((i) => i >= 0)).toBe(true);
    expect(build).toBeLessThan(restore);
    expect(restore).toBeLessThan(upload);
  });
});
