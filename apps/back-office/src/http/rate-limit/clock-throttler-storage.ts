import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Clock } from '@libs/event-sourcing';

/** What the guard reads back from a storage (the library does not export the type by name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage on the service clock (its own reads Date.now and sweeps on a timer,
 * so a test would have to sleep): at most `limit` hits of a key within any `ttl`, each hit
 * counting until `ttl` after it was admitted. A refused hit is not counted, as in the library's own
 * storage with `blockDuration` 0 (the only setting this service uses): the caller may retry as soon
 * as its oldest hit ages out, which `timeToBlockExpire` says. Keys with no live hit carry no
 * information and are dropped when the table grows, which bounds memory by the actors of one `ttl`.
 */
export class ClockThrottlerStorage implements ThrottlerStorage {
  /** Per key, when each admitted hit stops counting (ms), oldest first. */
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly sweepAbove = 10_000,
  ) {}

  increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    const live = this.liveHits(key, ttl, now);
    const admitted = live.length < limit;
    if (admitted) live.push(now + ttl);
    const untilOldestExpires = seconds(live[0]! - now);
    return Promise.resolve({
      totalHits: admitted ? live.length : limit + 1,
      timeToExpire: untilOldestExpires,
      isBlocked: !admitted,
      timeToBlockExpire: admitted ? 0 : untilOldestExpires,
    });
  }

  get size(): number {
    return this.hits.size;
  }

  private liveHits(key: string, ttl: number, now: number): number[] {
    let live = this.hits.get(key);
    if (!live) {
      if (this.hits.size >= this.sweepAbove) this.sweep(now);
      live = [];
      this.hits.set(key, live);
    }
    while (live.length > 0 && live[0]! <= now) live.shift();
    // A clock set back (NTP, an operator) must not hold the actor off for longer than one ttl.
    for (let i = live.length - 1; i >= 0 && live[i]! > now + ttl; i--) live[i] = now + ttl;
    return live;
  }

  /** Drops the keys whose hits have all aged out: forgetting them changes no answer. */
  private sweep(now: number): void {
    for (const [key, live] of this.hits) if (live.every((expiresAt) => expiresAt <= now)) this.hits.delete(key);
  }
}

/** Whole seconds, at least one: what Retry-After and RateLimit-Reset can say. */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
