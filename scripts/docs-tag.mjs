#!/usr/bin/env node
/**
 * `npm run docs:tag`: the example tags in the README and the owner guide, made by the same
 * function as the configurator's. Each example is a marker line naming the settings, e.g.
 *   <!-- samtykke-tag: --google-ads AW-123456789 --privacy-url /personvern/ -->
 * followed on the next line by a fenced ```html block, which this rewrites with what `npm run -s tag` prints for
 * those arguments (this version's address on the project's site, and the built file's hash:
 * run `npm run build` first). test/package/docs-tag.test.ts holds the blocks to it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pasteFromArgs } from './tag.mjs';

/** The files whose examples an owner copies from. */
export const DOCS = ['README.md', 'docs/veiledning.md'];

const MARKER = /^<!-- samtykke-tag: (.*?) -->$/;
const FENCE = '```';

/** Each marker of `text`: its arguments, its block's lines (start inclusive, end exclusive) and the block's text, or null when no block follows. */
export function markers(text) {
  const lines = text.split('\n');
  const found = [];
  lines.forEach((line, at) => {
    const match = MARKER.exec(line.trim());
    if (!match) return;
    const open = at + 1;
    const close = lines[open]?.trim() === FENCE + 'html' ? lines.findIndex((l, i) => i > open && l.trim() === FENCE) : -1;
    found.push({ args: match[1].split(/\s+/).filter(Boolean), line: at, block: close > 0 ? lines.slice(open + 1, close).join('\n') : null, end: close > 0 ? close + 1 : open });
  });
  return found;
}

/** `text` with the block after each marker made by `paste(args)` (a block is added where none follows). */
export async function withTags(text, paste = pasteFromArgs) {
  const lines = text.split('\n');
  // From the last marker up, so earlier line numbers stay right.
  for (const m of markers(text).reverse()) lines.splice(m.line + 1, m.end - m.line - 1, FENCE + 'html', await paste(m.args), FENCE);
  return lines.join('\n');
}

const root = new URL('../', import.meta.url);

/**
 * The docs whose example tags are not exactly this build's, hash included, for
 * `npm run release:check`: a released guide must show the released file's hash.
 */
export async function staleDocs() {
  const stale = [];
  for (const doc of DOCS) {
    const text = readFileSync(new URL(doc, root), 'utf8');
    if ((await withTags(text)) !== text) stale.push(doc);
  }
  return stale;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    for (const doc of DOCS) {
      const at = new URL(doc, root);
      const before = readFileSync(at, 'utf8');
      const after = await withTags(before);
      if (after !== before) writeFileSync(at, after);
      console.log(`${doc}: ${markers(before).length} example tag(s)${after === before ? ', already up to date' : ' rewritten'}.`);
    }
  } catch (error) {
    console.error(`docs:tag: ${error.message}`);
    process.exit(1);
  }
}
