import { PeriodicRound } from '../src/time/periodic-round';

describe('a periodic round', () => {
  it('joins a round already running instead of starting a second, and starts afresh once it is done', async () => {
    let started = 0;
    let finish: (value: number) => void = () => undefined;
    const rounds = new PeriodicRound(() => {
      started++;
      return new Promise<number>((resolve) => (finish = resolve));
    });
    const first = rounds.run();
    const joined = rounds.run();
    expect(started).toBe(1);
    finish(7);
    expect(await first).toBe(7);
    expect(await joined).toBe(7);
    void rounds.run();
    expect(started).toBe(2);
    finish(8);
  });

  it('lets the next round run after a failed one', async () => {
    let fail = true;
    const rounds = new PeriodicRound(async () => {
      if (fail) throw new Error('store busy');
      return 'done';
    });
    await expect(rounds.run()).rejects.toThrow('store busy');
    fail = false;
    await expect(rounds.run()).resolves.toBe('done');
  });
});
