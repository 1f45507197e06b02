#!/usr/bin/env node
// Where the bytes go: builds the IIFE unminified into a temp dir (dist/ is left alone), splits it
// at rolldown's `// path` module comments and reports, per module, its minified bytes and what it
// adds to the gzip -9 size of the whole minified bundle (gzip with it minus gzip without it).
// `node scripts/analyze.mjs [--strings]`; --strings also lists the longest string literals.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minifySync, parseSync } from 'rolldown/utils';
import { build } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'samtykke-analyze-'));
try {
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: process.env.MODE ?? 'engine', logLevel: 'silent', build: { outDir: out, emptyOutDir: true, minify: false } });
  const code = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.js'))), 'utf8');
  const parts = [];
  let name = '(wrapper)';
  let buf = [];
  for (const line of code.split('\n')) {
    const m = /^\s*\/\/ ((?:src|node_modules|\.\.)\/\S+)\s*$/.exec(line);
    if (m) {
      parts.push({ name, code: buf.join('\n') });
      name = m[1];
      buf = [];
    } else buf.push(line);
  }
  parts.push({ name, code: buf.join('\n') });
  const mini = (src) => minifySync('x.js', src, { compress: { target: 'es2020' }, mangle: true }).code;
  const gz = (s) => gzipSync(s, { level: 9 }).length;
  const whole = gz(mini(code));
  const rows = parts
    .filter((p) => p.code.trim())
    .map((p) => {
      const without = parts.filter((q) => q !== p).map((q) => q.code).join('\n');
      let alone = 0;
      try { alone = mini(p.code).length; } catch { alone = p.code.length; }
      let rest = whole;
      try { rest = gz(mini(without)); } catch {}
      const entry = /^src\/(entries\/(iife|index)|main)\.ts$|wrapper/.test(p.name);
      return { module: p.name, min: alone, gzip: entry ? NaN : whole - rest };
    })
    .sort((a, b) => (b.gzip || 1e9) - (a.gzip || 1e9));
  console.log(`whole bundle (unminified build, minified here): ${whole} bytes gzip -9\n`);
  console.log(`${'module'.padEnd(46)} ${'min'.padStart(7)} ${'+gzip'.padStart(7)}`);
  for (const r of rows) console.log(`${r.module.padEnd(46)} ${String(r.min).padStart(7)} ${(Number.isNaN(r.gzip) ? 'entry' : String(r.gzip)).padStart(7)}`);
  if (process.argv.includes('--strings')) {
    // String literals of the real minified bundle, repeated ones first by total bytes.
    const strings = new Map();
    const walk = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      if (node.type === 'Literal' && typeof node.value === 'string') strings.set(node.value, (strings.get(node.value) ?? 0) + 1);
      if (node.type === 'TemplateElement') strings.set(node.value.cooked ?? node.value.raw, (strings.get(node.value.cooked ?? node.value.raw) ?? 0) + 1);
      for (const k in node) if (k !== 'type') walk(node[k]);
    };
    walk(parseSync('x.js', mini(code)).program);
    const list = [...strings].filter(([s]) => s.length >= 12);
    const total = list.reduce((n, [s, c]) => n + s.length * c, 0);
    console.log(`\n${list.length} distinct string pieces of 12+ chars, ${total} chars in all; by chars x uses:`);
    for (const [s, c] of list.sort((a, b) => b[0].length * b[1] - a[0].length * a[1]).slice(0, 45)) console.log(`${String(s.length).padStart(4)} x${c}  ${JSON.stringify(s).slice(0, 120)}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
