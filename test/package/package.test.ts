import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_FILES, packageExports, packageFiles, packedFiles, TYPES } from '../../scripts/built-files.mjs';
import { manifest } from '../../scripts/sri.mjs';
import { readmeLine, readmeTable, sizes } from '../../scripts/size.mjs';
import { namedVersions, pagesUrl } from '../../scripts/versioned.mjs';

/** What a site owner or a bundler user gets from `npm pack`, and what the README says of it. */
const ROOT = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as Record<string, unknown> & { version: string };
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
const FIX = 'Run `node scripts/built-files.mjs --write-package`.';

describe('the package', () => {
  it('packs exactly the built files, their hashes, the public types, LICENSE and README', () => {
    // The types hold the public surface only: nothing internal leaks into the package.
    const types = readFileSync(new URL(TYPES, ROOT), 'utf8');
    expect(types).toContain('export interface SamtykkeInput');
    expect(types).toMatch(/interface Window \{[^}]*samtykkeConfig\?: SamtykkeInput;/);
    expect(types).not.toMatch(/\b(import|ConsentStore|createApi|validate)\b/);
    // --ignore-scripts: `npm test` has just built dist/; prepack would build it all again.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [packed] = JSON.parse(out) as [{ files: { path: string }[] }];
    expect(packed.files.map((f) => f.path).sort()).toEqual(packedFiles());
  });

  it('builds before it packs, so `npm pack` in a fresh clone (no dist/ yet) gives the whole package', () => {
    expect((pkg.scripts as Record<string, string>).prepack).toBe('npm run build');
  });

  it('exports every built file, from the one list', () => {
    expect(pkg.exports, FIX).toEqual(packageExports());
    expect(pkg.files, FIX).toEqual(packageFiles());
    expect(pkg.types, FIX).toBe(`./${TYPES}`);
    expect(Object.keys(packageExports())).toEqual(expect.arrayContaining(BUILT_FILES.map((f) => f.export)));
  });

  it('declares what a user checks, and no runtime dependencies (all is bundled) nor a Node engine', () => {
    expect(pkg).not.toHaveProperty('dependencies');
    expect(pkg).not.toHaveProperty('engines');
    expect(pkg).toMatchObject({ license: 'MIT', repository: { url: expect.stringContaining('github.com/') }, homepage: expect.any(String), bugs: { url: expect.any(String) } });
    expect((pkg.keywords as string[]).length).toBeGreaterThan(3);
    const license = readFileSync(new URL('LICENSE', ROOT), 'utf8');
    expect(license).toMatch(/^MIT License/);
    expect(license).toContain('samtykke contributors');
  });

  it('dist/sri.json holds the sha384 of every built file as built, for this version', () => {
    const written = JSON.parse(readFileSync(new URL('dist/sri.json', ROOT), 'utf8')) as unknown;
    expect(written).toEqual(manifest());
    expect(manifest().version).toBe(pkg.version);
    expect(Object.keys(manifest().files)).toEqual(BUILT_FILES.map((f) => f.file));
  });

  it('names as its Pages address the GitHub Pages site of its own repository', () => {
    const [, owner, repo] = /github\.com\/([^/]+)\/([^/.]+)/.exec((pkg.repository as { url: string }).url)!;
    expect(pagesUrl(pkg.version)).toBe(`https://${owner!.toLowerCase()}.github.io/${repo}/v/${pkg.version}/`);
  });

  it('importing the bundler build on a server (no window) does nothing and does not throw', () => {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('./dist/samtykke.mjs'); console.log(JSON.stringify({ keys: Object.keys(m), undefined: m.samtykke === undefined }));"],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(JSON.parse(out)).toEqual({ keys: ['samtykke'], undefined: true });
  });
});

describe('the README', () => {
  it('names only the version being built, in its npm, jsDelivr and Pages addresses', () => {
    expect(namedVersions(readme)).toEqual(new Set([pkg.version]));
    expect(namedVersions('samtykke@1.2.3 and https://stressfri.github.io/samtykke/v/1.2.4-rc.1/samtykke.js')).toEqual(new Set(['1.2.3', '1.2.4-rc.1']));
  });

  it('quotes the size and SRI table of this build, and its figures in the summary at the top', () => {
    const table = /<!-- sizes -->[\s\S]*?<!-- \/sizes -->/.exec(readme)?.[0];
    expect(table, 'README.md has no <!-- sizes --> table. Run `npm run build && npm run size -- --write-readme`.').toBe(readmeTable(sizes()));
    const line = /<!-- size-line -->[\s\S]*?<!-- \/size-line -->/.exec(readme)?.[0];
    expect(line, 'README.md has no <!-- size-line --> summary. Run `npm run build && npm run size -- --write-readme`.').toBe(readmeLine(sizes()));
  });

  it('has no placeholder integrity: every integrity attribute is a real hash of a built file', () => {
    const hashes = Object.values(manifest().files);
    for (const [, value] of readme.matchAll(/integrity="([^"]*)"/g)) expect(hashes).toContain(value);
    expect(readme).not.toMatch(/sha384-…|sha384-\.\.\./);
  });
});
