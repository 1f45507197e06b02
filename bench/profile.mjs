#!/usr/bin/env node
// Where samtykke's script time goes during a page's load, by function, counted in a way a busy
// machine moves little: V8's own CPU profile (CDP Profiler, sampled every 50 µs) of the bench's
// page, from navigation to `load` + 300 ms (the window `npm run bench` counts), many runs summed.
// Several builds are profiled side by side, alternating run by run, so each sees the same load.
//
//   node bench/profile.mjs [--dist name=folder ...] [--runs 20] [--rate 1] [--visit returning,first]
//                          [--form inline|sync] [--top 25] [--trace]
//
// `--trace` counts instead of sampling: a Chromium trace of each run, and the main thread's CPU
// time (not wall time, so another process's load does not count) in samtykke's own script tasks
// up to `load` + 300 ms, and how much of it V8 spent compiling and parsing functions.
//
// `--dist` defaults to `here=dist`. Function names are only readable in an unminified engine:
// `npx vite build --mode engine --minify false --outDir /tmp/unmin`, then copy dist/ and put that
// samtykke.js in it (the faces are fetched by hash, so keep the rest of the same build).
// Prints, per build and visit: the median of Chromium's ScriptDuration (what the bench reports),
// the time sampled in each of samtykke's files, and its costliest functions by self time (a
// function's lazy compile is counted in its caller's self time, so a big first call shows there).
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
  await cdp.send('Performance.enable');
  if (RATE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile'] });
  else {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  await page.goto(ORIGIN + '/#nopoll', { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 300 * RATE));
  const profile = TRACE ? null : (await cdp.send('Profiler.stop')).profile;
  const trace = TRACE ? JSON.parse((await browser.stopTracing()).toString()).traceEvents : null;
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return { script: metrics.find((m) => m.name === 'ScriptDuration').value * 1000, profile, trace };
}

const COMPILE = new Set(['V8.CompileCode', 'V8.ParseFunction', 'V8.CompileLazy']);
/**
 * From a trace: the renderer main thread's CPU ms (tdur) in samtykke's outermost script events
 * (its files evaluated, and its functions called back by timers, frames, idle callbacks, events),
 * and, nested in them, V8's outermost compile and parse events.
 */
function traced(events) {
  const ours = (e) => /samtykke[^/]*\.js/.test(e.args?.data?.url ?? '') && (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile');
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const main = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let script = 0;
  let compile = 0;
  let end = -1;
  let compileEnd = -1;
  for (const e of main) {
    if (ours(e) && e.ts >= end) {
      script += (e.tdur ?? e.dur) / 1000;
      end = e.ts + e.dur;
    } else if (COMPILE.has(e.name) && e.ts < end && e.ts >= compileEnd) {
      compile += (e.tdur ?? e.dur) / 1000;
      compileEnd = e.ts + e.dur;
    }
  }
  return { script, compile };
}

/** Adds a profile's self times (ms) into `byFn` (function key → ms) and `byFile` (file → ms). */
function add(profile, byFn, byFile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    const file = url ? new URL(url).pathname.split('/').pop() : functionName || '(anonymous)';
    if (!url || !file.startsWith('samtykke')) return void byFile.set(file.startsWith('(') ? file : 'other', (byFile.get(file.startsWith('(') ? file : 'other') ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const key = `${file} ${functionName || '(anonymous)'} ${lineNumber + 1}:${columnNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seeds = VISITS.includes('returning') ? await Promise.all(BUILDS.map((b) => decided(b.tool))) : [];
const out = BUILDS.flatMap((b) => VISITS.map((visit) => ({ build: b.name, visit, scripts: [], ours: [], compiles: [], byFn: new Map(), byFile: new Map() })));
for (let i = 0; i < RUNS; i++) {
  for (const visit of VISITS) {
    // Alternating builds run by run, so a busy spell of the machine falls on all of them.
    for (const [j, b] of BUILDS.entries()) {
      const r = await run(b.tool, visit === 'returning' ? seeds[j] : undefined);
      const slot = out.find((o) => o.build === b.name && o.visit === visit);
      slot.scripts.push(r.script);
      if (r.trace) {
        const t = traced(r.trace);
        slot.ours.push(t.script);
        slot.compiles.push(t.compile);
      } else add(r.profile, slot.byFn, slot.byFile);
    }
  }
}
await browser.close();

for (const o of out) {
  const per = (ms) => (ms / RUNS).toFixed(2).padStart(7);
  console.log(`\n== ${o.build}, ${o.visit} visit, ${FORM} form, ${RATE}× CPU, ${RUNS} runs: ScriptDuration median ${median(o.scripts).toFixed(1)} ms`);
  if (TRACE) {
    console.log(`   samtykke's script, main thread CPU ms: median ${median(o.ours).toFixed(2)}, of which compiling ${median(o.compiles).toFixed(2)}`);
    continue;
  }
  console.log('   sampled ms per run, by file:');
  for (const [file, ms] of [...o.byFile].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`   ${per(ms)}  ${file}`);
  console.log(`   samtykke's functions by self time (ms per run), top ${TOP}:`);
  for (const [key, ms] of [...o.byFn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`   ${per(ms)}  ${key}`);
}
