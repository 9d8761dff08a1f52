import { TestClock } from '@libs/testing';
import { ClockThrottlerStorage } from '../../apps/back-office/src/http/rate-limit/clock-throttler-storage';
import {
  DEFAULT_COMMAND_RATE_LIMITS,
  readCommandRateLimits,
  throttleWindow,
} from '../../apps/back-office/src/http/rate-limit/command-rate-limits';

/** 3 commands in any 2 s (a rate of 1.5 a second with a burst of 3). */
const TTL = 2000;
const LIMIT = 3;

describe('the throttler storage on the service clock', () => {
  let clock: TestClock;
  let storage: ClockThrottlerStorage;
  beforeEach(() => {
    clock = new TestClock('2026-03-02T05:00:00.000Z');
    storage = new ClockThrottlerStorage(clock);
  });
  const hit = (key = 'a') => storage.increment(key, TTL, LIMIT);

  it('admits the limit, refuses the next without counting it, and says when to retry', async () => {
    expect((await Promise.all([hit(), hit(), hit()])).map((record) => record.totalHits)).toEqual([1, 2, 3]);
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 2, isBlocked: true, timeToBlockExpire: 2 });
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 2 });
  });

  it('admits again once the oldest hit ages out, and only as many as aged out', async () => {
    await hit();
    clock.advance({ milliseconds: 500 });
    await hit();
    await hit();
    clock.advance({ milliseconds: 1499 });
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    clock.advance({ milliseconds: 1 });
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 3 });
    expect(await hit()).toMatchObject({ isBlocked: true });
  });

  it('keeps one window per key', async () => {
    for (let i = 0; i < LIMIT; i++) await hit('a');
    expect(await hit('b')).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('holds an actor off for one ttl at most when the clock is set back (TestClock only moves forward)', async () => {
    let nowMs = Date.parse('2026-03-02T06:00:00.000Z');
    const settable = new ClockThrottlerStorage({ now: () => new Date(nowMs) });
    for (let i = 0; i < LIMIT; i++) await settable.increment('a', TTL, LIMIT);
    nowMs -= 3_600_000;
    expect(await settable.increment('a', TTL, LIMIT)).toMatchObject({ isBlocked: true, timeToBlockExpire: 2 });
    nowMs += TTL;
    expect(await settable.increment('a', TTL, LIMIT)).toMatchObject({ isBlocked: false });
  });

  it('forgets only keys whose hits have all aged out, so memory stays bounded and no answer changes', async () => {
    const small = new ClockThrottlerStorage(clock, 100);
    for (let i = 0; i < 100; i++) await small.increment(`actor-${i}`, TTL, LIMIT);
    clock.advance({ milliseconds: TTL });
    for (let i = 0; i < LIMIT; i++) await small.increment('busy', TTL, LIMIT); // sweeps the 100 idle ones
    expect(small.size).toBe(1);
    expect(await small.increment('busy', TTL, LIMIT)).toMatchObject({ isBlocked: true });
  });
});

describe('KANDAS_COMMAND_RATE_LIMITS', () => {
  it('defaults to a national-peak allowance for the portal and a human pace for officers', () => {
    expect(readCommandRateLimits({})).toEqual(DEFAULT_COMMAND_RATE_LIMITS);
    expect(DEFAULT_COMMAND_RATE_LIMITS.portal.ratePerSecond).toBeGreaterThan(
      DEFAULT_COMMAND_RATE_LIMITS.reviewer.ratePerSecond,
    );
  });

  it('is switched off with "off"', () =>
    expect(readCommandRateLimits({ KANDAS_COMMAND_RATE_LIMITS: 'off' })).toBeNull());

  it('sets named roles, and every other role with *', () => {
    const limits = readCommandRateLimits({ KANDAS_COMMAND_RATE_LIMITS: 'portal=500/2000, *=0.5/10' })!;
    expect(limits.portal).toEqual({ ratePerSecond: 500, burst: 2000 });
    expect(limits.reviewer).toEqual({ ratePerSecond: 0.5, burst: 10 });
    expect(readCommandRateLimits({ KANDAS_COMMAND_RATE_LIMITS: 'admin=1/1' })!.reviewer).toEqual(
      DEFAULT_COMMAND_RATE_LIMITS.reviewer,
    );
  });

  it.each([
    ['portal=200', 'is not <role>=<per second>/<burst>'],
    ['clerk=1/1', '"clerk" is not a role'],
    ['reviewer=0/5', 'the rate must be above 0'],
    ['reviewer=1/0', 'the burst at least 1'],
    ['Off', 'is not <role>'],
  ])('refuses %s at start-up: %s', (value, reason) => {
    expect(() => readCommandRateLimits({ KANDAS_COMMAND_RATE_LIMITS: value })).toThrow(reason);
  });

  it('becomes a throttler window of the burst, as long as the rate takes to send it', () => {
    expect(throttleWindow(DEFAULT_COMMAND_RATE_LIMITS.portal)).toEqual({ limit: 1000, ttlMs: 5000 });
    expect(throttleWindow(DEFAULT_COMMAND_RATE_LIMITS.reviewer)).toEqual({ limit: 60, ttlMs: 12_000 });
    expect(throttleWindow({ ratePerSecond: 0.5, burst: 10 })).toEqual({ limit: 10, ttlMs: 20_000 });
  });
});
