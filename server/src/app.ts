import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ADMIN_CSP, ADMIN_HTML, ADMIN_JS } from './admin/page.js';
import { clientAddressOf, limitKey } from './client-address.js';
import type { Config } from './config.js';
import { DAY, lastSealable } from './digest.js';
import { parseEntry } from './entry.js';
import { pathReducer } from './path-pattern.js';
import { ImportRefused, linesOf, parseExportLine } from './import.js';
import { CONTENT_TYPE, csvHeader, exportStream, formatLine, pickFormat } from './export-format.js';
import type { Log } from './log.js';
import { RateLimit } from './rate-limit.js';
import { MAX_SNAPSHOT_BYTES, parseSnapshot } from './snapshot.js';
import type { ConsentStore } from './store/store.js';

/** A few times the largest valid entry (about 1.2 kB), far below anything that could hurt. */
export const MAX_BODY_BYTES = 4096;
const POST_TYPES = /^(text\/plain|application\/json)\s*(;|$)/i;

export interface AppOptions {
  readonly store: ConsentStore;
  // Route patterns are optional here: none is the same as PATH_PATTERNS unset.
  readonly config: Pick<Config, 'token' | 'allowedOrigins' | 'ratePerMinute' | 'globalRatePerMinute' | 'proxy' | 'storePaths'> & Partial<Pick<Config, 'pathPatterns'>>;
  readonly log: Log;
}

const fail = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 428 | 429 | 503, error: string) => c.json({ error }, status);

export function createApp({ store, config, log }: AppOptions): Hono {
  const app = new Hono();
  const perClient = new RateLimit(config.ratePerMinute);
  const everyone = new RateLimit(config.globalRatePerMinute);
  const allowed = new Set(config.allowedOrigins);
  const tokenDigest = config.token === null ? null : createHash('sha256').update(config.token).digest();

  const clientOf = clientAddressOf(config.proxy);
  // A path can name an order or hold a reset token: kept only as the owner chose.
  const pathToStore = pathReducer(config.pathPatterns ?? [], config.storePaths);
  const clientAddress = (c: Context): string => {
    let peer = '';
    try {
      peer = getConnInfo(c).remote.address ?? '';
    } catch {
      // not served by the Node adapter (app.request without a socket): one shared bucket
    }
    return clientOf(peer, (name) => c.req.header(name));
  };

  app.use(async (c, next) => {
    const start = performance.now();
    await next();
    // The route pattern, never the path: a path can hold a consent id.
    log('info', 'request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - start) });
  });

  app.onError((error, c) => {
    log('error', 'unhandled', { route: c.req.routePath, error: error.name, code: String((error as { code?: unknown }).code ?? '') });
    return fail(c, 503, 'the log is unavailable, try again later');
  });

  // The owner's page; it holds no data, the token it asks for guards the endpoints it reads.
  app.get('/admin', (c) => c.html(ADMIN_HTML, 200, { 'Content-Security-Policy': ADMIN_CSP, 'Cache-Control': 'no-store' }));
  app.get('/admin/admin.js', (c) => c.body(ADMIN_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }));

  app.get('/healthz', async (c) => ((await store.healthy()) ? c.json({ status: 'ok' }) : c.json({ status: 'store unavailable' }, 503)));

  for (const path of ['/v1/consents', '/v1/snapshots']) {
    app.use(
      path,
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['POST'],
        allowHeaders: ['Content-Type'],
        maxAge: 86_400,
      }),
    );
  }

  /** What every post passes first: a listed origin, the rate limits, a content type. */
  const admit: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined || !allowed.has(origin)) {
      // Readable by the page that posted, so its sender hears "refused for good" and drops the
      // entry; a 403 without CORS headers is a network error to it, and it would resend forever.
      if (origin !== undefined) c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      return fail(c, 403, `origin ${JSON.stringify(origin ?? null)} is not in ALLOWED_ORIGINS`);
    }
    if (!perClient.take(limitKey(clientAddress(c)))) return fail(c, 429, 'too many entries from this client, try again in a minute');
    // After the client's own limit, so one client's refused posts do not use up everyone's.
    if (!everyone.take('')) return fail(c, 429, 'the log takes no more entries this minute, try again later');
    if (!POST_TYPES.test(c.req.header('content-type') ?? '')) return fail(c, 415, 'Content-Type must be text/plain or application/json');
    await next();
  };
  const sizeLimit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => fail(c, 413, `body larger than ${maxSize} bytes`) });

  app.post('/v1/consents', admit, sizeLimit(MAX_BODY_BYTES), async (c) => {
    const parsed = parseEntry(await c.req.text(), Date.now());
    if (!parsed.ok) return fail(c, 400, parsed.reason);
    const need = await store.missingSnapshots(parsed.entry);
    // Not stored: an entry must point at what the visitor was shown. The sender posts the
    // snapshots to /v1/snapshots and sends the entry again.
    if (need.length) return c.json({ error: `the log has no snapshot for ${need.join(' and ')}: post it to /v1/snapshots, then the entry again`, need }, 428);
    const entry = { ...parsed.entry, path: pathToStore(parsed.entry.path) };
    const result = await store.insert(entry, c.req.header('origin')!);
    if (result === 'conflict') return fail(c, 409, 'an entry with this id and time is already stored with different content');
    return result === 'created' ? c.json({ status: 'stored' }, 201) : c.json({ status: 'already stored' }, 200);
  });

  app.post('/v1/snapshots', admit, sizeLimit(MAX_SNAPSHOT_BYTES), async (c) => {
    const parsed = parseSnapshot(await c.req.text());
    if (!parsed.ok) return fail(c, 400, parsed.reason);
    const result = await store.putSnapshot(parsed.hash, parsed.content);
    return c.json({ status: result === 'created' ? 'stored' : 'already stored', hash: parsed.hash }, result === 'created' ? 201 : 200);
  });

  const authorised = (c: Context): boolean => {
    const [scheme, given] = (c.req.header('authorization') ?? '').split(' ');
    if (tokenDigest === null || scheme !== 'Bearer' || !given) return false;
    // Digests of equal length, so the comparison takes the same time whatever was sent.
    return timingSafeEqual(createHash('sha256').update(given).digest(), tokenDigest);
  };

  const requireToken: MiddlewareHandler = async (c, next) => {
    if (authorised(c)) return next();
    c.header('WWW-Authenticate', 'Bearer');
    return fail(c, 401, tokenDigest === null ? 'reading is switched off: SAMTYKKE_LOG_TOKEN is not set' : 'a valid bearer token is required');
  };

  app.get('/v1/consents/:id', requireToken, async (c) => {
    const format = pickFormat(c.req.query('format'), c.req.header('accept'));
    if (!format) return fail(c, 400, 'format must be ndjson or csv');
    const entries = await store.byId(c.req.param('id'));
    if (!entries.length) return fail(c, 404, 'no entries for this consent id');
    const body = (format === 'csv' ? csvHeader() : '') + entries.map((e) => formatLine(e, format)).join('');
    return c.body(body, 200, { 'Content-Type': CONTENT_TYPE[format] });
  });

  // A visitor's request to have their history erased (GDPR Art. 17): the one deletion besides
  // retention. The log line says that an erasure happened and how many entries went, never whose.
  app.delete('/v1/consents/:id', requireToken, async (c) => {
    const erased = await store.erase(c.req.param('id'));
    log('info', 'erasure', { erased });
    return erased ? c.json({ status: 'erased', erased }) : fail(c, 404, 'no entries for this consent id');
  });

  // Restores an NDJSON export, as it was: receivedAt and origin kept, entries already stored
  // skipped; all of it or, refused, none of it (ConsentStore.importing).
  app.post('/v1/import', requireToken, async (c) => {
    const body = c.req.raw.body;
    if (!body) return fail(c, 400, 'the body must be an NDJSON export of /v1/consents');
    const refuse = (message: string): never => {
      throw new ImportRefused(400, `${message}: nothing was imported`);
    };
    try {
      const { imported, already } = await store.importing(async (into) => {
        let imported = 0;
        let already = 0;
        let line = 0;
        let counted: number | null = null;
        for await (const text of linesOf(body)) {
          line++;
          if (!text.trim()) continue;
          if (counted !== null) refuse(`line ${line}: nothing may follow the count line`);
          const parsed = parseExportLine(text);
          if (!parsed.ok) return refuse(`line ${line}: ${parsed.reason}`);
          if (parsed.kind === 'part') refuse(`line ${line}: this is an export of the days ${parsed.from} to ${parsed.to}, whose chain starts in the middle; import a whole export`);
          else if (parsed.kind === 'count') counted = parsed.count;
          else if (parsed.kind === 'snapshot') await into.snapshot(parsed.hash, parsed.content);
          else if (parsed.kind === 'erased') await into.erasure(parsed.erasure);
          else if (parsed.kind === 'seal') await into.seal(parsed.seal);
          else if (await into.entry(parsed.entry)) imported++;
          else already++;
        }
        // The count line is what tells a complete export from one that broke off.
        if (counted !== imported + already) refuse(`the export is incomplete: its count line says ${counted ?? 'nothing'}, it held ${imported + already} entries`);
        return { imported, already };
      });
      log('info', 'import', { imported, already });
      return c.json({ status: 'imported', imported, alreadyStored: already });
    } catch (error) {
      if (error instanceof ImportRefused) return fail(c, error.status, error.message);
      throw error;
    }
  });

  // One day's link in the chain of seals, for the owner to keep away from the log (see README, Tamper evidence).
  app.get('/v1/digest', requireToken, async (c) => {
    const day = c.req.query('day') ?? '';
    if (!DAY.test(day) || Number.isNaN(Date.parse(day))) return fail(c, 400, 'day must be a UTC date like 2026-01-31');
    const last = lastSealable(Date.now());
    if (day > last) return fail(c, 404, `${day} is not sealed yet: a day is sealed 5 minutes after it ends (UTC)`);
    await store.seal(last);
    const seal = await store.sealOf(day);
    return seal ? c.json(seal) : fail(c, 404, `${day} lies before the log's first sealed day`);
  });

  const bounds = (c: Context): { from: Date | null; to: Date | null } | null => {
    const bound = (name: 'from' | 'to'): Date | null | undefined => {
      const raw = c.req.query(name);
      if (raw === undefined || raw === '') return null;
      const d = new Date(raw);
      return /^\d{4}-\d{2}-\d{2}/.test(raw) && !Number.isNaN(d.getTime()) ? d : undefined;
    };
    const from = bound('from');
    const to = bound('to');
    return from === undefined || to === undefined ? null : { from, to };
  };
  const BOUNDS_ERROR = 'from and to must be ISO 8601 dates or times, e.g. 2026-01-01 or 2026-01-01T00:00:00Z';

  /** `days=2026-01-01/2026-01-31` (or one day): UTC days of receivedAt, both included; undefined when absent, null when malformed. */
  const daysOf = (c: Context): { from: string; to: string } | null | undefined => {
    const raw = c.req.query('days');
    if (raw === undefined) return undefined;
    const [from, to = from, more] = raw.split('/');
    const day = (d: string | undefined): d is string => d !== undefined && DAY.test(d) && !Number.isNaN(Date.parse(d));
    return more === undefined && day(from) && day(to) && from <= to ? { from, to } : null;
  };

  app.get('/v1/consents', requireToken, async (c) => {
    const format = pickFormat(c.req.query('format'), c.req.header('accept'));
    if (!format) return fail(c, 400, 'format must be ndjson or csv');
    const range = bounds(c);
    if (!range) return fail(c, 400, BOUNDS_ERROR);
    const days = daysOf(c);
    if (days === null || (days && (range.from || range.to))) return fail(c, 400, 'days must be one UTC day or two joined by /, e.g. 2026-01-01/2026-01-31, and goes without from and to');
    // A whole export, or one of whole days received, carries its chain of seals too (sealed
    // through yesterday first), so `samtykke-log verify` can check it offline; a range of
    // decision times cannot, its days are partial.
    const whole = !days && range.from === null && range.to === null;
    if (whole || days) await store.seal(lastSealable(Date.now()));
    const closing = async function* () {
      if (!whole && !days) return;
      for (const { day, leaf } of await store.erasures(days?.from, days?.to)) yield { erased: leaf, day };
      for (const seal of await store.seals(days?.from, days?.to)) yield { seal };
    };
    const entries = days ? store.received(days.from, days.to) : store.range(range.from, range.to);
    const body = exportStream(entries, format, { snapshot: (hash) => store.snapshot(hash), closing, ...(days && { opening: { part: days } }) });
    return c.body(body, 200, { 'Content-Type': CONTENT_TYPE[format] });
  });

  app.get('/v1/stats', requireToken, async (c) => {
    const range = bounds(c);
    if (!range) return fail(c, 400, BOUNDS_ERROR);
    return c.json({ days: await store.stats(range.from, range.to) });
  });

  return app;
}
