#!/usr/bin/env node
// Script during load with no DevTools attached: is the bench's figure (`npm run bench`, which
// drives Chromium over CDP) what a visitor's browser pays? Each page view is a fresh Chromium
// with a fresh profile and Chromium's own startup tracing (`--trace-startup`, no debugging
// connection of any kind), opened either
//   - attached: by Playwright (`launchPersistentContext`, CDP over a pipe, a CDP session on the
//     page with `Performance.enable` as bench/run.mjs does; its `ScriptDuration` is read too), or
//   - untraced: by this script, `chromium … <url>` with Playwright's own launch flags less
//     `--remote-debugging-pipe` (so the two differ by the debugging connection only).
// Both read the same trace events: the page's renderer main thread, outermost `v8.run`,
// `v8.callFunction`, `v8.evaluateModule` (what ScriptDuration counts: scripts run and functions
// called back, with the compiling done inside them; a script's own compile before its run is
// CDP's V8CompileDuration, not counted; but style and layout that script forces are in the
// trace's sum and not in ScriptDuration: see the check), thread time (`tdur`), from the page's
// `navigationStart` to its `loadEventEnd` + 300 ms (the bench's window for a page with no banner
// to wait for), or + 1 000 ms for a first visit with a banner (the bench reads 300 ms after the
// banner shows, which on loopback it has by then).
// Also from the trace: `V8.CollectSourcePositions` (V8 re-parsing a function to map a stack
// trace to lines; in the whole window, and inside the tool's files' runs), and the tool's files'
// own runs (outermost `v8.run` naming one of its files; callbacks are not named in
// these categories, so they are not in it). The categories are kept to `v8`,
// `disabled-by-default-v8.compile`, `blink.user_timing`: `devtools.timeline` may itself take
// stack traces (it records initiators). The attached runs also give the check that the trace's sum
// measures what ScriptDuration does: both up to the moment ScriptDuration was read (trace time
// is CLOCK_MONOTONIC on Linux, as Node's hrtime). They agree within about 1 ms for every page
// but vanilla-cookieconsent's, where the trace counts 4–9 ms more (of that, traced once with
// `devtools.timeline`, 4–5 ms were style recalculation forced inside its scripts).
//
// The pages are bench/pages.mjs's, byte for byte (no tool, samtykke's inline form, vanilla-
// cookieconsent, Klaro), served by a local HTTPS server that every host name resolves to,
// loopback, 1× CPU. A returning visitor: the cookies a first visit's "Godta alle" stored (as
// the bench seeds them, one Playwright visit per tool) are sent with `Set-Cookie` on the HTML,
// so they are there before any script runs. Unlike the bench's returning visitor the browser
// is new each time (fresh profile, cold files), equally for every tool and both modes.
// Tools, visits and modes alternate run by run (each round starts one tool later), so a busy
// spell of the shared machine falls on all of them.
//
//   node bench/untraced.mjs [--runs 7] [--duration 6] [--keep folder]   (npm run bench:untraced -- --runs 7)
//
// `--keep <folder>`: also keep every trace there (open one in Perfetto or chrome://tracing), and
// for the attached ones ScriptDuration and when it was read (`*.read.json`).
// `--duration`: seconds of startup tracing per page view (from the browser's start; raise it
// if runs are dropped for "no load in the trace"). Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumOptions } from '../scripts/chromium.mjs';
import { ASSETS, GTAG_STUB, ORIGIN, isGoogle, pageFor, tools } from './pages.mjs';
import { certificate, gzipped } from './serving.mjs';
import { fmt, median, stats } from './stats.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const RUNS = Number(arg('--runs', 7));
const DURATION = Number(arg('--duration', 6));
const KEEP = arg('--keep', null);
if (KEEP) mkdirSync(KEEP, { recursive: true });
const DIST = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('samtykke.js', DIST))) {
  console.error('untraced: dist/samtykke.js not found; run `npm run build` first.');
  process.exit(1);
}
const built = readdirSync(DIST).filter((f) => statSync(new URL(f, DIST)).isFile());
const TOOLS = tools(Object.fromEntries(built.map((f) => [f, readFileSync(new URL(f, DIST))])), ['inline']);
const NAMES = ['none', 'samtykke:inline', 'cookieconsent', 'klaro'];
const VISITS = ['first', 'returning'];
const MODES = ['attached', 'untraced'];
const CATEGORIES = 'v8,disabled-by-default-v8.compile,blink.user_timing';
/** ms after `loadEventEnd` that a page view's window runs to (see the header). */
const afterLoad = (visit, tool) => (visit === 'first' && tool.accept ? 1000 : 300);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);


// What the server answers now (page views are one at a time): the tool, its page, and the
// Set-Cookie lines of a returning visitor (none on a first visit).
let serving = null;
// As bench/run.mjs serves: gzip when asked, the page no-cache, the tools' files cacheable with CORS.
const server = http2.createSecureServer({ ...certificate('samtykke-untraced'), allowHTTP1: true }, (req, res) => {
  const url = new URL(req.url, `https://${req.headers[':authority'] ?? req.headers.host}`);
  const send = (status, type, body, cache, headers = {}) => {
    const zip = body.length > 0 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(status, { 'content-type': type, 'cache-control': cache, ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}), ...headers });
    res.end(zip ? gzipped(body) : body);
  };
  if (isGoogle(url)) return url.pathname === '/gtag/js' ? send(200, 'text/javascript', GTAG_STUB, 'no-store') : send(204, 'text/plain', '', 'no-store');
  if (!serving) return send(404, 'text/plain', '', 'no-store');
  if (url.origin === ORIGIN && url.pathname === '/') return send(200, 'text/html; charset=utf-8', serving.html, 'no-cache', serving.setCookie.length ? { 'set-cookie': serving.setCookie } : {});
  const file = url.origin === ASSETS && serving.tool.files[url.pathname];
  if (!file) return send(404, 'text/plain', '', 'no-store');
  send(200, file[0], file[1], 'max-age=3600', { 'access-control-allow-origin': '*', 'timing-allow-origin': '*' });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const NET_ARGS = [`--host-resolver-rules=MAP * 127.0.0.1:${server.address().port}`, '--ignore-certificate-errors', '--window-size=1280,800'];

/** A Playwright cookie as the `Set-Cookie` line that stores the same cookie. */
const setCookieLine = (c) =>
  [`${c.name}=${c.value}`, `Path=${c.path}`, ...(c.domain.startsWith('.') ? [`Domain=${c.domain.slice(1)}`] : []), ...(c.expires > 0 ? [`Expires=${new Date(c.expires * 1000).toUTCString()}`] : []), ...(c.secure ? ['Secure'] : []), ...(c.httpOnly ? ['HttpOnly'] : []), `SameSite=${c.sameSite}`].join('; ');

// Playwright's own launch flags (scripts/chromium.mjs's among them), for the untraced browser:
// the same browser set-up as the attached one, less the debugging pipe.
const launched = await chromium.launchServer(chromiumOptions);
const PLAYWRIGHT_ARGS = launched
  .process()
  .spawnargs.slice(1)
  .filter((a) => !/^--(remote-debugging-pipe|no-startup-window|user-data-dir=)/.test(a));
await launched.close();

/** The returning visitor's cookies per tool: a first visit that clicks "Godta alle", as the bench seeds them. */
async function seed() {
  const browser = await chromium.launch({ ...chromiumOptions, args: [...chromiumOptions.args, ...NET_ARGS] });
  const out = {};
  for (const name of NAMES) {
    const tool = TOOLS[name];
    out[name] = [];
    if (!tool.accept) continue;
    serving = { tool, html: pageFor(tool), setCookie: [] };
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(ORIGIN + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.isVisible(), null, { timeout: 10000 });
    await (tool.accept.role ? page.getByRole(tool.accept.role, { name: tool.accept.name, exact: true }) : page.locator(tool.accept.css)).first().click();
    await page.waitForFunction(() => !window.__bench.isVisible(), null, { timeout: 10000 });
    await sleep(300);
    out[name] = (await context.cookies()).map(setCookieLine);
    await context.close();
    if (!out[name].length) throw new Error(`untraced: ${name} stored no cookie after "Godta alle"`);
  }
  await browser.close();
  return out;
}

/** Startup tracing into `file` from the browser's start, `DURATION` seconds. */
const traceArgs = (file) => [`--trace-startup=${CATEGORIES}`, `--trace-startup-file=${file}`, '--trace-startup-format=json', `--trace-startup-duration=${DURATION}`];

/** The trace once Chromium has written it whole. */
async function traceFrom(file) {
  const until = Date.now() + (DURATION + 30) * 1000;
  while (Date.now() < until) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')).traceEvents;
      } catch {
        // Still being written.
      }
    }
    await sleep(200);
  }
  throw new Error(`untraced: no trace in ${file}`);
}

/** One page view under DevTools, as the bench drives it: the trace and ScriptDuration (read at the bench's moment). */
async function attached(dir, file, visit) {
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    ...chromiumOptions,
    args: [...chromiumOptions.args, ...NET_ARGS, ...traceArgs(file)],
    ignoreHTTPSErrors: true,
    viewport: null,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const banner = visit === 'first' && serving.tool.accept;
    await page.goto(ORIGIN + (banner ? '/' : '/#nopoll'), { waitUntil: 'load' });
    if (banner) await page.waitForFunction(() => window.__bench.visible !== null, null, { timeout: 1500 }).catch(() => {});
    await sleep(300);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const readAt = monotonicUs();
    const scriptDuration = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
    return { events: await traceFrom(file), scriptDuration, readAt };
  } finally {
    await context.close();
  }
}

/** One page view with nothing attached: Chromium started on the page's URL. */
async function untraced(dir, file, visit) {
  const banner = visit === 'first' && serving.tool.accept;
  const child = spawn(chromiumOptions.executablePath, [...PLAYWRIGHT_ARGS, ...NET_ARGS, `--user-data-dir=${join(dir, 'profile')}`, ...traceArgs(file), ORIGIN + (banner ? '/' : '/#nopoll')], { detached: true, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    return { events: await traceFrom(file) };
  } finally {
    // The browser and its children, by the process group this script started.
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const SCRIPT = new Set(['v8.run', 'v8.callFunction', 'v8.evaluateModule']);
/**
 * From a trace: the page's renderer main thread, outermost script events' thread time (ms) from
 * its navigationStart to `end(load)` (µs), the part in the tool's files' runs, and V8 collecting
 * source positions (all, and inside the tool's runs).
 */
function measure(events, toolFiles, end) {
  const nav = events.find((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').startsWith(ORIGIN));
  if (!nav) return null;
  const onMain = (e) => e.pid === nav.pid && e.tid === nav.tid;
  const load = events.find((e) => e.name === 'loadEventEnd' && onMain(e) && e.args?.frame === nav.args.frame && e.ts > nav.ts);
  if (!load) return null;
  const until = end(load.ts);
  // The trace stopped before the window's end (its last event, on any thread).
  if (events.reduce((m, e) => Math.max(m, e.ts ?? 0), 0) < until) return null;
  const main = events.filter((e) => e.ph === 'X' && onMain(e) && e.ts >= nav.ts && e.ts < until).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  const ours = (e) => toolFiles.some((f) => (e.args?.fileName ?? '') === f);
  let script = 0;
  let tool = 0;
  let csp = 0;
  let cspTool = 0;
  let outerEnd = -1;
  let inTool = false;
  for (const e of main) {
    if (SCRIPT.has(e.name) && e.ts >= outerEnd) {
      script += cpu(e);
      outerEnd = e.ts + e.dur;
      inTool = e.name === 'v8.run' && ours(e);
      if (inTool) tool += cpu(e);
    } else if (e.name === 'V8.CollectSourcePositions') {
      csp += cpu(e);
      if (inTool && e.ts < outerEnd) cspTool += cpu(e);
    }
  }
  return { script, tool, csp, cspTool };
}

const started = Date.now();
const loads = [os.loadavg()[0]];
const cookies = await seed();
/** results[name][visit][mode] = per-run figures */
const results = Object.fromEntries(NAMES.map((n) => [n, Object.fromEntries(VISITS.map((v) => [v, Object.fromEntries(MODES.map((m) => [m, []]))]))]));
const checks = [];
let dropped = 0;
for (let i = 0; i < RUNS; i++) {
  for (const visit of VISITS) {
    for (const k of NAMES.keys()) {
      const name = NAMES[(k + i) % NAMES.length];
      const tool = TOOLS[name];
      const toolFiles = tool.tagFiles.map((p) => ASSETS + p).concat(name.startsWith('samtykke') ? Object.keys(tool.raw).map((p) => ASSETS + p) : []);
      // Each round also swaps which mode goes first.
      for (const mode of i % 2 ? [...MODES].reverse() : MODES) {
        serving = { tool, html: pageFor(tool), setCookie: visit === 'returning' ? cookies[name] : [] };
        const dir = mkdtempSync(join(os.tmpdir(), 'samtykke-untraced-'));
        const file = join(dir, 'trace.json');
        try {
          const r = await (mode === 'attached' ? attached : untraced)(dir, file, visit);
          if (KEEP) {
            const base = join(KEEP, `${i + 1}-${visit}-${name.replace(':', '-')}-${mode}`);
            copyFileSync(file, `${base}.json`);
            if (mode === 'attached') writeFileSync(`${base}.read.json`, JSON.stringify({ scriptDuration: r.scriptDuration, readAt: r.readAt }));
          }
          const m = measure(r.events, toolFiles, (load) => load + afterLoad(visit, tool) * 1000);
          if (!m) {
            dropped++;
            console.error(`  ${name}, ${visit}, ${mode}: no load (or not the whole window) in the trace; dropped (raise --duration?)`);
            continue;
          }
          results[name][visit][mode].push(m);
          if (mode === 'attached') {
            const atRead = measure(r.events, toolFiles, () => r.readAt);
            if (atRead) checks.push({ name, visit, scriptDuration: r.scriptDuration, trace: atRead.script });
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  }
  loads.push(os.loadavg()[0]);
  process.stderr.write(`  run ${i + 1}/${RUNS} (load average ${os.loadavg()[0].toFixed(2)})\n`);
}
server.close();

const s = (name, visit, mode, key) => stats(results[name][visit][mode].map((x) => x[key]));
const ratio = (a, b) => (a && b && b.median > 0 ? ` ×${(a.median / b.median).toFixed(1)}` : '');
const rows = [];
for (const visit of VISITS) {
  for (const name of NAMES) {
    const cell = (mode) => {
      const script = s(name, visit, mode, 'script');
      return `${fmt(script)}${name === 'none' || name === 'cookieconsent' ? '' : ratio(script, s('cookieconsent', visit, mode, 'script'))}`;
    };
    rows.push([
      `${visit === 'first' ? 'first visit' : 'returning'}: ${name}`,
      cell('attached'),
      cell('untraced'),
      fmt(s(name, visit, 'attached', 'tool')),
      fmt(s(name, visit, 'untraced', 'tool')),
      fmt(s(name, visit, 'attached', 'csp'), 2),
      fmt(s(name, visit, 'untraced', 'csp'), 2),
      fmt(s(name, visit, 'attached', 'cspTool'), 2),
      fmt(s(name, visit, 'untraced', 'cspTool'), 2),
    ]);
  }
}
const head = ['page view', 'script, CDP', 'script, no CDP', 'tool files, CDP', 'tool files, no CDP', 'source pos., CDP', 'source pos., no CDP', 'in tool, CDP', 'in tool, no CDP'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
const cpus = os.cpus();
console.log(`${cpus[0]?.model ?? 'unknown'} (${cpus.length} cores), ${new Date(started).toISOString().slice(0, 16)}Z, loopback 1× CPU; ${RUNS} runs per cell, median (min–max), main-thread CPU ms from the trace; ×n = to vanilla-cookieconsent in the same mode.`);
console.log(`\n${line(head)}\n|${w.map((x) => '-'.repeat(x + 2)).join('|')}|\n${rows.map(line).join('\n')}`);
console.log(`\nCheck, the CDP runs: ScriptDuration (what the bench reads) and the trace's sum up to the moment it was read, ms, median (min–max).`);
for (const visit of VISITS) {
  const line = NAMES.map((name) => {
    const c = checks.filter((x) => x.name === name && x.visit === visit);
    return `${name} ${fmt(stats(c.map((x) => x.scriptDuration)))} / ${fmt(stats(c.map((x) => x.trace)))}`;
  });
  console.log(`  ${visit}: ${line.join('; ')}`);
}
const diffs = checks.map((c) => c.trace - c.scriptDuration);
console.log(`  trace − ScriptDuration, run by run (${diffs.length}): median ${median(diffs).toFixed(2)} ms (${Math.min(...diffs).toFixed(2)} to ${Math.max(...diffs).toFixed(2)}).`);
console.log(`Load average (1 min) during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} (${cpus.length} cores). Dropped views: ${dropped}. ${Math.round((Date.now() - started) / 1000)} s.`);
