import { handleCommand, NewEvent, WrongExpectedRevisionError } from '@libs/event-sourcing';
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
    const outcome = await handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 2, limit: 10 }, context: ctx });
    expect(outcome).toMatchObject({ revision: 0, alreadyHandled: false, events: [{ type: 'Incremented', data: { by: 2 } }] });
    const [stored] = await readTypes(store, 'counter-1');
    expect(stored).toMatchObject({
      schemaVersion: 2,
      metadata: { commandId: ctx.commandId, correlationId: 'corr-1', causationId: 'cause-1', actor: { id: 'officer-7', role: 'reviewer' }, occurredAt: '2026-03-02T05:00:00.000Z' },
    });
    expect(stored!.position).toBe(outcome.position);
  });

  it('treats a command id already handled as a no-op that answers like the first time', async () => {
    const store = new InMemoryEventStore();
    const ctx = context();
    const first = await handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 2, limit: 10 }, context: ctx });
    const again = await handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 2, limit: 10 }, context: ctx });
    expect(again).toEqual({ ...first, alreadyHandled: true });
    expect(await readTypes(store, 'counter-1')).toHaveLength(1);
  });

  it('folds old-version events through the upcasters before deciding', async () => {
    const store = new InMemoryEventStore();
    const old: NewEvent = { eventId: '22222222-2222-4222-8222-222222222222', type: 'Incremented', schemaVersion: 1, data: { amount: 9 }, metadata: { correlationId: 'c', causationId: 'c', commandId: 'old', actor: { id: 'a', role: 'r' }, occurredAt: '2025-01-01T00:00:00.000Z' } };
    await store.append('counter-1', [old], { expectedRevision: 'no-stream' });
    await expect(handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 2, limit: 10 }, context: context() })).rejects.toBeInstanceOf(LimitExceeded);
  });

  it('decides again on fresh state when another writer got in between, so the limit still holds', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 1, limit: 10 }, context: context() });
    const increment = () => handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 4, limit: 10 }, context: context() });
    // All three load total 1; each would pass on that stale state, but only two fit under 10.
    const results = await Promise.allSettled([increment(), increment(), increment()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(LimitExceeded) });
    const events = await readTypes(store, 'counter-1');
    expect(events.map((e) => (e.data as { by: number }).by)).toEqual([1, 4, 4]);
  });

  it('reports a conflict when the client pinned a revision that is no longer current', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 1, limit: 10 }, context: context() });
    await handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 1, limit: 10 }, context: context() });
    const stale = handleCommand(store, registry, { streamId: 'counter-1', decider: counter, command: { by: 1, limit: 10 }, context: context(), expectedRevision: 0 });
    await expect(stale).rejects.toMatchObject({ constructor: WrongExpectedRevisionError, actual: 1 });
  });
});
