import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SITE_PAGES } from '../../demo/vite.demo.config';
import { BUILT_FILES, packedFiles, SRI_MANIFEST } from '../../scripts/built-files.mjs';
import { guidePage, SITE_URL, slug } from '../../scripts/guide-page.mjs';
import { DEVELOPER_WORDS } from '../developer-words';

/**
 * The docs name only what exists: every npm script, command, repository file, anchor, built
 * file and address of this project that the README, CONTRIBUTING.md and the owner's guide
 * name. A renamed script, a moved heading or a version bump without the docs fails here, not
 * in front of a reader.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
type Pkg = { version: string; scripts: Record<string, string>; bin?: Record<string, string> };
const pkg = JSON.parse(read('package.json')) as Pkg;
const server = JSON.parse(read('server/package.json')) as Pkg;

/** The docs whose every name is checked. */
const NAMING = ['README.md', 'CONTRIBUTING.md', 'docs/veiledning.md'];
/** Docs whose links are checked too (the ones moved out of the README). */
const LINKING = [...NAMING, 'docs/blocking.md', 'docs/texts.md', 'docs/verify.md', 'docs/design.md', 'docs/performance.md', 'docs/requirements.md'];

const fences = (md: string) => [...md.matchAll(/^ *```[\w-]*\n([\s\S]*?)^ *```$/gm)].map((m) => m[1]!);
const withoutFences = (md: string) => md.replace(/^ *```[\w-]*\n[\s\S]*?^ *```$/gm, '');
const spans = (md: string) => [...withoutFences(md).matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
/** Every piece of code a reader may copy: fenced blocks, line by line, and inline spans. */
const code = (md: string) => [...fences(md).flatMap((block) => block.split('\n')), ...spans(md)];

/** The anchors a markdown file offers: its headings, as GitHub makes them, and `<a id>` targets. */
function anchors(file: string): Set<string> {
  const md = withoutFences(read(file));
  return new Set([...[...md.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)), ...[...md.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1]!)]);
}

/** What is wrong with one address of this project's own shapes, or null. */
function ownAddressProblem(url: string): string | null {
  const builtFiles = [...BUILT_FILES.map((f) => f.file), SRI_MANIFEST];
  if (url.startsWith(SITE_URL)) {
    const path = url.slice(SITE_URL.length).split(/[?#]/)[0]!;
    const versioned = /^v\/([^/]+)\/(.*)$/.exec(path);
    if (versioned) {
      const [, version, file] = versioned;
      if (version !== pkg.version) return `names version ${version}; package.json is ${pkg.version}`;
      return file === '' || builtFiles.includes(file!) ? null : `${file} is not a built file (scripts/built-files.mjs)`;
    }
    return path === '' || SITE_PAGES.includes(path) ? null : `${path} is not a page of the site (demo/vite.demo.config.ts)`;
  }
  const cdn = /^https:\/\/cdn\.jsdelivr\.net\/npm\/samtykke@([^/]+)\/(.*)$/.exec(url);
  if (cdn) {
    const [, version, path] = cdn;
    if (version !== pkg.version) return `names version ${version}; package.json is ${pkg.version}`;
    return path === 'dist/' || packedFiles().includes(path!) ? null : `${path} is not in the package (scripts/built-files.mjs)`;
  }
  return null;
}

describe.each(NAMING)('%s names only what exists', (file) => {
  const md = read(file);
  const lines = code(md);

  it('every npm script and npx command', () => {
    const scripts = lines.flatMap((line) => [...line.matchAll(/\bnpm (?:run (?:-s )?([\w:-]+)(?: -w (\w+))?|(start|test)\b)/g)]);
    for (const [command, run, workspace, short] of scripts) {
      const where = workspace === 'server' ? server : pkg;
      expect(Object.keys(where.scripts), `${file}: \`${command}\``).toContain(run ?? short);
    }
    for (const [command, bin] of lines.flatMap((line) => [...line.matchAll(/\bnpx ([\w-]+)/g)])) {
      const ours = bin === 'samtykke-log' ? Object.keys(server.bin ?? {}) : [];
      expect(ours.includes(bin!) || existsSync(join(ROOT, 'node_modules/.bin', bin!)), `${file}: \`${command}\``).toBe(true);
    }
  });

  it('every file it runs or names', () => {
    const run = lines.flatMap((line) => [...line.matchAll(/\bnode ((?:scripts|bench|server)\/[\w./-]+\.m?js)\b/g)].map((m) => m[1]!));
    const named = spans(md).filter((span) => /^(?:\.ci|src|test|docs|scripts|server|demo|bench|examples)\/[\w./-]*$/.test(span));
    for (const path of [...run, ...named]) expect(existsSync(join(ROOT, path)), `${file} names ${path}`).toBe(true);
    const built = spans(md).filter((span) => /^dist\/[\w.-]+$/.test(span));
    for (const path of built) expect(packedFiles(), `${file} names ${path}, which npm pack does not carry`).toContain(path);
  });

  it('the version being built, wherever it names one', () => {
    for (const [said, version] of md.matchAll(/\b(?:version|versjon) (\d+\.\d+\.\d+)/gi)) expect(version, `${file}: "${said}"`).toBe(pkg.version);
  });

  it("every address of this project's own: the site's pages, a version's files, jsDelivr's", () => {
    const urls = [...md.matchAll(/https:\/\/[^\s)<>"'`]+/g)].map((m) => m[0].replace(/[.,;:]+$/, ''));
    for (const url of urls) expect(ownAddressProblem(url), `${file}: ${url}`).toBeNull();
  });
});

it('the README and CONTRIBUTING.md both give the two set-up commands', () => {
  for (const file of ['README.md', 'CONTRIBUTING.md']) {
    const lines = code(read(file));
    expect(lines.some((line) => /^npm install && npm start\b/.test(line)), file).toBe(true);
    expect(lines.some((line) => /^npm test\b/.test(line)), file).toBe(true);
  }
});

it("the README's self-hosted folder names every file the tag fetches from its folder", () => {
  const item = /^3\. \*\*Your own web space\*\*[\s\S]*?\n\n/m.exec(read('README.md'))?.[0] ?? '';
  // The one-file build and the bundler's module are alternatives to the folder, not parts of
  // it, and the start is pasted inline, not uploaded.
  const folder = BUILT_FILES.map((f) => f.file).filter((file) => file !== 'samtykke.full.js' && file !== 'samtykke-start.js' && file.endsWith('.js'));
  for (const file of ['samtykke.full.js', ...folder]) expect(item, `README.md, "Your own web space", misses ${file}`).toContain(`\`${file}\``);
});

describe.each(LINKING)('%s links', (file) => {
  it('to files that exist, and to headings that do', () => {
    const links = [...withoutFences(read(file)).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^(https?|mailto):/.test(target));
    const resolved = links.map((target) => {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      return { target, anchor, file: path ? normalize(relative(ROOT, join(ROOT, dirname(file), path))) : file };
    });
    for (const link of resolved) expect(existsSync(join(ROOT, link.file)), `${file} links to ${link.target}`).toBe(true);
    // A heading named after `#` in a Markdown file must be one of its headings.
    for (const link of resolved.filter((l) => l.anchor && l.file.endsWith('.md'))) expect([...anchors(link.file)], `${file} links to ${link.target}`).toContain(link.anchor);
  });
});

describe("the owner's guide", () => {
  const md = read('docs/veiledning.md');

  it('has at most six steps, each with its anchor (the self-check and the configurator link to #steg-6)', () => {
    const steps = [...md.matchAll(/^<a id="(steg-\d)"><\/a>\n## Steg (\d)/gm)];
    expect(steps.map((m) => m[1])).toEqual(steps.map((m) => `steg-${m[2]}`));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.length).toBeLessThanOrEqual(6);
    expect(anchors('docs/veiledning.md')).toContain('steg-6');
  });

  it('speaks no developer words outside the code it asks the owner to paste', () => {
    const prose = withoutFences(md).replace(/<a id="[\w-]+"><\/a>|<!--.*?-->/g, '');
    for (const word of DEVELOPER_WORDS) {
      expect(prose, `the guide says "${word}"`).not.toMatch(new RegExp(word.replace(/[<>]/g, '\\$&'), 'i'));
    }
  });

  it('is a page of the site in bokmål, its text escaped, its links to the site relative', () => {
    const page = guidePage();
    expect(page).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('<h2 id="steg-6">');
    expect(page).toContain('href="./configure.html"');
    expect(page).not.toContain(SITE_URL + 'configure.html"');
    // The pasted tag is shown as text, never as a script of the guide's page.
    expect(page).toContain('&lt;script data-engine=&quot;https://stressfri.github.io/samtykke/v/');
    expect(page.match(/<script/g)).toBeNull();
    expect(SITE_PAGES).toContain('veiledning.html');
  });
});
