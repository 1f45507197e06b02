import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../src/app.js';
import { NO_PROXY } from '../src/client-address.js';
import { silentLog } from '../src/log.js';
import type { ConsentStore } from '../src/store/store.js';
import { STORES } from './stores.js';
import { entry, hashOf, SNAPSHOTS } from './support/load.mjs';
import { ORIGIN, TOKEN } from './support/receiver.mjs';

describe.each(STORES)('receiver on the $name store', (kind) => {
  let store: ConsentStore;
  let app: ReturnType<typeof createApp>;
  const config = { token: TOKEN, allowedOrigins: [ORIGIN], ratePerMinute: 0, globalRatePerMinute: 0, proxy: NO_PROXY, storePaths: true };

  beforeAll(async () => {
    store = await kind.open(await kind.place());
    app = createApp({ store, config, log: silentLog });
    for (const body of Object.values(SNAPSHOTS)) expect((await postSnapshot(body)).status).toBe(201);
  }, 60_000);
  afterAll(() => store.close());

  const post = (body: unknown, headers: Record<string, string> = {}, on = app) =>
    on.request('/v1/consents', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const postSnapshot = (body: string, headers: Record<string, string> = {}) =>
    app.request('/v1/snapshots', { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain', ...headers }, body });
  const read = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { Authorization: `Bearer ${TOKEN}`, ...headers } });
  /** The whole export's entries, checked complete: its last line counts them. */
  const all = async () => {
    const lines = (await (await read('/v1/consents')).text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const entries = lines.filter((l) => 'id' in l);
    expect(lines.at(-1)).toEqual({ count: entries.length });
    return entries;
  };

  it('stores an entry once: 201, then 200 for the same entry sent again', async () => {
    const e = entry(1);
    const first = await post(e);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ status: 'stored' });
    const again = await post(e);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'already stored' });
    const stored = await (await read(`/v1/consents/${e.id}`)).text();
    const lines = stored.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    // With what the visitor was shown, as the sender posted it.
    const shown = { services: JSON.parse(SNAPSHOTS.services), texts: JSON.parse(SNAPSHOTS.texts) };
    expect(lines[0]).toEqual({ ...e, receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), origin: ORIGIN, shown });
  });

  it('stores an entry only once it has what the visitor was shown (428 until then), verified by its hash', async () => {
    const services = '{"kind":"services","services":[{"id":"meta-pixel","provider":"Meta Platforms Ireland Limited","purpose":"marketing"}]}';
    const e = { ...entry(9), servicesHash: hashOf(services) };
    const first = await post(e);
    expect(first.status).toBe(428);
    expect(await first.json()).toEqual({ error: expect.stringMatching(/no snapshot for servicesHash/), need: ['servicesHash'] });
    expect(first.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    // Keys in any order and spacing: the receiver hashes the canonical form, as the sender does.
    const scrambled = JSON.stringify({ services: JSON.parse(services).services, kind: 'services' }, null, 2);
    const put = await postSnapshot(scrambled);
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ status: 'stored', hash: e.servicesHash });
    expect((await postSnapshot(services)).status).toBe(200);
    // Content that is not what the hash stands for is stored under its own hash, never under this one.
    expect((await (await postSnapshot(services.replace('Meta', 'Other'))).json()).hash).not.toBe(e.servicesHash);
    expect((await post(e)).status).toBe(201);
    expect((await postSnapshot('{"kind":"cookies"}')).status).toBe(400);
  });

  it('links a changed decision to the one it replaced', async () => {
    const first = entry(10);
    const changed = { ...entry(11), previousId: first.id };
    expect((await post(first)).status).toBe(201);
    expect((await post(changed)).status).toBe(201);
    const [line] = (await (await read(`/v1/consents/${changed.id}`)).text()).split('\n').map((l) => JSON.parse(l || '{}'));
    expect(line.previousId).toBe(first.id);
    expect((await post({ ...entry(12), previousId: 'x' })).status).toBe(400);
    // An older sender leaves the field out: read as a first decision.
    const { previousId: _, ...older } = entry(13);
    expect((await post(older)).status).toBe(201);
  });

  it('refuses different content under a stored id and time (409), keeping the stored one', async () => {
    const e = entry(2);
    expect((await post(e)).status).toBe(201);
    const forged = await post({ ...e, choices: { analytics: true, marketing: true } });
    expect(forged.status).toBe(409);
    const [stored] = (await (await read(`/v1/consents/${e.id}`)).text()).split('\n').map((l) => JSON.parse(l || '{}'));
    expect(stored.choices).toEqual(e.choices);
  });

  const base = entry(3);
  const BAD: [string, () => Response | Promise<Response>, number, RegExp][] = [
    ['malformed JSON', () => post('{"id": "abc'), 400, /not valid JSON/],
    ['an array', () => post([base]), 400, /JSON object/],
    ['an unknown field', () => post({ ...base, userAgent: 'Mozilla/5.0' }), 400, /unknown field "userAgent"/],
    ['a missing field', () => post({ ...base, lang: undefined }), 400, /missing field "lang"/],
    ['a number for the id', () => post({ ...base, id: 12345678 }), 400, /"id" must be a string/],
    ['a string for a choice', () => post({ ...base, choices: { analytics: 'yes' } }), 400, /\.analytics must be true or false/],
    ['an unknown purpose', () => post({ ...base, choices: { tracking: true } }), 400, /unknown purpose "tracking"/],
    ['an unknown language', () => post({ ...base, lang: 'de' }), 400, /"lang" must be one of nb, nn, en/],
    ['a time that is no date', () => post({ ...base, time: '2026-02-30T00:00:00.000Z' }), 400, /real date/],
    ['a path with a query string', () => post({ ...base, path: '/side?email=a@b.no' }), 400, /"path"/],
    ['a huge body', () => post({ ...base, path: '/' + 'a'.repeat(MAX_BODY_BYTES) }), 413, /larger than 4096 bytes/],
    ['a huge body without a length', () => app.request('/v1/consents', { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' }, body: new Blob(['x'.repeat(100_000)]).stream(), duplex: 'half' } as RequestInit), 413, /larger than/],
    ['a form body', () => post(base, { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, /Content-Type/],
    ['another site\'s origin', () => post(base, { Origin: 'https://evil.example' }), 403, /not in ALLOWED_ORIGINS/],
    ['no origin', () => app.request('/v1/consents', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(base) }), 403, /origin null/],
  ];
  it.each(BAD)('answers %s with a clear 4xx, stores nothing and keeps serving', async (_, send, status, reason) => {
    const before = (await all()).length;
    const res = await send();
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(reason);
    expect(await all()).toHaveLength(before);
    expect((await post(entry(1000 + before))).status).toBe(201);
  });

  it('reads only with the right bearer token', async () => {
    for (const auth of [undefined, 'Bearer wrong-token-0123456789abcdef', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const headers: Record<string, string> = auth ? { Authorization: auth } : {};
      for (const path of ['/v1/consents', `/v1/consents/${entry(1).id}`]) {
        const res = await app.request(path, { headers });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(await res.text()).not.toContain(entry(1).id);
      }
    }
    const closed = createApp({ store, config: { ...config, token: null }, log: silentLog });
    const res = await closed.request('/v1/consents', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/SAMTYKKE_LOG_TOKEN is not set/);
  });

  it('answers 404 for a consent id it has no entries for', async () => {
    expect((await read('/v1/consents/neverseen123')).status).toBe(404);
  });

  it('exports a time range as NDJSON or CSV, oldest first', async () => {
    for (const n of [5000, 5001, 5002]) await post(entry(n));
    const from = entry(5000).time;
    const to = entry(5002).time; // exclusive
    const ndjson = await read(`/v1/consents?from=${from}&to=${to}`);
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson');
    // Each snapshot the entries name comes once, before the first entry naming it.
    const lines = (await ndjson.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.snapshot ?? l.id ?? l)).toEqual([entry(5000).servicesHash, entry(5000).textsHash, entry(5000).id, entry(5001).id, { count: 2 }]);
    expect(lines[0].content).toEqual(JSON.parse(SNAPSHOTS.services));
    for (const res of [await read(`/v1/consents?from=${from}&to=${to}`, { Accept: 'text/csv' }), await read(`/v1/consents?from=${from}&to=${to}&format=csv`)]) {
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = (await res.text()).trim().split('\r\n');
      expect(rows[0]).toBe('id,time,revision,servicesHash,functional,analytics,marketing,lang,version,textsHash,path,previousId,receivedAt,origin');
      const e = entry(5000);
      expect(rows[1]).toMatch(new RegExp(`^${e.id},${from},r1,${e.servicesHash},,true,false,nb,0.1.0,${e.textsHash},/produkter,,[^,]+,${ORIGIN}$`));
      expect(rows).toHaveLength(4);
      expect(rows[3]).toBe('#count,2');
    }
    expect((await read('/v1/consents?from=yesterday')).status).toBe(400);
    expect((await read('/v1/consents?format=xml')).status).toBe(400);
  });

  it('breaks off an export whose reading fails midway, so it cannot pass for complete', async () => {
    for (const n of [5100, 5101, 5102]) await post(entry(n));
    const failing = Object.create(store) as ConsentStore;
    failing.range = async function* (from, to) {
      let n = 0;
      for await (const e of store.range(from, to)) {
        if (++n === 3) throw new Error('connection lost');
        yield e;
      }
    };
    const broken = createApp({ store: failing, config, log: silentLog });
    const res = await broken.request('/v1/consents', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200); // the head was sent before the failure
    await expect(res.text()).rejects.toThrow('connection lost');
    // Over HTTP the connection breaks, so curl or fetch reports it.
    const server = serve({ fetch: broken.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const http = await fetch(`http://127.0.0.1:${port}/v1/consents`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      await expect(http.text()).rejects.toThrow();
    } finally {
      server.close();
    }
  });

  it('lets only the listed origins through CORS', async () => {
    const preflight = (origin: string) =>
      app.request('/v1/consents', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    expect((await preflight(ORIGIN)).headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(entry(6000))).headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  /** A post over a connection from `peer`, as the Node adapter hands it to the app. */
  const postFrom = (on: typeof app, peer: string, n: number, headers: Record<string, string> = {}) =>
    on.request(
      '/v1/consents',
      { method: 'POST', headers: { Origin: ORIGIN, 'Content-Type': 'text/plain', ...headers }, body: JSON.stringify(entry(n)) },
      { incoming: { socket: { remoteAddress: peer } } },
    );
  const statuses = async (sends: (() => Response | Promise<Response>)[]) => {
    const out: number[] = [];
    for (const send of sends) out.push((await send()).status);
    return out;
  };

  it('limits the entries one client may post a minute (429), then serves others', async () => {
    const limited = createApp({ store, config: { ...config, ratePerMinute: 3 }, log: silentLog });
    expect(await statuses([7000, 7001, 7002, 7003].map((n) => () => postFrom(limited, '192.0.2.1', n)))).toEqual([201, 201, 201, 429]);
    expect((await all()).some((e) => e.id === entry(7003).id)).toBe(false);
    expect((await postFrom(limited, '192.0.2.2', 7004)).status).toBe(201);
  });

  it('counts a whole IPv6 /64 as one client', async () => {
    const limited = createApp({ store, config: { ...config, ratePerMinute: 2 }, log: silentLog });
    const same64 = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:abcd::7'];
    expect(await statuses(same64.map((peer, i) => () => postFrom(limited, peer, 7100 + i)))).toEqual([201, 201, 429]);
    expect((await postFrom(limited, '2001:db8:1:3::1', 7103)).status).toBe(201);
  });

  it('bounds what all clients together may post a minute', async () => {
    const limited = createApp({ store, config: { ...config, ratePerMinute: 10, globalRatePerMinute: 3 }, log: silentLog });
    const res = await statuses([7200, 7201, 7202, 7203].map((n, i) => () => postFrom(limited, `198.51.100.${i + 1}`, n)));
    expect(res).toEqual([201, 201, 201, 429]);
  });

  it('behind proxies, limits the client they name, and cannot be fooled through the port directly', async () => {
    // Two proxies of the owner's in front (a CDN edge, then a load balancer): X-Forwarded-For
    // holds what the client claims, the client as the edge saw it, then the edge.
    const proxied = createApp({ store, config: { ...config, ratePerMinute: 2, proxy: { hops: 2, ranges: [], header: null } }, log: silentLog });
    const viaProxies = (n: number, claimed: string) => postFrom(proxied, '10.0.0.2', n, { 'X-Forwarded-For': `${claimed}, 203.0.113.7, 10.0.0.1` });
    expect(await statuses([7300, 7301, 7302].map((n, i) => () => viaProxies(n, `192.0.2.${i}`)))).toEqual([201, 201, 429]);

    // Trust by address: posts straight to the port, from outside the proxies' range, are
    // limited by their own address whatever they claim.
    const ranged = createApp({ store, config: { ...config, ratePerMinute: 3, proxy: { hops: 0, ranges: ['10.0.0.0/8'], header: 'CF-Connecting-IP' } }, log: silentLog });
    const spoofed = Array.from({ length: 8 }, (_, i) => () => postFrom(ranged, '203.0.113.50', 7400 + i, { 'X-Forwarded-For': `192.0.2.${i}`, 'CF-Connecting-IP': `192.0.2.${i}` }));
    expect((await statuses(spoofed)).filter((s) => s === 201)).toHaveLength(3);
    // Through the proxy, the named header is the client.
    expect(await statuses([7500, 7501].map((n) => () => postFrom(ranged, '10.1.2.3', n, { 'CF-Connecting-IP': '198.51.100.9' })))).toEqual([201, 201]);
  });

  it('accepts a decision time only from 400 days ago to one day ahead', async () => {
    const at = (ms: number) => ({ ...entry(7600), time: new Date(ms).toISOString() });
    const day = 86_400_000;
    for (const time of ['0000-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z']) {
      const res = await post({ ...entry(7601), time });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/"time" must lie within 400 days before and 1 day after/);
    }
    expect((await post(at(Date.now() - 401 * day))).status).toBe(400);
    expect((await post(at(Date.now() + 2 * day))).status).toBe(400);
    expect((await post(at(Date.now() - 399 * day))).status).toBe(201);
  });

  it('answers a post from an unlisted origin with a 403 the posting page can read', async () => {
    const res = await post(entry(7700), { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('stores no address or other request detail', async () => {
    const res = await post(entry(8000), { 'X-Forwarded-For': '203.0.113.9', 'User-Agent': 'Agent/1.0' });
    expect(res.status).toBe(201);
    const text = await (await read(`/v1/consents/${entry(8000).id}`)).text();
    expect(text).not.toMatch(/203\.0\.113\.9|Agent/);
  });

  it('keeps no page path unless STORE_PATHS is on, and still imports such entries', async () => {
    const pathless = createApp({ store, config: { ...config, storePaths: false }, log: silentLog });
    const e = { ...entry(8300), path: '/ordre/12345/tilbakestill-passord' };
    expect((await post(e, {}, pathless)).status).toBe(201);
    expect((await post(e, {}, pathless)).status).toBe(200); // a resend is the same entry
    const [line] = (await (await read(`/v1/consents/${e.id}`)).text()).split('\n').map((l) => JSON.parse(l || '{}'));
    expect(line.path).toBe('');
  });

  it('reduces a path to the owner\'s route pattern it matches (PATH_PATTERNS) before storing it', async () => {
    const pathPatterns = ['/ordre/:id', '/tilbakestill/*'];
    const stored = async (on: ReturnType<typeof createApp>, n: number, path: string) => {
      expect((await post({ ...entry(n), path }, {}, on)).status).toBe(201);
      return JSON.parse((await (await read(`/v1/consents/${entry(n).id}`)).text()).split('\n')[0]!).path;
    };
    const patternsOnly = createApp({ store, config: { ...config, storePaths: false, pathPatterns }, log: silentLog });
    expect(await stored(patternsOnly, 8400, '/ordre/12345')).toBe('/ordre/:id');
    expect(await stored(patternsOnly, 8401, '/ordre/12345/')).toBe('/ordre/:id');
    expect(await stored(patternsOnly, 8402, '/tilbakestill/k9x2/bekreft')).toBe('/tilbakestill/*');
    expect(await stored(patternsOnly, 8403, '/ordre/12345/kvittering')).toBe(''); // matches no pattern: nothing of it kept
    // With STORE_PATHS=1 too, a path that matches no pattern is kept as it is.
    const patternsAndPaths = createApp({ store, config: { ...config, storePaths: true, pathPatterns }, log: silentLog });
    expect(await stored(patternsAndPaths, 8404, '/om-oss')).toBe('/om-oss');
    expect(await stored(patternsAndPaths, 8405, '/ordre/777')).toBe('/ordre/:id');
  });

  it('erases one consent id\'s history with the token, and only that', async () => {
    const [a, b] = [entry(8100), entry(8101)];
    expect((await post(a)).status).toBe(201);
    expect((await post(b)).status).toBe(201);
    expect((await app.request(`/v1/consents/${a.id}`, { method: 'DELETE' })).status).toBe(401);
    const erased = await app.request(`/v1/consents/${a.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(await erased.json()).toEqual({ status: 'erased', erased: 1 });
    expect((await read(`/v1/consents/${a.id}`)).status).toBe(404);
    expect((await read(`/v1/consents/${b.id}`)).status).toBe(200);
  });

  it('imports an export as it was (receivedAt and origin kept), so export then import round-trips', async () => {
    for (const e of [entry(8200), { ...entry(8201), previousId: entry(8200).id }]) expect((await post(e)).status).toBe(201);
    const exported = await (await read('/v1/consents')).text();
    expect(exported).toContain(`"previousId":"${entry(8200).id}"`);
    const other = await kind.open(await kind.place());
    try {
      const restored = createApp({ store: other, config, log: silentLog });
      const importing = (body: string) => restored.request('/v1/import', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body });
      const res = await importing(exported);
      expect(res.status).toBe(200);
      const lines = exported.split('\n').filter(Boolean);
      const entries = lines.filter((l) => l.startsWith('{"id"')).length;
      expect(await res.json()).toEqual({ status: 'imported', imported: entries, alreadyStored: 0 });
      const again = await (await restored.request('/v1/consents', { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      expect(again).toBe(exported);
      // Importing twice stores nothing twice; a file that broke off is refused as incomplete.
      expect(await (await importing(exported)).json()).toMatchObject({ imported: 0, alreadyStored: entries });
      const cut = await importing(lines.slice(0, 3).join('\n'));
      expect(cut.status).toBe(400);
      expect((await cut.json()).error).toMatch(/the export is incomplete: its count line says nothing/);
      expect((await importing('{"id":"x"}\n')).status).toBe(400);
      expect((await restored.request('/v1/import', { method: 'POST', body: exported })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('retention deletes only entries received before the cut-off', async () => {
    const count = (await all()).length;
    expect(await store.deleteReceivedBefore(new Date(Date.now() - 60_000))).toBe(0);
    expect(await all()).toHaveLength(count);
    expect(await store.deleteReceivedBefore(new Date(Date.now() + 60_000))).toBe(count);
    expect(await all()).toHaveLength(0);
  });

  it('reports healthy on /healthz', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
