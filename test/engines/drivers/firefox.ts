import puppeteer, { type ElementHandle, type KeyInput } from 'puppeteer-core';
import { findButton, type Key, type StartEngine } from '../engine';
import { scriptedTab } from './scripted';

const KEYS: Record<Key, readonly KeyInput[]> = { Tab: ['Tab'], 'Shift+Tab': ['Shift', 'Tab'], Enter: ['Enter'], Escape: ['Escape'] };

/** Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core. */
export const startFirefox: StartEngine = async (proxy) => {
  const { hostname, port } = new URL(proxy);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // Every request through the site's proxy, none straight out.
      'network.proxy.type': 1,
      'network.proxy.http': hostname,
      'network.proxy.http_port': Number(port),
      'network.proxy.ssl': hostname,
      'network.proxy.ssl_port': Number(port),
      'network.proxy.no_proxies_on': '',
    },
  });
  return {
    keyActivates: false,
    framesLoadOnInsert: false,
    async open() {
      // A BiDi user context: its own cookies and storage, in the same browser.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return scriptedTab(
        page,
        async (name) => (await page.evaluateHandle(findButton, name)).asElement() as ElementHandle<Element> | null,
        async (key) => {
          for (const k of KEYS[key]) await page.keyboard.down(k);
          for (const k of [...KEYS[key]].reverse()) await page.keyboard.up(k);
        },
        () => context.close(),
      );
    },
    close: () => browser.close(),
  };
};
