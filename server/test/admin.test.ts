import { readFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES } from './stores.js';
import { entry, postSnapshots } from './support/load.mjs';
import { ORIGIN, startReceiver, TOKEN } from './support/receiver.mjs';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
});
afterAll(() => browser?.close());

describe.each(STORES)('the /admin page on the $name store, in Chromium', (kind) => {
  it('shows the rates, the latest entries, a search by consent id and the exports, behind the token', { timeout: 120_000 }, async () => {
    const receiver = await startReceiver({ ...(await kind.place()), RATE_LIMIT_PER_MINUTE: '0' });
    const page = await browser.newPage({ acceptDownloads: true });
    const problems: string[] = [];
    // A failed resource is expected here (the wrong token's 401, the favicon's 404); anything else is not.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await postSnapshots(receiver.url);
      // Decided today: the page shows the last 30 days.
      const today = (n: number) => ({ ...entry(n), time: new Date(Date.now() - n * 1000).toISOString() });
      for (const n of [1, 2, 3]) {
        const res = await fetch(`${receiver.url}/v1/consents`, { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body: JSON.stringify(today(n)) });
        expect(res.status).toBe(201);
      }
      await page.goto(`${receiver.url}/admin`);
      await page.getByLabel('Token').fill('wrong-token-0123456789abcdef');
      await page.getByRole('button', { name: 'Åpne' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Feil token.');
      expect(await page.locator('#main').isHidden()).toBe(true);

      await page.getByLabel('Token').fill(TOKEN);
      await page.getByRole('button', { name: 'Åpne' }).click();
      await page.locator('#latest tr').nth(2).waitFor();
      expect(await page.locator('#latest tr td:nth-child(2)').allTextContents()).toEqual(expect.arrayContaining([entry(1).id, entry(2).id, entry(3).id]));
      // One column per day, split into the four kinds: entry 1 refused all, 2 and 3 chose some.
      expect(Number(await page.locator('#chart rect[data-kind="rejectAll"]').getAttribute('height'))).toBeCloseTo(100 / 3);
      expect(Number(await page.locator('#chart rect[data-kind="custom"]').getAttribute('height'))).toBeCloseTo(200 / 3);

      await page.getByLabel('Samtykke-id').fill(entry(2).id);
      await page.getByRole('button', { name: 'Søk' }).click();
      await expect.poll(() => page.locator('#found').textContent()).toContain(`"id": "${entry(2).id}"`);

      for (const [button, last] of [['Last ned NDJSON', '{"count":3}'], ['Last ned CSV', '#count,3']] as const) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
        expect((await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/).at(-1)).toBe(last);
      }
      expect(problems).toEqual([]); // nothing broke, the strict CSP included
    } finally {
      await page.close();
      await receiver.kill('SIGTERM');
    }
  });
});
