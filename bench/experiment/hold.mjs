#!/usr/bin/env node
// THROWAWAY, issue 26's experiment (docs/performance.md, "Inline start: the experiment"): does a
// Google script in the page's HTML, after the inline start (inline-start.js), get requested or
// run before the start holds it? In Chromium, Firefox ESR and WebKitGTK, every request through
// one proxy that records it (as test/engines/site.ts does). `node bench/experiment/hold.mjs
// [--loads 10] [--engines chromium,firefox,webkit]`; needs `npm run build`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTls } from 'node:https';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { chromiumOptions } from '../../scripts/chromium.mjs';

const arg = (name, def) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const LOADS = Number(arg('--loads', 10));
const ENGINES = arg('--engines', 'chromium,firefox,webkit').split(',');
const ORIGIN = 'https://www.stressfri.test';
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
const ENGINE_DELAY = 1500; // the engine arrives after the page is parsed, so only the start can hold
const START = readFileSync(new URL('./inline-start.js', import.meta.url), 'utf8').replace('(__ENGINE__, __ATTRS__)', `(${JSON.stringify(ORIGIN + '/samtykke.js')}, {"data-google-ads":"AW-123456789"})`);
const ENGINE_JS = readFileSync(new URL('../../dist/samtykke.js', import.meta.url), 'utf8');
const SNIPPET = `<script async src="${GTAG}"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','AW-123456789');</script>`;
const TEXT = '<p>Vi fører regnskapet ditt og svarer på spørsmål samme dag.</p>'.repeat(40);
const page = (head, body = '') => `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${TEXT}${body}</body></html>`;
// The arms: where the Google script is and what (if anything) is before it.
const ARMS = {
  'control: no start': page(SNIPPET),
  'inline start, Google snippet right after it': page(`<script>${START}</script>${SNIPPET}`),
  'inline start, Google script in <body> after text': page(`<script>${START}</script>`, SNIPPET),
  'inline start, Google script without async': page(`<script>${START}</script><script src="${GTAG}"></script>`),
  "today's sync tag, Google snippet right after it": page(`<script src="/samtykke-sync.js" data-google-ads="AW-123456789"></script>${SNIPPET}`),
};

const dir = mkdtempSync(join(os.tmpdir(), 'samtykke-hold-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=hold', '-keyout', join(dir, 'k'), '-out', join(dir, 'c')], { stdio: 'ignore' });
const tls = { key: readFileSync(join(dir, 'k')), cert: readFileSync(join(dir, 'c')) };
rmSync(dir, { recursive: true });

let html = '';
const seen = []; // [url, epoch ms]
const answer = (req, res, scheme) => {
  const url = new URL(req.url, `${scheme}://${req.headers.host}`);
  seen.push([url.href, Date.now()]);
  const send = (type, body, delay = 0) => setTimeout(() => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body), delay);
  if (url.hostname === 'www.googletagmanager.com') return send('text/javascript', '(window.__gtagRuns=window.__gtagRuns||[]).push(performance.now());');
  if (url.pathname === '/samtykke.js') return send('text/javascript', ENGINE_JS, ENGINE_DELAY);
  if (url.pathname === '/samtykke-sync.js') return send('text/javascript', ENGINE_JS);
  if (url.origin === ORIGIN && url.pathname === '/') return send('text/html; charset=utf-8', html);
  res.writeHead(404).end();
};
const inner = createTls(tls, (q, s) => answer(q, s, 'https'));
const proxy = createServer((q, s) => answer(q, s, 'http'));
proxy.on('connect', (req, socket) => {
  socket.on('error', () => {});
  socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
  inner.emit('connection', socket);
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
const PROXY = `http://127.0.0.1:${proxy.address().port}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Each engine as `{ load(url, read) → what \`read\` found in the page once loaded, close() }`. */
const settled = async (loaded, read) => {
  await loaded;
  await sleep(300);
  return read();
};
const DRIVERS = {
  async chromium() {
    const browser = await chromium.launch({ ...chromiumOptions, proxy: { server: PROXY } });
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const tab = await context.newPage();
    return { version: browser.version(), load: (url, read) => settled(tab.goto(url, { waitUntil: 'load' }), () => tab.evaluate(read)), close: () => browser.close() };
  },
  async firefox() {
    const { hostname, port } = new URL(PROXY);
    const browser = await puppeteer.launch({
      browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true, acceptInsecureCerts: true,
      extraPrefsFirefox: { 'network.proxy.type': 1, 'network.proxy.http': hostname, 'network.proxy.http_port': Number(port), 'network.proxy.ssl': hostname, 'network.proxy.ssl_port': Number(port), 'network.proxy.no_proxies_on': '' },
    });
    const tab = await browser.newPage();
    return { version: await browser.version(), load: (url, read) => settled(tab.goto(url, { waitUntil: 'load' }), () => tab.evaluate(read)), close: () => browser.close() };
  },
  async webkit() {
    // As test/engines/drivers/webkit.ts: an Xvfb of our own, WebKitWebDriver, MiniBrowser with the proxy.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    const display = await new Promise((done) => xvfb.stdio[3].once('data', (d) => done(`:${d.toString().trim()}`)));
    const port = await new Promise((done) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => done(p)); }); });
    const driver = spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    const call = async (method, path, body) => (await (await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) })).json()).value;
    for (let i = 0; i < 100 && !(await fetch(`${base}/status`).then((r) => r.ok, () => false)); i++) await sleep(100);
    const mini = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
    const { sessionId, capabilities } = await call('POST', '/session', { capabilities: { alwaysMatch: { acceptInsecureCerts: true, 'webkitgtk:browserOptions': { binary: mini, args: ['--automation', `--proxy=${PROXY}`] } } } });
    const s = `/session/${sessionId}`;
    return {
      version: capabilities?.browserVersion,
      load: (url, read) => settled(call('POST', `${s}/url`, { url }), () => call('POST', `${s}/execute/sync`, { script: `return (${read})();`, args: [] })),
      close: async () => { await call('DELETE', s).catch(() => {}); driver.kill(); xvfb.kill(); },
    };
  },
};

// In the page: when the start held Google's script (epoch ms) and whether it ran.
const read = () => ({ origin: performance.timeOrigin, held: (window.__held || []).map((h) => [h[0], performance.timeOrigin + h[1]]), runs: (window.__gtagRuns || []).length });

const results = {};
for (const name of ENGINES) {
  const engine = await DRIVERS[name]();
  results[name] = { version: engine.version };
  for (const [arm, body] of Object.entries(ARMS)) {
    html = body;
    const tally = { loads: 0, requested: 0, requestedBeforeHold: 0, ran: 0, held: 0, leadMs: [] };
    for (let i = 0; i < LOADS; i++) {
      seen.length = 0;
      const state = await engine.load(`${ORIGIN}/?${name}-${i}`, read);
      const asked = seen.filter(([u]) => u.startsWith(GTAG));
      const heldAt = state.held.find(([u]) => u.startsWith(GTAG))?.[1];
      tally.loads++;
      if (asked.length) tally.requested++;
      if (asked.length && heldAt !== undefined && asked[0][1] < heldAt) {
        tally.requestedBeforeHold++;
        tally.leadMs.push(Math.round(heldAt - asked[0][1]));
      }
      if (state.runs) tally.ran++;
      if (heldAt !== undefined) tally.held++;
    }
    results[name][arm] = tally;
    console.error(`${name} ${engine.version}: ${arm}: ${JSON.stringify(tally)}`);
  }
  await engine.close();
}
proxy.close();
console.log(JSON.stringify(results, null, 2));
