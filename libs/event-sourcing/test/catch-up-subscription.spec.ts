import { AppendSignal, catchUpSubscription, Page } from '@libs/event-sourcing';

describe('catch-up subscription while idle', () => {
  afterEach(() => jest.useRealTimers());

  it('polls for other processes without piling up waiters on the append signal', async () => {
    jest.useFakeTimers();
    const signal = new AppendSignal();
    let reads = 0;
    const empty: Page = { events: [], scannedUpTo: null };
    const subscription = catchUpSubscription({
      source: { readPage: () => (reads++, empty), headPosition: () => null },
      signal,
      fromPosition: 'start',
      pollIntervalMs: 250,
    });
    const pending = subscription[Symbol.asyncIterator]().next();
    for (let poll = 0; poll < 40; poll++) await jest.advanceTimersByTimeAsync(250);
    expect(reads).toBeGreaterThanOrEqual(40);
    expect(signal.waiting).toBeLessThanOrEqual(1);
    await subscription.close();
    await expect(pending).resolves.toMatchObject({ done: true });
  });
});
