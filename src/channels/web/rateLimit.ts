export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A keyed token bucket: each key may spend `capacity` at once, refilled at `perSecond`. Keys whose
 * bucket is full again are forgotten, so memory stays bounded by the keys active recently.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweeps = 0;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!(capacity >= 1) || !(perSecond > 0)) throw new RangeError('capacity must be >= 1 and perSecond > 0');
  }

  /** Takes one token for `key`: `{ ok: true }`, or how many seconds until one is available. */
  take(key: string): RateLimitDecision {
    const now = this.now();
    if (++this.sweeps % 1000 === 0) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perSecond)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { ok: true };
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }
  }
}
