import { afterAll, beforeAll } from 'vitest';
import { startStaticServer, type DemoServer } from '../../demo/server/servers';
import { startChromium } from './drivers/chromium';
import { startFirefox } from './drivers/firefox';
import { startWebKit } from './drivers/webkit';
import { ownerPath } from './owner-path';

/** The owner's path in the three engines, against one build of the static site (`build:site`). */
let pages: DemoServer;
beforeAll(async () => {
  pages = await startStaticServer();
});
afterAll(async () => {
  await pages?.close();
});

ownerPath('Chromium', startChromium, () => pages);
ownerPath('Firefox ESR', startFirefox, () => pages);
ownerPath('WebKitGTK', startWebKit, () => pages);
