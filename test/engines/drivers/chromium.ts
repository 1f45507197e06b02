import { launch } from '../../browser/harness';
import { findButton, type StartEngine } from '../engine';
import { scriptedTab } from './scripted';

/** Debian's Chromium through playwright-core, launched as the Chromium suite launches it. */
export const startChromium: StartEngine = async (proxy) => {
  const browser = await launch();
  return {
    keyActivates: true,
    framesLoadOnInsert: true,
    async open() {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, proxy: { server: proxy } });
      const page = await context.newPage();
      return scriptedTab(
        page,
        async (name) => (await page.evaluateHandle(findButton, name)).asElement(),
        (key) => page.keyboard.press(key),
        () => context.close(),
      );
    },
    close: () => browser.close(),
  };
};
