import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, TOKEN } from '../../server/test/support/receiver.mjs';
import { readFileSync } from 'node:fs';
import { DIST, faceFile, LOG_FILE } from '../../scripts/built-files.mjs';
import { integrity } from '../../scripts/sri.mjs';
import { ORIGIN, siteFixture, sitePage, type Site } from './harness';

/**
 * The built tag logging to the real receiver (server/, built by `npm test`, run as its own
 * process on 127.0.0.1). The page posts to the log's own host, which the browser reaches
 * through a route to the receiver, so CORS and the answers are the receiver's own.
 */
const LOG_HOST = 'https://log.stressfri.test';
const FIELDS = ['choices', 'id', 'lang', 'path', 'previousId', 'revision', 'servicesHash', 'textsHash', 'time', 'version'];
const PAGE = sitePage({ attrs: `data-google-analytics="G-ABC123XYZ" data-google-ads="AW-123456789" data-privacy-url="/personvern/" data-log-url="${LOG_HOST}/v1/consents"` });
const fixture = siteFixture();

let receiver: { url: string; kill(): Promise<void> };
/** A receiver set up for another site: it refuses this page's origin. */
let elsewhere: { url: string; kill(): Promise<void> };
const dataDirs: string[] = [];

beforeAll(async () => {
  dataDirs.push(await mkdtemp(join(tmpdir(), 'samtykke-log-browser-')), await mkdtemp(join(tmpdir(), 'samtykke-log-browser-')));
  [receiver, elsewhere] = await Promise.all([
    startReceiver({ DATA_DIR: dataDirs[0]!, ALLOWED_ORIGINS: ORIGIN, STORE_PATHS: '1' }),
    startReceiver({ DATA_DIR: dataDirs[1]!, ALLOWED_ORIGINS: 'https://www.another-site.test' }),
  ]);
});

afterAll(async () => {
  await Promise.all([receiver?.kill(), elsewhere?.kill()]);
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

interface Posted {
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly status: number | 'unreachable';
}

/** What the page sent to the log host; `down` fails its requests as a network error. */
interface Log {
  readonly posted: Posted[];
  down: boolean;
  /** When the log host last had a request (epoch ms); the harness's `settled` does not see this route's. */
  last: number;
}

/** Sends the log host's requests to the receiver, or fails them as a network error while `down`. */
async function routeLog(site: Site, to = () => receiver): Promise<Log> {
  const log: Log = { posted: [], down: false, last: Date.now() };
  await site.context.route(`${LOG_HOST}/**`, async (route: Route) => {
    log.last = Date.now();
    const request = route.request();
    const headers = await request.allHeaders();
    if (log.down) {
      log.posted.push({ body: request.postData() ?? '', headers, status: 'unreachable' });
      return route.abort('connectionrefused');
    }
    try {
      const response = await route.fetch({ url: to().url + new URL(request.url()).pathname, headers });
      // Entries only; the snapshots a sender posts on a 428 go to /v1/snapshots.
      if (request.method() === 'POST' && request.url().endsWith('/v1/consents')) log.posted.push({ body: request.postData() ?? '', headers, status: response.status() });
      await route.fulfill({ response });
    } catch (error) {
      // A profile closed at the test's end mid-request takes the route with it; any other
      // failure (the receiver down, a refused fulfil) reaches the run as an unhandled error.
      if (!site.page.isClosed()) throw error;
    }
  });
  return log;
}

const stored = async (id: string) => {
  const response = await fetch(`${receiver.url}/v1/consents/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return response.status === 404 ? [] : (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
};
const consentId = (site: Site) => site.page.evaluate(() => window.samtykke!.get()!.id);
/**
 * "Nothing more was sent" is checked after this: the page settled (two frames, its other
 * requests quiet) and the log host quiet for a quarter of a second too.
 */
async function settle(site: Site, log: Log): Promise<void> {
  await site.settled();
  for (let since = Date.now() - log.last; since < 250; since = Date.now() - log.last) await new Promise((r) => setTimeout(r, 250 - since));
}

describe('the consent log', () => {
  it('a decision reaches the receiver with the documented fields and nothing else', async () => {
    const site = await fixture.open({ pages: { '/om-oss/': PAGE } });
    const log = await routeLog(site);
    await site.goto('/om-oss/?utm_source=nyhetsbrev');
    await site.page.getByRole('button', { name: 'Godta alle', exact: true }).click();
    // The receiver is new and has not seen what this page shows: 428, the sender posts the
    // snapshots, then the same entry again: four round trips, so more time than one.
    await expect.poll(() => log.posted.length, { timeout: 10_000 }).toBe(2);
    const [refused, sent] = log.posted as [Posted, Posted];
    const id = await consentId(site);

    expect(refused.status).toBe(428);
    expect(sent.body).toBe(refused.body);
    expect(sent.status).toBe(201);
    expect(sent.headers['content-type']).toMatch(/^text\/plain/);
    // No cookie, and nothing else that could tell this visitor apart beyond the consent id.
    expect(sent.headers.cookie).toBeUndefined();
    const entry = JSON.parse(sent.body) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(FIELDS);
    expect(entry).toMatchObject({ id, revision: '1', choices: { analytics: true, marketing: true }, lang: 'nb', path: '/om-oss/' });
    expect(entry.time).toBe(await site.page.evaluate(() => window.samtykke!.get()!.time));

    const [kept, ...more] = await stored(id);
    expect(more).toEqual([]);
    const { receivedAt, origin, shown, ...fields } = kept!;
    expect(fields).toEqual(entry);
    expect(receivedAt).toEqual(expect.any(String));
    expect(origin).toBe(ORIGIN);
    // The receiver did not know what this page showed: the sender posted it (after a 428), and
    // the entry now comes back with the services and texts the visitor saw: the built-in
    // wording as the hash of the face file that holds it, the very file this page loaded.
    expect(shown).toMatchObject({
      services: { kind: 'services', services: expect.arrayContaining([expect.objectContaining({ id: 'google-analytics', provider: expect.stringMatching(/Google/) })]) },
      texts: { kind: 'texts', lang: 'nb', face: integrity(readFileSync(DIST + faceFile('nb'))) },
    });
    expect(await site.page.evaluate(() => localStorage.length)).toBe(0);
    // The sender is a part of its own, fetched once with the page.
    expect(site.parts.filter((p) => p === LOG_FILE)).toEqual([LOG_FILE]);
  });

  it('a decision made in <head>, before the sender has arrived, is logged all the same', async () => {
    const early = '<script>window.samtykke.acceptAll()</script>';
    const site = await fixture.open({ pages: { '/': PAGE.replace('</head>', `${early}</head>`) } });
    const log = await routeLog(site);
    await site.goto('/');
    await expect.poll(() => log.posted.length).toBe(1);
    const id = await consentId(site);
    expect(await stored(id)).toEqual([expect.objectContaining({ id, choices: { analytics: true, marketing: true } })]);
  });

  it('a site without logUrl never fetches the sender', async () => {
    const site = await fixture.open({ pages: { '/': sitePage() } });
    await site.goto('/');
    await site.page.getByRole('button', { name: 'Godta alle', exact: true }).click();
    await expect.poll(() => site.page.evaluate(() => window.samtykke!.get() !== null)).toBe(true);
    await site.goto('/');
    await expect.poll(() => site.page.getByRole('button', { name: 'Innstillinger for informasjonskapsler' }).isVisible()).toBe(true);
    expect(site.parts.filter((p) => p === LOG_FILE)).toEqual([]);
  });

  it('logs a withdrawal and a reset as entries of their own', async () => {
    // Without the reload a withdrawal makes, so both entries are sent from this page view.
    const site = await fixture.open({ pages: { '/': PAGE.replace('data-privacy-url=', 'data-reload-on-withdraw="false" data-privacy-url=') } });
    const log = await routeLog(site);
    await site.goto('/');
    await site.page.evaluate(() => window.samtykke!.acceptAll());
    const first = await consentId(site);
    await expect.poll(() => log.posted.length).toBe(1);
    await site.page.evaluate(() => window.samtykke!.reset());
    await expect.poll(() => log.posted.length).toBe(2);
    const entries = await stored(first);
    expect(entries.map((e) => e.choices)).toEqual([{ analytics: true, marketing: true }, {}]);
  });

  it('with the receiver down, the entry arrives on the next page view, once', async () => {
    const site = await fixture.open({ pages: { '/': PAGE, '/om-oss/': PAGE } });
    const log = await routeLog(site);
    log.down = true;
    await site.goto('/');
    await site.page.getByRole('button', { name: 'Avvis alle', exact: true }).click();
    await expect.poll(() => log.posted.length).toBe(1);
    const id = await consentId(site);
    await settle(site, log);
    expect(await stored(id)).toEqual([]);

    log.down = false;
    await site.goto('/om-oss/');
    await expect.poll(() => log.posted.length).toBe(2);
    expect(log.posted[1]!.status).toBe(201);
    expect(log.posted[1]!.body).toBe(log.posted[0]!.body);
    // The path is the page the decision was made on, not the one that delivered it.
    expect(await stored(id)).toEqual([expect.objectContaining({ id, choices: { analytics: false, marketing: false }, path: '/' })]);

    await site.goto('/');
    await settle(site, log);
    expect(log.posted).toHaveLength(2);
  });

  it('drops an entry the log refuses for the page\'s origin, saying so once, and never resends it', async () => {
    const site = await fixture.open({ pages: { '/': PAGE, '/om-oss/': PAGE } });
    const log = await routeLog(site, () => elsewhere);
    const errors: string[] = [];
    site.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await site.goto('/');
    await site.page.getByRole('button', { name: 'Godta alle', exact: true }).click();
    await expect.poll(() => log.posted.length).toBe(1);
    expect(log.posted[0]!.status).toBe(403);
    // The sender read the 403 (a network error would have kept the entry) and dropped it.
    await expect.poll(() => errors.filter((e) => /logUrl: the log refused an entry: 403 origin "https:\/\/[^"]+" is not in ALLOWED_ORIGINS/.test(e)).length).toBe(1);
    expect(await site.page.evaluate(() => localStorage.length)).toBe(0);
    await site.goto('/om-oss/');
    await settle(site, log);
    expect(log.posted).toHaveLength(1);
  });
});
