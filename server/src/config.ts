import { NO_PROXY, parseRange, type ProxyTrust } from './client-address.js';
import { patternProblem } from './path-pattern.js';

/**
 * Retention default: a consent is valid at most 395 days (13 months, the longest samtykke
 * allows), and a claim about it can be brought for 3 years after that (the general
 * limitation period); 1096 days covers 3 years with a leap day.
 */
export const DEFAULT_RETENTION_DAYS = 395 + 1096;

export interface Config {
  readonly port: number;
  /** Address to listen on; 127.0.0.1 behind a proxy on the same machine. */
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  /** Bearer token for the read endpoints; null: reading is switched off. */
  readonly token: string | null;
  readonly allowedOrigins: readonly string[];
  readonly retentionDays: number;
  /** Entries a client may post a minute; 0 switches the limit off. */
  readonly ratePerMinute: number;
  /** Entries all clients together may post a minute; 0 switches the limit off. */
  readonly globalRatePerMinute: number;
  /** Which proxies in front are the owner's, so the rate limit sees the real client. */
  readonly proxy: ProxyTrust;
  /** Keep each entry's page path; off by default, since a path can carry personal data. */
  readonly storePaths: boolean;
  /** Route patterns a path is reduced to before it is stored (path-pattern.ts). */
  readonly pathPatterns: readonly string[];
}

/**
 * An origin as the browser sends it (`https://www.example.no`): scheme, lower-case host, a
 * port only when not the scheme's default. Null for anything that can never match one.
 */
export function normaliseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !text.endsWith('#') && !text.endsWith('?');
  return /^https?:$/.test(url.protocol) && bare && !url.hostname.includes('*') ? url.origin : null;
}

function readProxy(env: NodeJS.ProcessEnv, problems: string[]): ProxyTrust {
  const raw = (env.TRUST_PROXY ?? '').trim();
  const header = (env.CLIENT_IP_HEADER ?? '').trim() || null;
  if (header !== null && !/^[A-Za-z0-9-]+$/.test(header)) problems.push(`CLIENT_IP_HEADER must be a header name like Fly-Client-IP, not "${header}"`);
  if (raw === '' || raw === '0') {
    if (header !== null) problems.push('CLIENT_IP_HEADER needs TRUST_PROXY (a hop count, or your proxies\' address ranges): the header is believed only from your proxy');
    return NO_PROXY;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push(`TRUST_PROXY must be a hop count from 0 to 10, or address ranges, not "${raw}"`);
    return { hops, ranges: [], header };
  }
  const ranges = raw.split(',').map((r) => r.trim()).filter(Boolean);
  for (const r of ranges) if (!parseRange(r)) problems.push(`TRUST_PROXY: "${r}" is neither a hop count nor an address or CIDR range like 10.0.0.0/8 or 2001:db8::/32`);
  return { hops: 0, ranges, header };
}

/** Reads the environment; throws one message naming each wrong variable and its fix. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
    return fallback;
  };
  const flag = (name: string): boolean => {
    const raw = env[name] ?? '';
    if (!['', '0', '1'].includes(raw)) problems.push(`${name} must be 1 or 0, not "${raw}"`);
    return raw === '1';
  };
  const origins: string[] = [];
  for (const o of (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const origin = normaliseOrigin(o);
    if (origin) origins.push(origin);
    else problems.push(`ALLOWED_ORIGINS: "${o}" is not an origin like https://www.example.no (http or https, one host without wildcards, no path); list each site's origin`);
  }
  if (!origins.length) problems.push('ALLOWED_ORIGINS must list the site origins that may post, comma-separated, e.g. https://www.example.no');
  const token = env.SAMTYKKE_LOG_TOKEN || null;
  if (token !== null && token.length < 24) problems.push('SAMTYKKE_LOG_TOKEN must be at least 24 characters (e.g. `openssl rand -hex 32`)');
  const config: Config = {
    port: whole('PORT', 8787, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || null,
    token,
    allowedOrigins: [...new Set(origins)],
    retentionDays: whole('RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 1, 36_500),
    ratePerMinute: whole('RATE_LIMIT_PER_MINUTE', 60, 0, 1_000_000),
    globalRatePerMinute: whole('GLOBAL_RATE_LIMIT_PER_MINUTE', 6000, 0, 10_000_000),
    proxy: readProxy(env, problems),
    storePaths: flag('STORE_PATHS'),
    pathPatterns: (env.PATH_PATTERNS ?? '').split(',').map((p) => p.trim()).filter(Boolean),
  };
  for (const p of config.pathPatterns) {
    const problem = patternProblem(p);
    if (problem) problems.push(`PATH_PATTERNS: "${p}" ${problem}, e.g. /ordre/:id,/tilbakestill/*`);
  }
  if (problems.length) throw new Error(`samtykke-log: ${problems.join('; ')}`);
  return config;
}
