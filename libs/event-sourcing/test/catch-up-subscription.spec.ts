import { AppendSignal, catchUpSubscription, Page, RecordedEvent } from '@libs/event-sourcing';

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

describe('catch-up subscription while live', () => {
  it('after a page that reached the head, waits for the next append instead of reading an empty page', async () => {
    const signal = new AppendSignal();
    const log: RecordedEvent[] = [];
    let reads = 0;
    const source = {
      readPage: (after: bigint | null, limit: number): Page => {
        reads++;
        const events = log.filter((event) => after === null || event.position > after).slice(0, limit);
        return {
          events,
          scannedUpTo:
            events.length < limit
              ? log.length > 0
                ? log[log.length - 1]!.position
                : after
              : events[events.length - 1]!.position,
        };
      },
      headPosition: () => null,
    };
    const append = (position: bigint) => {
      log.push({
        eventId: `e${position}`,
        streamId: 's',
        revision: Number(position) - 1,
        position,
        type: 'T',
        schemaVersion: 1,
        data: {},
        metadata: {} as RecordedEvent['metadata'],
        recordedAt: '',
      });
      signal.notify();
    };
    append(1n);
    const subscription = catchUpSubscription({ source, signal, fromPosition: 'start', pageSize: 10 });
    const iterator = subscription[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toMatchObject({ value: { position: 1n } });
    expect(reads).toBe(1);
    const next = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(1); // the page was short: nothing to read until an append says so
    append(2n);
    await expect(next).resolves.toMatchObject({ value: { position: 2n } });
    expect(reads).toBe(2);
    // An append committed while the consumer was busy is read at once.
    append(3n);
    await expect(iterator.next()).resolves.toMatchObject({ value: { position: 3n } });
    await subscription.close();
  });
});
