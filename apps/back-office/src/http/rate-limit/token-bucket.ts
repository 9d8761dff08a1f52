/** How many commands an actor may send: `ratePerSecond` sustained, `burst` at once after a quiet spell. */
export interface RateLimit {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export type Admission =
  | { readonly admitted: true; readonly remaining: number }
  | { readonly admitted: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * Token buckets keyed by actor: each holds up to `burst` tokens, refills at `ratePerSecond`, and a
 * command takes one. Time is given by the caller (the service clock), so tests move it instead of
 * sleeping. Buckets that have refilled completely carry no information and are dropped when the
 * table grows, which bounds memory by the actors active within one refill period.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly sweepAbove = 10_000) {}

  take(key: string, limit: RateLimit, nowMs: number): Admission {
    const bucket = this.refilled(key, limit, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { admitted: true, remaining: Math.floor(bucket.tokens) };
    }
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.ratePerSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, limit: RateLimit, nowMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.sweepAbove) this.sweep(limit, nowMs);
      bucket = { tokens: limit.burst, refilledAt: nowMs };
      this.buckets.set(key, bucket);
      return bucket;
    }
    // A clock set back (tests, NTP) must not mint tokens nor freeze the bucket.
    const elapsedSeconds = Math.max(0, nowMs - bucket.refilledAt) / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsedSeconds * limit.ratePerSecond);
    bucket.refilledAt = nowMs;
    return bucket;
  }

  /** Drops the buckets that would be full by now: forgetting them changes no answer. */
  private sweep(limit: RateLimit, nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (Math.max(0, nowMs - bucket.refilledAt) / 1000) * limit.ratePerSecond >= limit.burst) this.buckets.delete(key);
    }
  }
}
