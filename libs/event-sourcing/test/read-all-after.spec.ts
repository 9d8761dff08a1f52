import { readAllAfter, type RecordedEvent } from '@libs/event-sourcing';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';

const event = (type: string) => ({
  eventId: crypto.randomUUID(),
  type,
  schemaVersion: 1,
  data: {},
  metadata: {
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actor: { id: 'a', role: 'system' },
    occurredAt: '2026-12-06T00:00:00.000Z',
  },
});

async function typesOf(events: AsyncIterable<RecordedEvent>): Promise<string[]> {
  const types: string[] = [];
  for await (const recorded of events) types.push(recorded.type);
  return types;
}

/**
 * Reading "after" a position the store reported, never from `position + 1n`: EventStoreDB reads
 * `$all` only from a record's own position (ADR 34), so the read starts at the event held and skips it.
 */
describe('readAllAfter', () => {
  it('gives the events after the one held (exclusive), all of them from null, through the filter given', async () => {
    const store = new InMemoryEventStore();
    await store.append('s-1', [event('A'), event('B')], { expectedRevision: 'no-stream' });
    await store.append('s-2', [event('C'), event('D')], { expectedRevision: 'no-stream' });
    const all: RecordedEvent[] = [];
    for await (const recorded of store.readAll()) all.push(recorded);
    expect(await typesOf(readAllAfter(store, null))).toEqual(['A', 'B', 'C', 'D']);
    expect(await typesOf(readAllAfter(store, all[1]!.position))).toEqual(['C', 'D']);
    expect(await typesOf(readAllAfter(store, all[3]!.position))).toEqual([]);
    expect(await typesOf(readAllAfter(store, all[0]!.position, { filter: { eventTypes: ['D'] } }))).toEqual(['D']);
  });
});
