#!/usr/bin/env node
// Where samtykke's script time goes during a page's load, by function, counted in a way a busy
// machine moves little: V8's own CPU profile (CDP Profiler, sampled every 50 µs) of the bench's
// page, from navigation to `load` + 300 ms (the window `npm run bench` counts), many runs summed.
// Several builds are profiled side by side, alternating run by run, so each sees the same load.
//
//   node bench/profile.mjs [--dist name=folder ...] [--runs 20] [--rate 1] [--visit returning,first]
//                          [--form inline|sync] [--top 25] [--trace | --plain]
//
// `--trace` counts instead of sampling: a Chromium trace of each run, and the main thread's CPU
// time (not wall time, so another process's load does not count) in samtykke's own script tasks
// up to `load` + 300 ms, and how much of it V8 spent compiling and parsing functions; and the
// page's own inline scripts apart: the bench's probe, and the inline start (its run, V8 compiling
// it, and its callbacks later). The trace's own work (a stack trace for every request a script
// makes) inflates every figure: compare builds of the same run, never a traced figure with a
// plain one. Every build after the first is also compared with it run by run.
//
// `--dist` defaults to `here=dist`. Function names are only readable in an unminified engine:
// `npx vite build --mode engine --minify false --outDir /tmp/unmin`, then copy dist/ and put that
// samtykke.js in it (the faces are fetched by hash, so keep the rest of the same build).
// Prints, per build and visit: the median of Chromium's ScriptDuration (what the bench reports),
// the time sampled in each of samtykke's files, and its costliest functions by self time and by
// total time (with their callees). The profiler's own overhead inflates every figure: read them
// as proportions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumOptions } from '../scripts/chromium.mjs';
import { ASSETS, GTAG_STUB, ORIGIN, isGoogle, pageFor, tools } from './pages.mjs';

const args = process.argv.slice(2);
const all = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const one = (name, def) => all(name)[0] ?? def;
const RUNS = Number(one('--runs', 20));
const RATE = Number(one('--rate', 1));
const TOP = Number(one('--top', 25));
const FORM = one('--form', 'inline');
const VISITS = one('--visit', 'returning,first').split(',');
const TRACE = args.includes('--trace');
// `--plain`: neither, only the bench's own figure (ScriptDuration), with nothing attached that costs.
const PLAIN = args.includes('--plain');
/** The profiler's sampling interval, µs. */
const INTERVAL = 50;
const BUILDS = (all('--dist').length ? all('--dist') : ['here=dist']).map((d) => {
  const [name, folder] = d.includes('=') ? d.split('=') : [d, d];
  const dir = new URL(folder.endsWith('/') ? folder : folder + '/', `file://${process.cwd()}/`);
  const files = Object.fromEntries(readdirSync(dir).filter((f) => statSync(new URL(f, dir)).isFile()).map((f) => [f, readFileSync(new URL(f, dir))]));
  return { name, tool: tools(files, [FORM])[`samtykke:${FORM}`] };
});

const browser = await chromium.launch(chromiumOptions);

/** Serves the build's page and files from memory (no HTTP cache across contexts: every run is a cold one). */
async function contextFor(tool, cookies) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (isGoogle(url)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: GTAG_STUB });
    if (url.origin === ORIGIN) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageFor(tool) });
    const file = url.origin === ASSETS && tool.files[url.pathname];
    if (!file) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: file[0], body: Buffer.from(file[1]), headers: { 'access-control-allow-origin': '*' } });
  });
  if (cookies) await context.addCookies(cookies);
  return context;
}

/** A returning visitor's cookies: a first visit that accepts all through the API. */
async function decided(tool) {
  const context = await contextFor(tool);
  const page = await context.newPage();
  await page.goto(ORIGIN + '/#nopoll', { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.samtykke?.acceptAll === 'function');
  await page.evaluate(() => window.samtykke.acceptAll());
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

/** One page view, profiled: { script (ms, ScriptDuration), profile } or, with --trace, { script, trace }. */
async function run(tool, cookies) {
  const context = await contextFor(tool, cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Thread time, as the bench reads it (bench/run.mjs): wall time would count the machine's load.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (RATE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile'] });
  else if (!PLAIN) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL });
    await cdp.send('Profiler.start');
  }
  await page.goto(ORIGIN + '/#nopoll', { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 300 * RATE));
  const profile = TRACE || PLAIN ? null : (await cdp.send('Profiler.stop')).profile;
  const trace = TRACE ? JSON.parse((await browser.stopTracing()).toString()).traceEvents : null;
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return { script: metrics.find((m) => m.name === 'ScriptDuration').value * 1000, profile, trace };
}

const COMPILE = new Set(['V8.CompileCode', 'V8.ParseFunction', 'V8.CompileLazy']);
/**
 * From a trace: the renderer main thread's CPU ms (tdur) in samtykke's outermost script events
 * (its files evaluated, and its functions called back by timers, frames, idle callbacks, events),
 * of which in its files' first runs (the rest: callbacks), and, nested in them, V8's outermost
 * compile and parse events; and apart, the page's own inline scripts: the bench's probe (the
 * page's first script, line 1) and, for the inline form, the inline start, its own run (of which
 * V8 compiling it) and its functions called back later on their own (the parser watch's callbacks
 * the parser sets off between scripts). The start's functions called by others' code (a patched
 * `src` or `setAttribute`) count in the caller's task, the engine's among them.
 */
function traced(events) {
  const scriptEvent = (e) => e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile';
  const ours = (e) => /samtykke[^/]*\.js/.test(e.args?.data?.url ?? '') && scriptEvent(e);
  const inPage = (e) => (e.args?.data?.url ?? '').startsWith(ORIGIN) && scriptEvent(e);
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const main = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  // The inline start's script begins on a later line than the probe's (line 1).
  const startLine = Math.min(...main.filter((e) => inPage(e) && e.name === 'EvaluateScript' && e.args.data.lineNumber > 1).map((e) => e.args.data.lineNumber));
  let script = 0;
  let probe = 0;
  let start = 0;
  let startCompile = 0;
  let startLater = 0;
  let startLazy = 0;
  let startEnd = -1;
  let lazyEnd = -1;
  let pageEnd = -1;
  let first = 0;
  let compile = 0;
  let end = -1;
  let compileEnd = -1;
  for (const e of main) {
    if (inPage(e) && e.ts >= pageEnd) {
      pageEnd = e.ts + e.dur;
      const line = e.args.data.lineNumber ?? 0;
      if (line < startLine) probe += cpu(e);
      else if (e.name === 'FunctionCall') startLater += cpu(e);
      else {
        start += cpu(e);
        startEnd = e.ts + e.dur;
      }
    } else if (inPage(e) && e.name === 'v8.compile' && e.args.data.lineNumber >= startLine) {
      startCompile += cpu(e);
      lazyEnd = e.ts + e.dur;
    } else if (COMPILE.has(e.name) && e.ts < startEnd && e.ts >= lazyEnd) {
      // V8 compiling the start's functions as they are first called, inside its run.
      startLazy += cpu(e);
      lazyEnd = e.ts + e.dur;
    }
    if (ours(e) && e.ts >= end) {
      script += cpu(e);
      if (e.name === 'EvaluateScript') first += cpu(e);
      end = e.ts + e.dur;
    } else if (COMPILE.has(e.name) && e.ts < end && e.ts >= compileEnd) {
      compile += cpu(e);
      compileEnd = e.ts + e.dur;
    }
  }
  return { script, first, compile, page: probe + start + startLater, probe, start, startCompile, startLazy, startLater };
}

// The inline start's functions are the page's, from the line its <script> is on (the probe's are above it).
const START_LINE = FORM === 'inline' ? pageFor(BUILDS[0].tool).split('\n').findIndex((line) => line.includes('<script data-engine=')) : Infinity;
const fileOf = ({ functionName, url, lineNumber }) =>
  url.startsWith(ORIGIN) && lineNumber >= START_LINE ? 'samtykke-start (inline)' : url ? new URL(url).pathname.split('/').pop() : functionName || '(anonymous)';
const keyOf = (frame) => `${fileOf(frame)} ${frame.functionName || '(anonymous)'} ${frame.lineNumber + 1}:${frame.columnNumber + 1}`;

/**
 * Adds a profile's times (ms) into `byFn` (function key → [self, total]: total counts a sample
 * once for every function of ours on its stack) and `byFile` (file → ms).
 */
function add(profile, byFn, byFile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
  const bump = (key, i, ms) => {
    const slot = byFn.get(key) ?? [0, 0];
    slot[i] += ms;
    byFn.set(key, slot);
  };
  profile.samples.forEach((id) => {
    // Each sample counts as one interval: a sample's own delta grows when the machine delays
    // the sampler, and would charge that wait to whatever function it happened to land in.
    const ms = INTERVAL / 1000;
    const frame = nodes.get(id).callFrame;
    const file = fileOf(frame);
    const bucket = frame.url && file.startsWith('samtykke') ? file : file.startsWith('(') ? file : 'other';
    byFile.set(bucket, (byFile.get(bucket) ?? 0) + ms);
    if (bucket !== file) return;
    bump(keyOf(frame), 0, ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = nodes.get(n).callFrame;
      if (f.url && fileOf(f).startsWith('samtykke') && !seen.has(keyOf(f))) {
        seen.add(keyOf(f));
        bump(keyOf(f), 1, ms);
      }
    }
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seeds = VISITS.includes('returning') ? await Promise.all(BUILDS.map((b) => decided(b.tool))) : [];
const out = BUILDS.flatMap((b) => VISITS.map((visit) => ({ build: b.name, visit, scripts: [], ours: [], firsts: [], compiles: [], pages: [], probes: [], starts: [], startCompiles: [], startLazies: [], startLaters: [], byFn: new Map(), byFile: new Map() })));
for (let i = 0; i < RUNS; i++) {
  for (const visit of VISITS) {
    // Alternating builds run by run, so a busy spell of the machine falls on all of them, each
    // run starting one build later: the first page view of a round measured ~2 ms cheaper than
    // the others (the same build given twice, 14 runs), so no build may always be first.
    for (const j of BUILDS.map((_, k) => (k + i) % BUILDS.length)) {
      const b = BUILDS[j];
      const r = await run(b.tool, visit === 'returning' ? seeds[j] : undefined);
      const slot = out.find((o) => o.build === b.name && o.visit === visit);
      slot.scripts.push(r.script);
      if (r.trace) {
        const t = traced(r.trace);
        slot.ours.push(t.script);
        slot.firsts.push(t.first);
        slot.pages.push(t.page);
        slot.probes.push(t.probe);
        slot.starts.push(t.start);
        slot.startCompiles.push(t.startCompile);
        slot.startLaters.push(t.startLater);
        slot.startLazies.push(t.startLazy);
        slot.compiles.push(t.compile);
      } else if (r.profile) add(r.profile, slot.byFn, slot.byFile);
    }
  }
}
await browser.close();

for (const o of out) {
  const per = (ms) => (ms / RUNS).toFixed(2).padStart(7);
  console.log(`\n== ${o.build}, ${o.visit} visit, ${FORM} form, ${RATE}× CPU, ${RUNS} runs: ScriptDuration median ${median(o.scripts).toFixed(1)} ms`);
  // Against the first build, run by run: each pair ran back to back, so a busy spell of the
  // machine falls on both, and the median of the differences moves less than the difference of
  // the medians.
  const base = out.find((b) => b.visit === o.visit);
  if (base !== o) {
    const diff = (key) => median(o[key].map((x, i) => x - base[key][i])).toFixed(2);
    console.log(`   against ${base.build}, median of the run-by-run differences: ScriptDuration ${diff('scripts')} ms${TRACE ? `, the inline start's run ${diff('starts')}, the page's inline scripts ${diff('pages')}, samtykke's script ${diff('ours')}` : ''}`);
  }
  if (PLAIN) continue;
  if (TRACE) {
    console.log(`   samtykke's script, main thread CPU ms: median ${median(o.ours).toFixed(2)} (files' first runs ${median(o.firsts).toFixed(2)}, callbacks the rest), of which compiling ${median(o.compiles).toFixed(2)}`);
    console.log(`   the page's inline scripts, main thread CPU ms: median ${median(o.pages).toFixed(2)}: the bench's probe ${median(o.probes).toFixed(2)}; the inline start's run ${median(o.starts).toFixed(2)} (of which compiling it ${median(o.startCompiles).toFixed(2)}, compiling its functions as called ${median(o.startLazies).toFixed(2)}), its callbacks later ${median(o.startLaters).toFixed(2)}`);
    continue;
  }
  console.log('   sampled ms per run, by file:');
  for (const [file, ms] of [...o.byFile].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`   ${per(ms)}  ${file}`);
  console.log(`   samtykke's functions by self time (ms per run), top ${TOP}: self, total (with what it calls)`);
  for (const [key, [self, total]] of [...o.byFn].sort((a, b) => b[1][0] - a[1][0]).slice(0, TOP)) console.log(`   ${per(self)} ${per(total)}  ${key}`);
  console.log(`   … by total time, top ${TOP}:`);
  for (const [key, [self, total]] of [...o.byFn].sort((a, b) => b[1][1] - a[1][1]).slice(0, TOP)) console.log(`   ${per(self)} ${per(total)}  ${key}`);
}
