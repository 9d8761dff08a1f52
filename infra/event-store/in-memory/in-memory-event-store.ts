import {
  AppendOptions,
  AppendResult,
  AppendSignal,
  catchUpSubscription,
  EventFilter,
  EventStore,
  EventStoreUnavailableError,
  matchesFilter,
  NewEvent,
  Page,
  planAppend,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  serializeData,
  StoreHealth,
  SubscribeToAllOptions,
  Subscription,
  validateAppend,
  validateMaxCount,
  validateStartPosition,
  validateStartRevision,
} from '@libs/event-sourcing';

/** What an in-memory store keeps; hand it to a new instance to simulate a restart. */
export class InMemoryEventLog {
  readonly events: RecordedEvent[] = [];
  readonly byId = new Map<string, RecordedEvent>();
  readonly byStream = new Map<string, RecordedEvent[]>();
}

/**
 * The store for fast unit tests. Same contract as the SQLite store; data is deep-copied through
 * JSON on the way in, so a caller mutating its objects cannot rewrite history.
 */
export class InMemoryEventStore implements EventStore {
  /** One map of every event id (see the port). */
  readonly eventIdsUniqueStoreWide: boolean = true;
  private readonly signal = new AppendSignal();
  private closed = false;

  constructor(
    readonly log: InMemoryEventLog = new InMemoryEventLog(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    validateAppend(streamId, events, options.expectedRevision);
    const plan = planAppend(streamId, events, options.expectedRevision, {
      streamRevision: (id) => this.revisionOf(id),
      findEvent: (id) => this.log.byId.get(id),
    });
    if (plan.kind === 'already-stored') return plan.result;
    const copies = events.map((event, index) => ({
      data: JSON.parse(serializeData(event.data, `events[${index}].data`)) as unknown,
      metadata: JSON.parse(serializeData(event.metadata, `events[${index}].metadata`)) as RecordedEvent['metadata'],
    }));
    const recordedAt = this.now().toISOString();
    const stream = this.log.byStream.get(streamId) ?? [];
    let last: RecordedEvent | undefined;
    events.forEach((event, index) => {
      last = {
        eventId: event.eventId,
        streamId,
        revision: plan.firstRevision + index,
        position: BigInt(this.log.events.length),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: copies[index]!.data,
        metadata: copies[index]!.metadata,
        recordedAt,
      };
      this.log.events.push(last);
      this.log.byId.set(last.eventId, last);
      stream.push(last);
    });
    this.log.byStream.set(streamId, stream);
    this.signal.notify();
    return { streamId, nextExpectedRevision: last!.revision, position: last!.position };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    validateStartRevision(options.fromRevision);
    validateMaxCount(options.maxCount);
    this.ensureOpen();
    const stream = this.log.byStream.get(streamId) ?? [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const requested = from === 'start' ? 0 : from === 'end' ? stream.length - 1 : from;
    // Backwards from past the end starts at the last event, as the SQLite store does.
    const start = backwards ? Math.min(requested, stream.length - 1) : requested;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    for (let i = start; remaining > 0 && i >= 0 && i < stream.length; i += backwards ? -1 : 1) {
      yield copyOut(stream[i]!);
      remaining -= 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    validateStartPosition(options.fromPosition, 'fromPosition');
    validateMaxCount(options.maxCount);
    this.ensureOpen();
    const from = options.fromPosition === undefined || options.fromPosition === 'start' ? 0n : options.fromPosition;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    for (let i = Number(from); remaining > 0 && i < this.log.events.length; i++) {
      const event = this.log.events[i]!;
      if (!matchesFilter(options.filter, event.streamId, event.type)) continue;
      yield copyOut(event);
      remaining -= 1;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    validateStartPosition(options.fromPosition, 'fromPosition');
    this.ensureOpen();
    return catchUpSubscription({
      source: {
        readPage: (after, limit, filter) => this.readPage(after, limit, filter),
        headPosition: () => this.head(),
      },
      signal: this.signal,
      fromPosition: options.fromPosition ?? 'start',
      filter: options.filter,
      onCheckpoint: options.onCheckpoint,
    });
  }

  async streamRevision(streamId: string): Promise<number> {
    this.ensureOpen();
    return this.revisionOf(streamId);
  }

  async headPosition(): Promise<Position | null> {
    this.ensureOpen();
    return this.head();
  }

  async countUpTo(position: Position): Promise<number> {
    this.ensureOpen();
    return this.log.events.filter((event) => event.position <= position).length;
  }

  async checkHealth(): Promise<StoreHealth> {
    return this.closed ? { ok: false, fault: 'closed', detail: 'the in-memory event store is closed' } : { ok: true };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.signal.releaseAll();
  }

  private readPage(after: Position | null, limit: number, filter: EventFilter | undefined): Page {
    this.ensureOpen();
    const events: RecordedEvent[] = [];
    let i = after === null ? 0 : Number(after) + 1;
    for (; i < this.log.events.length && events.length < limit; i++) {
      const event = this.log.events[i]!;
      if (matchesFilter(filter, event.streamId, event.type)) events.push(copyOut(event));
    }
    return { events, scannedUpTo: i === 0 ? after : BigInt(i - 1) };
  }

  private head(): Position | null {
    return this.log.events.length === 0 ? null : BigInt(this.log.events.length - 1);
  }

  private revisionOf(streamId: string): number {
    return (this.log.byStream.get(streamId)?.length ?? 0) - 1;
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the in-memory event store is closed', { fault: 'closed' });
  }
}

/** Readers get their own data and metadata: a projection mutating an event cannot rewrite history. */
function copyOut(event: RecordedEvent): RecordedEvent {
  return { ...event, data: structuredClone(event.data), metadata: structuredClone(event.metadata) };
}
