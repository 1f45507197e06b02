import { applied, type Key, type Tab } from '../engine';

/** What playwright-core's and puppeteer-core's pages have in common, as far as a Tab needs it. */
interface ScriptedPage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}

/**
 * A Tab on a page of a library that evaluates scripts and clicks elements itself
 * (playwright-core, puppeteer-core); `button` finds a visible button by name, or null.
 */
export function scriptedTab(
  page: ScriptedPage,
  button: (name: string) => Promise<{ click(): Promise<void> } | null>,
  press: (key: Key) => Promise<void>,
  close: () => Promise<void>,
): Tab {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    run: (fn, arg) => page.evaluate(applied(fn, arg)) as Promise<never>,
    shown: async (name) => !!(await button(name)),
    async click(name) {
      await (await button(name))?.click();
    },
    press,
    close,
  };
}
