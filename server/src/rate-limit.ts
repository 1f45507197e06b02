import { createHmac, randomBytes } from 'node:crypto';

/**
 * A token bucket per client, in memory. The client's address is kept only as a keyed hash
 * whose key lives in this process alone, so no address is stored, not even in memory.
 */
export class RateLimit {
  private readonly key = randomBytes(32);
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the client may make one more request now. */
  take(address: string): boolean {
    if (this.perMinute === 0) return true;
    const client = createHmac('sha256', this.key).update(address).digest('base64url').slice(0, 22);
    const t = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: t };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((t - bucket.at) * this.perMinute) / 60_000);
    bucket.at = t;
    if (bucket.tokens < 1) {
      this.buckets.set(client, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.sweep(t);
    return true;
  }

  /** Forgets clients whose bucket has refilled: they look the same as new ones. */
  private sweep(t: number): void {
    for (const [client, b] of this.buckets) if (b.tokens + ((t - b.at) * this.perMinute) / 60_000 >= this.perMinute) this.buckets.delete(client);
  }
}
