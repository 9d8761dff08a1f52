import { TokenBuckets } from '../../apps/back-office/src/http/rate-limit/token-bucket';
import { DEFAULT_COMMAND_RATE_LIMITS, readCommandRateLimits } from '../../apps/back-office/src/http/rate-limit/command-rate-limits';

const limit = { ratePerSecond: 2, burst: 3 };

describe('token buckets: a burst at once, then the sustained rate', () => {
  it('admits the burst, refuses the next, and says when to retry', () => {
    const buckets = new TokenBuckets();
    expect([0, 0, 0].map(() => buckets.take('a', limit, 0))).toEqual([
      { admitted: true, remaining: 2 },
      { admitted: true, remaining: 1 },
      { admitted: true, remaining: 0 },
    ]);
    expect(buckets.take('a', limit, 0)).toEqual({ admitted: false, retryAfterSeconds: 1 });
  });

  it('refills at the rate, never above the burst', () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 3; i++) buckets.take('a', limit, 0);
    expect(buckets.take('a', limit, 499)).toMatchObject({ admitted: false });
    expect(buckets.take('a', limit, 500)).toEqual({ admitted: true, remaining: 0 });
    expect(buckets.take('a', limit, 60_000)).toEqual({ admitted: true, remaining: 2 });
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 3; i++) buckets.take('a', limit, 0);
    expect(buckets.take('b', limit, 0)).toEqual({ admitted: true, remaining: 2 });
  });

  it('mints nothing when the clock goes back', () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 3; i++) buckets.take('a', limit, 10_000);
    expect(buckets.take('a', limit, 0)).toMatchObject({ admitted: false });
  });

  it('forgets only buckets that are full again, so memory stays bounded and no answer changes', () => {
    const buckets = new TokenBuckets(100);
    for (let i = 0; i < 100; i++) buckets.take(`actor-${i}`, limit, 0);
    for (let i = 0; i < 3; i++) buckets.take('busy', limit, 10_000); // sweeps the 100 idle ones
    expect(buckets.size).toBe(1);
    expect(buckets.take('busy', limit, 10_000)).toMatchObject({ admitted: false });
  });
});

describe('KANDAS_COMMAND_RATE_LIMITS', () => {
  it('defaults to a national-peak allowance for the portal and a human pace for officers', () => {
    expect(readCommandRateLimits({})).toEqual(DEFAULT_COMMAND_RATE_LIMITS);
    expect(DEFAULT_COMMAND_RATE_LIMITS.portal.ratePerSecond).toBeGreaterThan(DEFAULT_COMMAND_RATE_LIMITS.reviewer.ratePerSecond);
  });

  it('is switched off with "off"', () => expect(readCommandRateLimits({ KANDAS_COMMAND_RATE_LIMITS: 'off' })).toBeNull());

  it('sets named roles, and every other role with *', () => {
    const limits = readCommandRateLimits({ KANDAS_COMMAND_RATE_LIMITS: 'portal=500/2000, *=0.5/10' })!;
    expect(limits.portal).toEqual({ ratePerSecond: 500, burst: 2000 });
    expect(limits.reviewer).toEqual({ ratePerSecond: 0.5, burst: 10 });
    expect(readCommandRateLimits({ KANDAS_COMMAND_RATE_LIMITS: 'admin=1/1' })!.reviewer).toEqual(DEFAULT_COMMAND_RATE_LIMITS.reviewer);
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
});
