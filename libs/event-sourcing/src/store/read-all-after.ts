import type { EventStore, ReadAllOptions } from './event-store';
import type { Position, RecordedEvent } from './recorded-event';

/**
 * The events after `after` (exclusive), or from the start when it is null. Read from `after`
 * itself and its event skipped, never from `after + 1n`: EventStoreDB reads `$all` only from a
 * record's position and answers InvalidPosition for any other (ADR 34) — and the position a caller
 * holds is always one the store reported, an event's or the head's.
 */
export async function* readAllAfter(
  store: EventStore,
  after: Position | null,
  options: Omit<ReadAllOptions, 'fromPosition'> = {},
): AsyncGenerator<RecordedEvent> {
  for await (const event of store.readAll({ ...options, fromPosition: after ?? 'start' }))
    if (after === null || event.position > after) yield event;
}
