import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, Position, RecordedEvent, Subscription } from '@libs/event-sourcing';

export function newMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    actor: { id: 'officer-17', role: 'migration-officer' },
    occurredAt: '2024-03-01T09:30:00.000Z',
    ...overrides,
  };
}

/** A valid event to append: a fresh lower-case UUID, schema version 1, complete metadata. */
export function newEvent<Data>(type: string, data: Data, overrides: Partial<NewEvent<Data>> = {}): NewEvent<Data> {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata: newMetadata(), ...overrides };
}

/** `count` events of one type, numbered in their data. */
export function newEvents(count: number, type = 'Tested'): NewEvent<{ n: number }>[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const idsOf = (events: readonly { readonly eventId: string }[]): string[] =>
  events.map((event) => event.eventId);

export const revisionsOf = (events: readonly RecordedEvent[]): number[] => events.map((event) => event.revision);

/** Lets every pending callback run once; never a timer. */
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Yields to the event loop until `condition` holds; fails after `timeoutMs` instead of hanging. */
export async function eventually(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await tick();
  }
}

export function expectStrictlyIncreasing(positions: readonly Position[]): void {
  positions.forEach((position, index) => {
    if (index > 0 && !(position > positions[index - 1]!)) {
      throw new Error(`position ${position} at index ${index} does not follow ${positions[index - 1]}`);
    }
  });
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Pulls a subscription one event at a time through a single iterator. */
export class Puller {
  private readonly iterator: AsyncIterator<RecordedEvent>;

  constructor(readonly subscription: Subscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    return this.iterator.next();
  }

  /** The next `count` events; `between` runs after each one (a slow consumer). */
  async take(count: number, between?: () => Promise<void>): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    while (out.length < count) {
      const result = await this.iterator.next();
      if (result.done) throw new Error(`the subscription ended after ${out.length} of ${count} events`);
      out.push(result.value);
      if (between) await between();
    }
    return out;
  }

  /** Events up to and including the first one for which `isLast` holds, failing past `maxCount`. */
  async takeUntil(isLast: (event: RecordedEvent) => boolean, maxCount = 10_000): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    while (out.length < maxCount) {
      const result = await this.iterator.next();
      if (result.done) throw new Error(`the subscription ended after ${out.length} events`);
      out.push(result.value);
      if (isLast(result.value)) return out;
    }
    throw new Error(`no expected last event among the first ${maxCount} delivered`);
  }
}
