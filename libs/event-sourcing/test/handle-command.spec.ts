import {
  AggregateCache,
  handleCommand,
  loadAggregate,
  NewEvent,
  WrongExpectedRevisionError,
} from '@libs/event-sourcing';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { context, counter, counterRegistry, LimitExceeded } from './fixtures';

const registry = counterRegistry();

async function readTypes(store: InMemoryEventStore, streamId: string) {
  const events = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

describe('load → decide → append', () => {
  it('appends the decided events with the command context as metadata and the current schema version', async () => {
    const store = new InMemoryEventStore();
    const ctx = context();
    const outcome = await handleCommand(store, registry, {
      streamId: 'counter-1',
      decider: counter,
      command: { by: 2, limit: 10 },
      context: ctx,
    });
    expect(outcome).toMatchObject({
      revision: 0,
      alreadyHandled: false,
      events: [{ type: 'Incremented', data: { by: 2 } }],
    });
    const [stored] = await readTypes(store, 'counter-1');
    expect(stored).toMatchObject({
      schemaVersion: 2,
      metadata: {
        commandId: ctx.commandId,
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actor: { id: 'officer-7', role: 'reviewer' },
        occurredAt: '2026-03-02T05:00:00.000Z',
      },
    });
    expect(stored!.position).toBe(outcome.position);
  });

  it('treats a command id already handled as a no-op that answers like the first time', async () => {
    const store = new InMemoryEventStore();
    const ctx = context();
    const first = await handleCommand(store, registry, {
      streamId: 'counter-1',
      decider: counter,
      command: { by: 2, limit: 10 },
      context: ctx,
    });
    const again = await handleCommand(store, registry, {
      streamId: 'counter-1',
      decider: counter,
      command: { by: 2, limit: 10 },
      context: ctx,
    });
    expect(again).toEqual({ ...first, alreadyHandled: true });
    expect(await readTypes(store, 'counter-1')).toHaveLength(1);
  });

  it('folds old-version events through the upcasters before deciding', async () => {
    const store = new InMemoryEventStore();
    const old: NewEvent = {
      eventId: '22222222-2222-4222-8222-222222222222',
      type: 'Incremented',
      schemaVersion: 1,
      data: { amount: 9 },
      metadata: {
        correlationId: 'c',
        causationId: 'c',
        commandId: 'old',
        actor: { id: 'a', role: 'r' },
        occurredAt: '2025-01-01T00:00:00.000Z',
      },
    };
    await store.append('counter-1', [old], { expectedRevision: 'no-stream' });
    await expect(
      handleCommand(store, registry, {
        streamId: 'counter-1',
        decider: counter,
        command: { by: 2, limit: 10 },
        context: context(),
      }),
    ).rejects.toBeInstanceOf(LimitExceeded);
  });

  it('decides again on fresh state when another writer got in between, so the limit still holds', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, registry, {
      streamId: 'counter-1',
      decider: counter,
      command: { by: 1, limit: 10 },
      context: context(),
    });
    const increment = () =>
      handleCommand(store, registry, {
        streamId: 'counter-1',
        decider: counter,
        command: { by: 4, limit: 10 },
        context: context(),
      });
    // All three load total 1; each would pass on that stale state, but only two fit under 10.
    const results = await Promise.allSettled([increment(), increment(), increment()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(LimitExceeded) });
    const events = await readTypes(store, 'counter-1');
    expect(events.map((e) => (e.data as { by: number }).by)).toEqual([1, 4, 4]);
  });

  it("takes 'no-stream' as the expectation of a new stream, and refuses it once the stream exists", async () => {
    const store = new InMemoryEventStore();
    const create = (ctx = context()) =>
      handleCommand(store, registry, {
        streamId: 'counter-1',
        decider: counter,
        command: { by: 1, limit: 10 },
        context: ctx,
        expectedRevision: 'no-stream',
      });
    await expect(create()).resolves.toMatchObject({ revision: 0, alreadyHandled: false });
    await expect(create()).rejects.toMatchObject({ constructor: WrongExpectedRevisionError, actual: 0 });
  });

  it('answers a retried command with the correlation its events carry, not the retry’s', async () => {
    const store = new InMemoryEventStore();
    const first = { ...context(), correlationId: 'first-attempt' };
    const run = (ctx: typeof first) =>
      handleCommand(store, registry, {
        streamId: 'counter-1',
        decider: counter,
        command: { by: 1, limit: 10 },
        context: ctx,
      });
    expect((await run(first)).correlationId).toBe('first-attempt');
    expect(await run({ ...first, correlationId: 'the-retry' })).toMatchObject({
      alreadyHandled: true,
      correlationId: 'first-attempt',
    });
  });

  it('reports a conflict when the client pinned a revision that is no longer current', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, registry, {
      streamId: 'counter-1',
      decider: counter,
      command: { by: 1, limit: 10 },
      context: context(),
    });
    await handleCommand(store, registry, {
      streamId: 'counter-1',
      decider: counter,
      command: { by: 1, limit: 10 },
      context: context(),
    });
    const stale = handleCommand(store, registry, {
      streamId: 'counter-1',
      decider: counter,
      command: { by: 1, limit: 10 },
      context: context(),
      expectedRevision: 0,
    });
    await expect(stale).rejects.toMatchObject({ constructor: WrongExpectedRevisionError, actual: 1 });
  });
});

describe('load → decide → append with the folds kept in an AggregateCache', () => {
  /** Counts the events the store hands out, to see that a cached fold reads only what is new. */
  function countingStore() {
    const store = new InMemoryEventStore();
    const read = { events: 0 };
    const readStream = store.readStream.bind(store);
    store.readStream = async function* (streamId, options) {
      for await (const event of readStream(streamId, options)) {
        read.events += 1;
        yield event;
      }
    };
    return { store, read };
  }
  const increment = (by: number, cache: AggregateCache, ctx = context()) =>
    ({ streamId: 'counter-1', decider: counter, command: { by, limit: 10 }, context: ctx, cache }) as const;

  it('reads only the events appended since the kept fold, including those another writer appended', async () => {
    const { store, read } = countingStore();
    const cache = new AggregateCache();
    await handleCommand(store, registry, increment(1, cache));
    await handleCommand(store, registry, increment(2, cache));
    // Another writer (another process, another instance) appends behind the cache's back.
    await handleCommand(store, registry, increment(3, new AggregateCache()));
    read.events = 0;
    await expect(handleCommand(store, registry, increment(5, cache))).rejects.toBeInstanceOf(LimitExceeded); // 1 + 2 + 3 + 5 > 10
    expect(read.events).toBe(2); // the events of the 2nd and 3rd commands, not the whole stream
    const loaded = await loadAggregate(store, registry, 'counter-1', counter, undefined, cache);
    expect(loaded).toMatchObject({ state: 6, revision: 2 });
  });

  it('recognises a retried command whose events lie before the kept fold, and answers like the first time', async () => {
    const { store } = countingStore();
    const cache = new AggregateCache();
    const ctx = context();
    const first = await handleCommand(store, registry, increment(2, cache, ctx));
    await handleCommand(store, registry, increment(1, cache));
    await handleCommand(store, registry, increment(1, cache));
    const retried = await handleCommand(store, registry, increment(2, cache, ctx));
    expect(retried).toEqual({ ...first, alreadyHandled: true });
    expect(await readTypes(store, 'counter-1')).toHaveLength(3);
  });

  it('still decides again on fresh state when concurrent commands raced on a kept fold', async () => {
    const { store } = countingStore();
    const cache = new AggregateCache();
    await handleCommand(store, registry, increment(1, cache));
    const results = await Promise.allSettled([1, 2, 3].map(() => handleCommand(store, registry, increment(4, cache))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect((await readTypes(store, 'counter-1')).map((e) => (e.data as { by: number }).by)).toEqual([1, 4, 4]);
    expect((await loadAggregate(store, registry, 'counter-1', counter, undefined, cache)).state).toBe(9);
  });

  it('keeps a bounded number of streams, the least recently used dropped first', async () => {
    const store = new InMemoryEventStore();
    const cache = new AggregateCache(2);
    for (const streamId of ['counter-a', 'counter-b', 'counter-a', 'counter-c']) {
      await handleCommand(store, registry, {
        streamId,
        decider: counter,
        command: { by: 1, limit: 10 },
        context: context(),
        cache,
      });
    }
    // A new stream is kept from its first load that finds an event: counter-c's now drops counter-b.
    await loadAggregate(store, registry, 'counter-c', counter, undefined, cache);
    expect(cache.size).toBe(2);
    expect(cache.get('counter-b', counter, registry)).toBeUndefined();
    // The fold as the last load read it (what a command appends is read back by the next load).
    expect(cache.get('counter-a', counter, registry)).toMatchObject({ state: 1, revision: 0 });
  });
});
