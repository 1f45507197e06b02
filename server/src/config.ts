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
  /** Behind a proxy: take the client address from the last X-Forwarded-For hop. */
  readonly trustProxy: boolean;
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
  const origins = (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) problems.push(`ALLOWED_ORIGINS: "${o}" is not an origin like https://www.example.no (scheme and host, no path)`);
  }
  if (!origins.length) problems.push('ALLOWED_ORIGINS must list the site origins that may post, comma-separated, e.g. https://www.example.no');
  const token = env.SAMTYKKE_LOG_TOKEN || null;
  if (token !== null && token.length < 24) problems.push('SAMTYKKE_LOG_TOKEN must be at least 24 characters (e.g. `openssl rand -hex 32`)');
  const trust = env.TRUST_PROXY ?? '';
  if (!['', '0', '1'].includes(trust)) problems.push(`TRUST_PROXY must be 1 or 0, not "${trust}"`);
  const config: Config = {
    port: whole('PORT', 8787, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || null,
    token,
    allowedOrigins: origins,
    retentionDays: whole('RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 1, 36_500),
    ratePerMinute: whole('RATE_LIMIT_PER_MINUTE', 60, 0, 1_000_000),
    trustProxy: trust === '1',
  };
  if (problems.length) throw new Error(`samtykke-log: ${problems.join('; ')}`);
  return config;
}
