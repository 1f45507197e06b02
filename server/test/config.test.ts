import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS, readConfig } from '../src/config.js';
import { RateLimit } from '../src/rate-limit.js';

describe('configuration from the environment', () => {
  it('starts with only the origins given, on the embedded store and the default retention', () => {
    const config = readConfig({ ALLOWED_ORIGINS: 'https://www.example.no, https://example.no' });
    expect(config).toMatchObject({
      port: 8787,
      dataDir: './data',
      databaseUrl: null,
      token: null,
      allowedOrigins: ['https://www.example.no', 'https://example.no'],
      retentionDays: DEFAULT_RETENTION_DAYS,
    });
    expect(DEFAULT_RETENTION_DAYS).toBe(395 + 1096);
  });

  it('refuses to start with one message naming each wrong variable and its fix', () => {
    const start = () => readConfig({ ALLOWED_ORIGINS: 'www.example.no/', SAMTYKKE_LOG_TOKEN: 'short', PORT: 'eighty', RETENTION_DAYS: '0' });
    expect(start).toThrow(/ALLOWED_ORIGINS: "www.example.no\/" is not an origin/);
    expect(start).toThrow(/SAMTYKKE_LOG_TOKEN must be at least 24 characters/);
    expect(start).toThrow(/PORT must be a whole number from 0 to 65535, not "eighty"/);
    expect(start).toThrow(/RETENTION_DAYS must be a whole number from 1/);
    expect(() => readConfig({})).toThrow(/ALLOWED_ORIGINS must list the site origins/);
    const patterns = (PATH_PATTERNS: string) => () => readConfig({ ALLOWED_ORIGINS: 'https://www.example.no', PATH_PATTERNS });
    expect(patterns('/ordre/:id, /tilbakestill/*')().pathPatterns).toEqual(['/ordre/:id', '/tilbakestill/*']);
    expect(patterns('ordre/:id')).toThrow(/PATH_PATTERNS: "ordre\/:id" must start with "\/"/);
    expect(patterns('/*/kvittering')).toThrow(/PATH_PATTERNS: "\/\*\/kvittering" must be segments of plain path text/);
    expect(patterns('/ordre/:')).toThrow(/PATH_PATTERNS: "\/ordre\/:" must be segments/);
  });
});

describe('rate limit', () => {
  it('lets a client post again as its allowance refills over the minute', () => {
    let now = 0;
    const limit = new RateLimit(2, () => now);
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, false]);
    expect(limit.take('b')).toBe(true);
    now += 30_000; // half a minute: one of two back
    expect([limit.take('a'), limit.take('a')]).toEqual([true, false]);
  });
});
