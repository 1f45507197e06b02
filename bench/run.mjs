#!/usr/bin/env node
// `npm run bench`: no tool vs samtykke vs vanilla-cookieconsent vs Klaro on the same mock page in
// headless Chromium; see docs/performance.md. Options: --runs N (default 11), --quick (3 runs,
// loopback at 1× only), --profile loopback,cable,slow4g (network profiles, bench/network.mjs),
// --rates 1,4 (CPU slowdowns; each profile is run at each rate; without either flag: loopback at
// 1× and 4×, cable and slow4g at 1×), --forms sync,inline,inline-experiment (samtykke's rows, FORMS
// in bench/pages.mjs; default inline,sync: the paste the configurator offers first, then the single
// tag), --table (reprint the last results), --save (also keep them in
// bench/results.json, the record docs/performance.md quotes; without it they go to the system's
// temp directory only).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumOptions } from '../scripts/chromium.mjs';
import { connectMs, emulate, profilesFrom } from './network.mjs';
import { ASSETS, GTAG_STUB, ORIGIN, isGoogle, pageFor, tools } from './pages.mjs';
import { certificate, gzipped } from './serving.mjs';
import { stats, table } from './stats.mjs';
import { targets } from './targets.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const SAVED = new URL('./results.json', import.meta.url);
const LATEST = join(os.tmpdir(), 'samtykke-bench-results.json');
if (process.argv.includes('--table')) {
  // Reprint the table of the last run without running anything.
  const last = existsSync(LATEST) ? LATEST : SAVED;
  const saved = JSON.parse(readFileSync(last, 'utf8'));
  console.log(`${table(saved)}\n\n${targets(saved)}`);
  process.exit(0);
}
const QUICK = process.argv.includes('--quick');
const RUNS = Number(arg('--runs', QUICK ? 3 : 11));
const PROFILE_ARG = arg('--profile', arg('--profiles', null));
const RATE_ARG = arg('--rates', null);
// Each profile at each rate; with neither flag, the CPU rates on loopback and the networks at 1×.
const PROFILE_NAMES = (() => {
  try {
    return profilesFrom(PROFILE_ARG ?? 'loopback');
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
})();
const CONDITIONS = (
  PROFILE_ARG || RATE_ARG || QUICK
    ? PROFILE_NAMES.flatMap((profile) => (RATE_ARG ?? (QUICK ? '1' : PROFILE_ARG ? '1' : '1,4')).split(',').map((rate) => [profile, Number(rate)]))
    : [['loopback', 1], ['loopback', 4], ['cable', 1], ['slow4g', 1]]
).map(([profile, rate]) => ({ key: `${profile} ${rate}×`, profile, rate }));
const FORMS = arg('--forms', 'inline,sync').split(',');
const DIST = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('samtykke.js', DIST))) {
  console.error('bench: dist/samtykke.js not found; run `npm run build` first.');
  process.exit(1);
}
// Every built file, whatever the build makes today (one file, or an engine and its faces): the
// browser asks for what it needs, and each scenario counts what it asked for.
const built = readdirSync(DIST).filter((f) => statSync(new URL(f, DIST)).isFile());
const TOOLS = tools(Object.fromEntries(built.map((f) => [f, readFileSync(new URL(f, DIST))])), FORMS);
// Every row, the page without a tool first: each run's delays are taken against its figures.
const NAMES = Object.keys(TOOLS);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One local HTTPS server (HTTP/2, as a CDN serves) answers for every host name (the browser
// resolves them all to it), so Chromium's HTTP cache works as it does on a real site; request
// interception would turn it off and make "next page, same browser" fetch everything again. The
// page is at ORIGIN, the tools' files at ASSETS. `serving` is the context open now (runs are one
// at a time): its tool, its page and the tool's files it asked for, in order.
let serving = null;
const PAGES = ['/', '/tjenester/'];
const server = http2.createSecureServer({ ...certificate('samtykke-bench'), allowHTTP1: true }, (req, res) => {
  const url = new URL(req.url, `https://${req.headers[':authority'] ?? req.headers.host}`);
  // Compressed when the browser takes it, as every CDN and Webnode send text (the bytes rows
  // count gzip -9 too); on a slow network it is the size on the wire that costs.
  const send = (status, type, body, cache = 'no-store', headers = {}) => {
    const zip = body.length > 0 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(status, { 'content-type': type, 'cache-control': cache, ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}), ...headers });
    res.end(zip ? gzipped(body) : body);
  };
  if (isGoogle(url)) return url.pathname === '/gtag/js' ? send(200, 'text/javascript', GTAG_STUB) : send(204, 'text/plain', '');
  if (!serving) return send(404, 'text/plain', '');
  if (url.origin === ORIGIN && PAGES.includes(url.pathname)) return send(200, 'text/html; charset=utf-8', serving.html, 'no-cache');
  const file = url.origin === ASSETS && serving.tool.files[url.pathname];
  if (!file) return send(404, 'text/plain', '');
  serving.requested.push(url.pathname);
  // Cacheable for an hour, as a CDN or an upload folder typically serves it; CORS, as samtykke
  // fetches its face with `integrity` from the tag's folder.
  send(200, file[0], file[1], 'max-age=3600', { 'access-control-allow-origin': '*', 'timing-allow-origin': '*' });
});
// Each new connection waits as a cold one would (network.mjs: DNS, TCP, TLS) before the TLS
// server sees it; `cold` is the current profile's wait.
let cold = 0;
const front = net.createServer((socket) => {
  socket.on('error', () => {});
  setTimeout(() => server.emit('connection', socket), cold);
});
await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  ...chromiumOptions,
  args: [...chromiumOptions.args, `--host-resolver-rules=MAP * 127.0.0.1:${front.address().port}`, '--ignore-certificate-errors'],
});

async function open(name, { rate, cookies, profile }) {
  const tool = TOOLS[name];
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  // The tool's files the browser asked for, in order; a scenario's bytes are a slice of it.
  const requested = [];
  serving = { tool, html: pageFor(tool), requested };
  if (cookies) await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await emulate(cdp, profile);
  return { tool, context, page, cdp, requested };
}

/** gzip -9 and raw bytes of the tool's files in `paths` (one entry per request, unmodified files). */
function bytesOf(tool, paths) {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const buf = Buffer.from(tool.raw[p]);
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip, files: paths };
}

async function scriptTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return (m.ScriptDuration ?? NaN) * 1000;
}

/** What the probe saw, plus the tool's tag time from its marks. */
// The tag's own work: from its start mark, or from when its last file arrived if that was later
// (fetching is not work; the in-memory route answers in a few ms, but not in zero), to its end mark.
const snapshot = (page, files = []) =>
  page.evaluate((files) => {
    const b = window.__bench;
    const s = performance.getEntriesByName('tool-start')[0];
    const e = performance.getEntriesByName('tool-end')[0];
    const arrived = Math.max(0, ...performance.getEntriesByType('resource').filter((r) => files.includes(new URL(r.name).pathname)).map((r) => r.responseEnd));
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      lcp: b.lcp,
      visible: b.visible,
      visibleNow: b.isVisible(),
      longTasks: b.lt.length,
      longTaskMs: b.lt.reduce((n, t) => n + t[1], 0),
      cls: b.cls,
      tag: s && e ? e.startTime - Math.max(s.startTime, arrived) : null,
      arrived: arrived || null,
      clicks: b.clicks.slice(),
      cookieMs: b.cookie.ms,
      cookieCalls: b.cookie.n,
      events: b.ev.slice(),
      runs: b.runs.slice(),
      head: ['head-start', 'head-end'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN),
    };
  }, files);

/**
 * The tool's own script runs over 5 ms (ms each), as Long Animation Frames name them: its files
 * (on ASSETS), and an inline script of the page that starts between the marks around the tool's
 * part of <head> (samtykke's inline start; the bench's probe is inline too, before them, and the
 * page's Google snippet after). A run of 50 ms or more is a long task by itself, the tool's own,
 * whatever else the page's slowed-down tasks hold (at 4× the bare page has long tasks of its own:
 * its parsing, its style, the probe).
 */
const toolRuns = ({ runs, head: [from, to] }) =>
  runs.filter(([url, at]) => URL.parse(url)?.origin === ASSETS || (url.startsWith(ORIGIN + '/') && at >= from && at <= to)).map(([, , ms]) => ms);
const ownLongTasks = (s) => {
  const runs = toolRuns(s);
  return { ownLongTasks: runs.filter((ms) => ms >= 50).length, ownLongest: Math.max(0, ...runs) };
};

/** First visit: banner visible, load cost, then "Godta alle". Returns the metrics and the cookies. */
async function firstVisit(name, { rate, profile }) {
  const { tool, context, page, cdp, requested } = await open(name, { rate, profile });
  try {
    await page.goto(ORIGIN + (tool.accept ? '/' : '/#nopoll'), { waitUntil: 'load' });
    // A banner may follow `load` by a file's round trips (the face, fetched after the engine).
    const deadline = Date.now() + (tool.accept ? 1500 * rate + 2 * cold : 0);
    while (Date.now() < deadline && !(await page.evaluate(() => window.__bench.visible !== null))) await sleep(25);
    await sleep(300 * rate); // let late shifts and tasks land
    const script = await scriptTime(cdp);
    const s = await snapshot(page, tool.tagFiles);
    // The banner cannot be seen before the page's first paint: its rAF time is the start of a
    // frame that may not be presented, FCP is the first frame that was.
    const painted = s.visible === null || s.fcp === null ? null : Math.max(s.visible, s.fcp);
    const out = { fcp: s.fcp, lcp: s.lcp, arrived: s.arrived, banner: s.visible, painted, script, longTasks: s.longTasks, longTaskMs: s.longTaskMs, cls: s.cls, ...ownLongTasks(s), tag: s.tag, cookieMs: s.cookieMs, cookieCalls: s.cookieCalls, click: null, eventTiming: null, cookies: null };
    if (s.visible !== null) {
      const button = tool.accept.role ? page.getByRole(tool.accept.role, { name: tool.accept.name, exact: true }) : page.locator(tool.accept.css);
      await button.first().click({ timeout: 5000 });
      const until = Date.now() + 2000 * rate;
      let after;
      do {
        await sleep(50);
        after = await snapshot(page);
      } while (!after.clicks.length && Date.now() < until);
      await sleep(300 * rate);
      after = await snapshot(page);
      out.click = after.clicks[0] ?? null;
      const ev = after.events.filter(([n]) => !n.startsWith('first-input'));
      const fi = after.events.find(([n]) => n.startsWith('first-input'));
      // Event Timing only reports events of 16 ms or more (durations rounded to 8 ms); below that
      // the first-input entry (pointerdown) is the floor we can see.
      out.eventTiming = ev.length ? Math.max(...ev.map((e) => e[1])) : fi ? fi[1] : null;
      out.cookies = await context.cookies();
      out.bannerGone = !after.visibleNow;
    }
    out.bytes = bytesOf(tool, requested);
    return out;
  } finally {
    await context.close();
  }
}

/** Returning visitor: the stored choice is in the cookie jar before navigation. */
async function returning(name, { rate, profile }, cookies) {
  const { tool, context, page, cdp, requested } = await open(name, { rate, cookies, profile });
  try {
    await page.goto(ORIGIN + '/#nopoll', { waitUntil: 'load' });
    await sleep(300 * rate);
    const script = await scriptTime(cdp);
    const s = await snapshot(page, tool.tagFiles);
    const bytes = bytesOf(tool, requested.splice(0));
    // The next page view in the same browser: another page of the site, its connections open,
    // the tool's files in the HTTP cache (and V8's code cache), and the cookie store asked
    // before, as for most page views of a returning visitor. (The script-time counter starts
    // again with the new document.)
    await page.goto(ORIGIN + '/tjenester/#nopoll', { waitUntil: 'load' });
    await sleep(300 * rate);
    const nextScript = await scriptTime(cdp);
    const next = await snapshot(page, tool.tagFiles);
    const nextBytes = bytesOf(tool, requested.splice(0));
    const reopen = tool.reopen ? await reopenPrefs(tool, page, rate) : null;
    const reopenBytes = reopen ? bytesOf(tool, requested.splice(0)) : null;
    return {
      fcp: s.fcp, lcp: s.lcp, tag: s.tag, script, longTasks: s.longTasks, longTaskMs: s.longTaskMs, ...ownLongTasks(s), cls: s.cls, cookieMs: s.cookieMs, cookieCalls: s.cookieCalls, bannerShown: s.visibleNow,
      next: { fcp: next.fcp, lcp: next.lcp, script: nextScript, longTasks: next.longTasks },
      nextTag: next.tag, nextCookieMs: next.cookieMs, reopen: reopen?.ms ?? null, reopenAfterFace: reopen?.afterFace ?? null, bytes, nextBytes, reopenBytes,
    };
  } finally {
    await context.close();
  }
}

/**
 * A returning visitor clicks the tool's floating "open settings" control: ms from the click to
 * just after the first frame with the preferences open and focus inside them; and from the
 * arrival of the last file the click fetched (samtykke's face) to that frame's start.
 */
async function reopenPrefs(tool, page, rate) {
  await page.evaluate(() => window.__bench.watchPrefs());
  try {
    await page.getByRole(tool.reopen.role, { name: tool.reopen.name, exact: true }).first().click({ timeout: 5000 });
  } catch {
    // A missing button is a finding for the table (an empty row), not a reason to lose the run.
    console.error(`  ${tool.reopen.name}: no such button to click; reopen not measured in this run.`);
    return null;
  }
  const until = Date.now() + 3000 * rate;
  let seen = null;
  while (!seen && Date.now() < until) {
    await sleep(25);
    seen = await page.evaluate(() => window.__bench.prefs);
  }
  if (!seen) return null;
  const arrived = await page.evaluate(
    ({ click, files }) => Math.max(0, ...performance.getEntriesByType('resource').filter((r) => r.startTime >= click && files.includes(new URL(r.name).pathname)).map((r) => r.responseEnd)),
    { click: seen.click, files: Object.keys(tool.raw) },
  );
  return { ms: seen.ms, afterFace: arrived > 0 ? seen.frame - arrived : null };
}

const started = new Date();
const results = { date: started.toISOString(), machine: {}, runs: RUNS, conditions: CONDITIONS, tools: {} };
for (const name of NAMES) results.tools[name] = { bytes: null, byCondition: {} };

for (const condition of CONDITIONS) {
  const { key } = condition;
  cold = connectMs(condition.profile);
  console.error(`\n${key}: ${RUNS} runs each…`);
  const raw = Object.fromEntries(NAMES.map((n) => [n, { first: [], returning: [] }]));
  // A stored choice per tool: from a run that clicked "Godta alle" (seeded once, unthrottled CPU).
  const seeds = {};
  for (const name of NAMES.filter((n) => TOOLS[n].accept)) {
    const r = await firstVisit(name, { ...condition, rate: 1 });
    seeds[name] = r.cookies;
    if (!r.cookies) console.error(`  ${name}: no banner, so no stored choice; returning visitor measured without one.`);
  }
  for (let i = 0; i < RUNS; i++) {
    for (const name of NAMES) {
      raw[name].first.push(await firstVisit(name, condition));
      raw[name].returning.push(await returning(name, condition, seeds[name]));
    }
    process.stderr.write(`  run ${i + 1}/${RUNS}\n`);
  }
  const at = (x, path) => path.split('.').reduce((o, k) => o?.[k], x);
  const pick = (arr, k) => arr.map((x) => at(x, k)).filter((v) => typeof v === 'number' && Number.isFinite(v));
  // Each run's figure less the page without a tool's of the same round (runs are interleaved, so
  // drift on a shared machine cancels out better than a difference of medians would).
  const delay = (arr, base, k) => arr.map((x, i) => [at(x, k), at(base[i], k)]).filter(([a, b]) => typeof a === 'number' && typeof b === 'number').map(([a, b]) => a - b);
  const none = raw.none;
  for (const name of NAMES) {
    const f = raw[name].first;
    const r = raw[name].returning;
    const sized = (arr, k) => (arr[0]?.[k] ? { ...arr[0][k], vary: new Set(arr.map((x) => x[k]?.gzip)).size > 1 } : null);
    // Bytes are the same every run unless the tool asks for different files; `vary` says if it did.
    results.tools[name].bytes ??= { first: sized(f, 'bytes'), returning: sized(r, 'bytes'), next: sized(r, 'nextBytes'), reopen: sized(r, 'reopenBytes') };
    results.tools[name].byCondition[key] = {
      fcp: stats(pick(f, 'fcp')),
      fcpDelay: stats(delay(f, none.first, 'fcp')),
      lcp: stats(pick(f, 'lcp')),
      lcpDelay: stats(delay(f, none.first, 'lcp')),
      tagArrived: stats(pick(f, 'arrived')),
      bannerVisible: f.every((x) => x.banner === null) ? null : stats(pick(f, 'banner')),
      bannerPainted: stats(pick(f, 'painted')),
      bannerMissing: f.filter((x) => x.banner === null).length,
      scriptLoad: stats(pick(f, 'script')),
      tagFirst: stats(pick(f, 'tag')),
      cookieMs: stats(pick(f, 'cookieMs')),
      cookieCalls: stats(pick(f, 'cookieCalls')),
      longTasks: stats(pick(f, 'longTasks')),
      longTaskMs: stats(pick(f, 'longTaskMs')),
      ownLongTasks: stats(pick(f, 'ownLongTasks')),
      ownLongest: stats(pick(f, 'ownLongest')),
      cls: stats(pick(f, 'cls')),
      clickToPaint: stats(pick(f, 'click')),
      eventTiming: stats(pick(f, 'eventTiming')),
      bannerGoneAfterClick: f.filter((x) => x.bannerGone).length,
      returningFcpDelay: stats(delay(r, none.returning, 'fcp')),
      returningLcpDelay: stats(delay(r, none.returning, 'lcp')),
      returningTag: stats(pick(r, 'tag')),
      returningCookieMs: stats(pick(r, 'cookieMs')),
      returningScript: stats(pick(r, 'script')),
      returningLongTasks: stats(pick(r, 'longTasks')),
      returningLongTaskMs: stats(pick(r, 'longTaskMs')),
      returningOwnLongTasks: stats(pick(r, 'ownLongTasks')),
      returningOwnLongest: stats(pick(r, 'ownLongest')),
      nextFcpDelay: stats(delay(r, none.returning, 'next.fcp')),
      nextLcpDelay: stats(delay(r, none.returning, 'next.lcp')),
      returningNextTag: stats(pick(r, 'nextTag')),
      returningNextCookieMs: stats(pick(r, 'nextCookieMs')),
      nextScript: stats(pick(r, 'next.script')),
      nextLongTasks: stats(pick(r, 'next.longTasks')),
      reopen: stats(pick(r, 'reopen')),
      reopenAfterFace: stats(pick(r, 'reopenAfterFace')),
      hasReopen: !!TOOLS[name].reopen,
      returningBannerShown: r.filter((x) => x.bannerShown).length,
      // The page without a tool has no choice to store; its returning visit is its first again.
      returningSeeded: name === 'none' || !!seeds[name],
      samples: { first: f.map(({ cookies: _cookies, ...x }) => x), returning: r },
    };
  }
}

const version = browser.version();
await browser.close();
front.close();
server.close();
const cpus = os.cpus();
results.machine = {
  cpu: cpus[0]?.model ?? 'unknown',
  cores: cpus.length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium: version,
};
results.durationSeconds = Math.round((Date.now() - started) / 1000);
const json = JSON.stringify(results, null, 2) + '\n';
writeFileSync(LATEST, json);
if (process.argv.includes('--save')) writeFileSync(SAVED, json);
console.log(`${table(results)}\n\n${targets(results)}`);
console.log(`\nwritten: ${LATEST}${process.argv.includes('--save') ? ' and bench/results.json' : ' (add --save to keep it in bench/results.json)'} (${results.durationSeconds} s)`);
