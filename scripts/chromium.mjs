// How every browser in this repository is launched (tests, bench): Debian's Chromium, or the one
// CHROMIUM_PATH names on another system. Never a downloaded browser.
export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
