import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { applied, findButton, type Key, type StartEngine, type Tab } from '../engine';

const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** W3C WebDriver's key for an element reference, and its codes for the keys we press. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const KEYS: Record<Key, readonly string[]> = { Tab: ['\uE004'], 'Shift+Tab': ['\uE008', '\uE004'], Enter: ['\uE007'], Escape: ['\uE00C'] };

/**
 * WebKitGTK (MiniBrowser) through WebKitWebDriver, plain W3C WebDriver over HTTP. The GTK port
 * has no headless mode, so it draws into an Xvfb of our own; both are stopped by their PIDs.
 * The proxy is a MiniBrowser argument: given as the WebDriver `proxy` capability, HTTPS fails.
 */
export const startWebKit: StartEngine = async (proxy) => {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise<string>((done, fail) => {
    xvfb.stdio[3]!.once('data', (d: Buffer) => done(`:${d.toString().trim()}`));
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (${code})`)));
  });
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  const stop = () => [driver, xvfb].forEach((p: ChildProcess) => p.pid && !p.killed && p.kill());
  try {
    const base = `http://127.0.0.1:${port}`;
    await until(() => fetch(`${base}/status`).then((r) => r.ok, () => false));
    return {
      keyActivates: true,
      framesLoadOnInsert: false,
      async open(): Promise<Tab> {
        // Each session is its own MiniBrowser with an ephemeral profile. Now and then (about one
        // start in a few hundred on 2 busy cores) a MiniBrowser never connects back and the driver
        // never answers: starting the browser is the harness's step, not the product's, so it is
        // tried once more, and a second hang fails with its cause.
        const capabilities = { alwaysMatch: { acceptInsecureCerts: true, 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--proxy=${proxy}`] } } };
        const create = () => call<{ sessionId: string }>(base, 'POST', '/session', { capabilities });
        const created = await create().catch((error: unknown) => {
          if (!(error instanceof Error && error.message.includes('no answer'))) throw error;
          return create();
        });
        const session = `/session/${created.sessionId}`;
        const run = <A, R>(fn: (arg: A) => R, arg: A) => call<R>(base, 'POST', `${session}/execute/sync`, { script: `return ${applied(fn, arg)};`, args: [] });
        // An element comes back from the page as its WebDriver reference.
        const button = (name: string) => run(findButton, name) as unknown as Promise<Record<string, string> | null>;
        return {
          async goto(url) {
            await call(base, 'POST', `${session}/url`, { url });
          },
          run,
          shown: async (name) => !!(await button(name)),
          async click(name) {
            const found = await button(name);
            if (found) await call(base, 'POST', `${session}/element/${found[ELEMENT]}/click`, {});
          },
          async press(key) {
            const keys = KEYS[key];
            const actions = [...keys.map((value) => ({ type: 'keyDown', value })), ...[...keys].reverse().map((value) => ({ type: 'keyUp', value }))];
            await call(base, 'POST', `${session}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions }] });
          },
          async close() {
            await call(base, 'DELETE', session);
          },
        };
      },
      close: async () => stop(),
    };
  } catch (error) {
    stop();
    throw error;
  }
};

/**
 * One WebDriver command; its `value`, or the driver's error as an exception. A command the
 * driver never answers fails after a while with its name, instead of running the test into its
 * timeout without saying which step hung (starting a MiniBrowser may take longer).
 */
async function call<T = unknown>(base: string, method: string, path: string, body?: object): Promise<T> {
  const ms = path === '/session' ? 45_000 : 20_000;
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body), signal: AbortSignal.timeout(ms) }).catch((error: unknown) => {
    throw new Error(`WebDriver ${method} ${path}: no answer in ${ms / 1000} s`, { cause: error });
  });
  const { value } = (await res.json()) as { value: T & { error?: string; message?: string } };
  if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error} ${value?.message}`);
  return value;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

async function until(ready: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await ready()) return;
  throw new Error('WebKitWebDriver did not start');
}
