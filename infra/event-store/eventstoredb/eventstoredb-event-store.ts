import {
  BACKWARDS,
  END,
  eventTypeFilter,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type AllStreamSubscription,
  type EventData,
  type Filter,
  type ReadPosition,
  type ReadRevision,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { Readable } from 'node:stream';
import {
  AppendOptions,
  AppendTooLargeError,
  AppendResult,
  EventFilter,
  EventStore,
  EventStoreUnavailableError,
  StoreHealth,
  ExpectedRevision,
  matchesFilter,
  NewEvent,
  planAppend,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredEventRef,
  SubscribeToAllOptions,
  Subscription,
  validateAppend,
  validateMaxCount,
  validateStartPosition,
  validateStartRevision,
} from '@libs/event-sourcing';
import { appendSizeOf } from './append-size';
import { actualRevisionOf, toStoreError, toWrongExpectedRevision } from './errors';
import { isSystemName, toEventData, toRecordedEvent, toRevision } from './event-mapping';
import {
  compareEsdbPositions,
  ensureUniquePosition,
  EsdbPosition,
  NO_POSITION,
  positionOf,
  toEsdbPosition,
} from './positions';
import { CheckpointMarker, ResubscribePolicy, ResubscribingSubscription } from './resubscribing-subscription';

export interface EventStoreDbEventStoreOptions {
  /**
   * Prefix of every stream id on the server (e.g. `test-3f1c-`): the store then sees, in `$all` reads,
   * subscriptions and `headPosition`, only the streams under it. For test runs sharing one server, or
   * several environments on one cluster. Empty (the default): stream ids are stored as given.
   */
  readonly namespace?: string;
  /** How a dropped subscription re-subscribes (bounded exponential backoff). */
  readonly resubscribe?: ResubscribePolicy;
  /** See ResubscribingOptions.idleCheckpointMs (default 250 ms). */
  readonly idleCheckpointMs?: number;
}

/** A stream id and the ids found in it, as `planAppend` wants them. */
interface StreamLookup {
  /** The stream's last revision (-1: no stream); only a bound when `placeTaken` is false. */
  readonly revision: number;
  readonly refs: ReadonlyMap<string, StoredEventRef>;
  /** Events were found where the batch would go. */
  readonly placeTaken: boolean;
}

/**
 * The EventStore port on EventStoreDB (KurrentDB) through `@eventstore/db-client` 6.x, over gRPC.
 *
 * Append. The batch is one `appendToStream` (atomic on the server; BatchAppend or unary Append, as the
 * server advertises). The port's idempotent retry is decided by the adapter from what it reads, not
 * taken from the server's answer (which, for a de-duplicated append, is the original revision on a
 * real server but may lack a position): before writing it reads the place the batch would go
 * (`exact`/`no-stream`: the revisions right after the expected one; `any`/`stream-exists`: the
 * stream), and `planAppend` — the rule every adapter shares — says "already stored" (nothing is
 * written), "conflict", or "write". It writes at an EXACT revision, whatever was asked — the one
 * where the server's de-duplication is guaranteed (see `write`) — and reads the last event back for
 * its position. A writer that loses the race to an identical concurrent append is answered by that
 * de-duplication and reported as written (both callers see success; the events are stored once).
 * A batch above the server's `MaxAppendSize` is refused whole: AppendTooLargeError, never split.
 *
 * Global event-id uniqueness: EventStoreDB only de-duplicates within a stream and has no index by
 * event id, so an id already used in ANOTHER stream cannot be detected (short of scanning `$all`).
 * This adapter does not pretend to: such an append is written. Within the stream appended to, ids of
 * the batch found at the place of the batch (or anywhere, for `any`/`stream-exists`) are refused.
 *
 * Positions: see positions.ts (our position is the commit position; bigints all the way).
 */
/** Events per `$all` read call. */
const ALL_PAGE_SIZE = 256;
/** An 'any' / 'stream-exists' append tries this many exact revisions while other writers move the stream. */
const MAX_APPEND_ATTEMPTS = 20;
/** An 'any' / 'stream-exists' append lost its exact revision to another writer. */
const STREAM_MOVED = Symbol('stream moved');

export class EventStoreDbEventStore implements EventStore {
  /** The server deduplicates ids per stream only (see the port). */
  readonly eventIdsUniqueStoreWide: boolean = false;
  readonly client: EventStoreDBClient;
  private readonly namespace: string;
  private readonly resubscribe: ResubscribePolicy | undefined;
  private readonly idleCheckpointMs: number | undefined;
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private closed = false;

  constructor(client: EventStoreDBClient | string, options: EventStoreDbEventStoreOptions = {}) {
    this.client = typeof client === 'string' ? EventStoreDBClient.connectionString(client) : client;
    this.namespace = options.namespace ?? '';
    if (this.namespace.startsWith('$'))
      throw new Error(`EventStoreDB namespace must not start with '$', got "${this.namespace}"`);
    this.resubscribe = options.resubscribe;
    this.idleCheckpointMs = options.idleCheckpointMs;
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    const expected = options.expectedRevision;
    validateAppend(streamId, events, expected);
    const proposed = events.map((event, index) => toEventData(event, index));
    try {
      for (let attempt = 1; ; attempt += 1) {
        const lookup = await this.lookupBatch(streamId, events, expected);
        const plan = planAppend(streamId, events, expected, {
          streamRevision: () => lookup.revision,
          findEvent: (eventId) => lookup.refs.get(eventId),
        });
        if (plan.kind === 'already-stored') return plan.result;
        const written = await this.write(streamId, events, proposed, expected, plan.firstRevision - 1);
        if (written !== STREAM_MOVED) return written;
        if (attempt === MAX_APPEND_ATTEMPTS) {
          throw new EventStoreUnavailableError(
            `EventStoreDB append to ${streamId}: the stream moved under each of ${MAX_APPEND_ATTEMPTS} attempts`,
          );
        }
      }
    } catch (error) {
      throw toStoreError(error, `append to ${streamId}`);
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    validateStartRevision(options.fromRevision);
    validateMaxCount(options.maxCount);
    this.ensureOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    if (options.maxCount === 0) return;
    const maxCount = options.maxCount === undefined ? undefined : BigInt(options.maxCount);
    if (!backwards && from === 'end') {
      // fromRevision is inclusive: forwards from 'end' reads the last event, as the other adapters do.
      yield* this.streamEvents(streamId, BACKWARDS, END, 1n);
      return;
    }
    const fromRevision: ReadRevision =
      from === 'start' ? (backwards ? 0n : START) : from === 'end' ? END : BigInt(from);
    let count = 0;
    for await (const event of this.streamEvents(streamId, backwards ? BACKWARDS : FORWARDS, fromRevision, maxCount)) {
      count += 1;
      yield event;
    }
    if (count === 0 && backwards && typeof from === 'number') {
      // Backwards from past the end reads from the last event (the port's rule), whatever the server does.
      const last = await this.lastRevision(streamId);
      if (last >= 0 && from > last) yield* this.streamEvents(streamId, BACKWARDS, END, maxCount);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    validateStartPosition(options.fromPosition, 'fromPosition');
    validateMaxCount(options.maxCount);
    this.ensureOpen();
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining === 0) return;
    const from =
      options.fromPosition === undefined || options.fromPosition === 'start' ? undefined : options.fromPosition;
    // `$all` reads take no filter in this client: read and filter here, skipping system events.
    for await (const event of this.allEvents(FORWARDS, from === undefined ? START : toEsdbPosition(from))) {
      const ours = this.toOurs(event);
      if (!ours || !matchesFilter(options.filter, ours.streamId, ours.type)) continue;
      if (from !== undefined && ours.position < from) continue;
      yield ours;
      remaining -= 1;
      if (remaining === 0) return;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    validateStartPosition(options.fromPosition, 'fromPosition');
    this.ensureOpen();
    const serverFilter = this.serverFilter(options.filter);
    const wantsReports = options.onCheckpoint !== undefined;
    const subscription: ResubscribingSubscription = new ResubscribingSubscription({
      source: {
        open: (from) => this.openSubscription(from, serverFilter, wantsReports),
        rawHead: () => this.rawHead(),
        toOurs: (event) => this.toOurs(event),
        scan: (after, upTo) => this.scan(after, upTo),
      },
      fromPosition: options.fromPosition ?? 'start',
      filter: options.filter,
      onCheckpoint: options.onCheckpoint,
      policy: this.resubscribe,
      idleCheckpointMs: this.idleCheckpointMs,
      onClosed: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<number> {
    this.ensureOpen();
    return this.lastRevision(streamId);
  }

  async headPosition(): Promise<Position | null> {
    this.ensureOpen();
    for await (const event of this.allEvents(BACKWARDS, END, 16)) {
      const ours = this.toOurs(event);
      if (ours) return ours.position;
    }
    return null;
  }

  /** The server keeps no count of $all: the events up to the position are read (and system events skipped). */
  async countUpTo(position: Position): Promise<number> {
    let count = 0;
    for await (const event of this.readAll()) {
      if (event.position > position) break;
      count += 1;
    }
    return count;
  }

  /** The cluster answers a read of $all: whether it takes writes shows at the next append (its leader may be changing). */
  async checkHealth(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, fault: 'closed', detail: 'the EventStoreDB event store is closed' };
    try {
      await this.headPosition();
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        fault: error instanceof EventStoreUnavailableError ? error.fault : 'unreachable',
        detail: (error as Error).message,
      };
    }
  }

  /** Ends every subscription (a waiting pull rejects with EventStoreUnavailableError) and disposes the client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new EventStoreUnavailableError('the EventStoreDB event store is closed', { fault: 'closed' });
    for (const subscription of this.subscriptions) subscription.fail(error);
    this.subscriptions.clear();
    await this.client.dispose();
  }

  // ---- append -------------------------------------------------------------------------------------

  /**
   * What `planAppend` needs to know about the stream, read from the server. With an exact revision
   * (or 'no-stream', i.e. -1) only the place of the batch is read: the `events.length` revisions after
   * the expected one. When that place is empty the stream is at or before the expected revision and
   * the server's own check decides. With 'any' or 'stream-exists' the batch may have been stored
   * anywhere in the stream, so the whole stream is read (not the production path: commands append at
   * the exact revision they loaded).
   */
  private async lookupBatch(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<StreamLookup> {
    const ids = new Set(events.map((event) => event.eventId));
    const refs = new Map<string, StoredEventRef>();
    const remember = (event: RecordedEvent) => {
      if (ids.has(event.eventId) && !refs.has(event.eventId)) refs.set(event.eventId, event);
    };
    if (expected === 'any' || expected === 'stream-exists') {
      let revision = -1;
      for await (const event of this.streamEvents(streamId, FORWARDS, START, undefined)) {
        remember(event);
        revision = event.revision;
      }
      return { revision, refs, placeTaken: revision >= 0 };
    }
    const exact = expected === 'no-stream' ? -1 : expected;
    let found = 0;
    for await (const event of this.streamEvents(streamId, FORWARDS, BigInt(exact + 1), BigInt(events.length))) {
      found += 1;
      remember(event);
    }
    if (found === 0) return { revision: exact, refs, placeTaken: false };
    const revision = found < events.length ? exact + found : await this.lastRevision(streamId);
    return { revision, refs, placeTaken: true };
  }

  /**
   * Appends the batch the look-up found nothing against, ALWAYS at an exact revision: `revision`, the
   * one before the batch's first (-1: no stream). With an exact expected revision that is the one
   * asked for; with 'any' or 'stream-exists' it is the stream's last revision as the look-up read it,
   * because the server de-duplicates a re-appended batch exactly only at an exact revision (it reads
   * the stream), and with `any` / `stream_exists` only from a bounded cache of recent commits that a
   * restart empties (IndexWriter.CheckCommit, EventStore v25.0.0). So a writer that loses the race to
   * an identical concurrent append is answered by the server's exact de-duplication: both callers
   * see success, the events are stored once, and both are told they wrote them (a race the look-up
   * cannot close). An 'any' / 'stream-exists' append whose stream moved meanwhile answers
   * STREAM_MOVED: look again.
   */
  private async write(
    streamId: string,
    events: readonly NewEvent[],
    proposed: EventData[],
    expected: ExpectedRevision,
    revision: number,
  ): Promise<AppendResult | typeof STREAM_MOVED> {
    let next: number;
    try {
      const result = await this.client.appendToStream(this.toWire(streamId), proposed, {
        expectedRevision: revision === -1 ? NO_STREAM : BigInt(revision),
      });
      next = toRevision(result.nextExpectedRevision);
    } catch (error) {
      if (error instanceof MaxAppendSizeExceededError)
        throw new AppendTooLargeError(streamId, appendSizeOf(proposed), error.maxAppendSize);
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (expected === 'any' || expected === 'stream-exists') return STREAM_MOVED;
      // An identical batch may have landed between our look-up and our append: then this is a retry.
      const again = await this.lookupBatch(streamId, events, expected);
      const plan = planAppend(streamId, events, expected, {
        streamRevision: () => (again.placeTaken ? again.revision : actualRevisionOf(error)),
        findEvent: (eventId) => again.refs.get(eventId),
      });
      if (plan.kind === 'already-stored') return plan.result;
      throw toWrongExpectedRevision(error, streamId, expected);
    }
    // The position of the last event as every read reports it (not the append answer's).
    const stored = await this.readBatch(streamId, next - events.length + 1, events);
    const last = stored[stored.length - 1]!;
    return { streamId, nextExpectedRevision: last.revision, position: last.position };
  }

  /** The batch as stored from revision `first`, checked against what was appended. */
  private async readBatch(streamId: string, first: number, events: readonly NewEvent[]): Promise<RecordedEvent[]> {
    const stored: RecordedEvent[] = [];
    for await (const event of this.streamEvents(streamId, FORWARDS, BigInt(first), BigInt(events.length)))
      stored.push(event);
    const matches =
      stored.length === events.length && stored.every((event, index) => event.eventId === events[index]!.eventId);
    if (!matches) {
      throw new EventStoreUnavailableError(
        `EventStoreDB append to ${streamId}: the server acknowledged revisions ${first}..${first + events.length - 1}, ` +
          'but they do not hold the appended events',
      );
    }
    return stored;
  }

  // ---- reads --------------------------------------------------------------------------------------

  /** The stream's last revision, -1 when it holds no event. */
  private async lastRevision(streamId: string): Promise<number> {
    for await (const event of this.streamEvents(streamId, BACKWARDS, END, 1n)) return event.revision;
    return -1;
  }

  /** A stream read; a missing stream reads as empty. */
  private async *streamEvents(
    streamId: string,
    direction: typeof FORWARDS | typeof BACKWARDS,
    fromRevision: ReadRevision,
    maxCount: bigint | undefined,
  ): AsyncGenerator<RecordedEvent> {
    const read = releasedWhenStopped(
      this.client.readStream(this.toWire(streamId), {
        direction,
        fromRevision,
        ...(maxCount === undefined ? {} : { maxCount }),
      }),
    );
    let finished = false;
    try {
      for await (const resolved of read) {
        const event = resolved.event;
        if (!event) continue;
        yield toRecordedEvent(event, streamId, this.streamEventPosition(event));
      }
      finished = true;
    } catch (error) {
      finished = true;
      if (error instanceof StreamNotFoundError) return;
      throw toStoreError(error, `read of ${streamId}`);
    } finally {
      // Stopping early does not end the gRPC call by itself.
      if (!finished) read.cancel().catch(() => undefined);
    }
  }

  /**
   * `$all`, forwards or backwards, read in bounded pages. Each page's call runs to its end: a read
   * left open and cancelled half-way (a caller that wanted one event) costs the server a stream per
   * call, and many of them at once made the HTTP/2 session fail.
   */
  private async *allEvents(
    direction: typeof FORWARDS | typeof BACKWARDS,
    fromPosition: ReadPosition,
    pageSize = ALL_PAGE_SIZE,
  ): AsyncGenerator<AllStreamRecordedEvent> {
    let from = fromPosition;
    let skip: EsdbPosition | undefined;
    for (;;) {
      const page: AllStreamRecordedEvent[] = [];
      try {
        for await (const resolved of this.client.readAll({ direction, fromPosition: from, maxCount: pageSize })) {
          if (resolved.event) page.push(resolved.event);
        }
      } catch (error) {
        throw toStoreError(error, 'read of $all');
      }
      for (const event of page) {
        // A forwards read includes the record at its start: the last one of the previous page.
        if (skip && compareEsdbPositions(event.position, skip) === 0) continue;
        yield event;
      }
      if (page.length < pageSize) return;
      skip = page[page.length - 1]!.position;
      from = skip;
    }
  }

  /** `$all` after `after` (exclusive) up to `upTo` (inclusive). */
  private async *scan(after: EsdbPosition | 'start', upTo: EsdbPosition): AsyncGenerator<AllStreamRecordedEvent> {
    for await (const event of this.allEvents(FORWARDS, after === 'start' ? START : after)) {
      if (after !== 'start' && compareEsdbPositions(event.position, after) <= 0) continue;
      if (compareEsdbPositions(event.position, upTo) > 0) return;
      yield event;
    }
  }

  /** Position of the last record of `$all`, system events included (a safe place to subscribe from). */
  private async rawHead(): Promise<EsdbPosition | null> {
    for await (const event of this.allEvents(BACKWARDS, END, 1)) return event.position;
    return null;
  }

  private streamEventPosition(event: EsdbRecordedEvent): Position {
    // Servers older than 22.6 send no position with a stream read (or the "no position" value).
    if (!event.position || event.position.commit === NO_POSITION || event.position.prepare === NO_POSITION) {
      throw new EventStoreUnavailableError(
        'EventStoreDB stream reads return no position: the server is older than 22.6, which this adapter needs',
      );
    }
    ensureUniquePosition(event.position, `read of ${event.streamId}`);
    return positionOf(event.position);
  }

  /** Our envelope of a `$all` event, or undefined for what our port never stores (system, other namespace). */
  private toOurs(event: AllStreamRecordedEvent): RecordedEvent | undefined {
    if (isSystemName(event.streamId) || isSystemName(event.type)) return undefined;
    const streamId = this.fromWire(event.streamId);
    if (streamId === undefined) return undefined;
    ensureUniquePosition(event.position, 'read of $all');
    return toRecordedEvent(event, streamId, positionOf(event.position));
  }

  // ---- subscriptions ------------------------------------------------------------------------------

  /**
   * The server filters by ONE of stream-name prefix, event-type prefix, or a regex on either. The
   * port's stream prefixes go to the server when given (the namespace is one of them), otherwise its
   * event types do — as prefixes, which is all the server knows, and the subscription applies the
   * exact filter again. With neither, the server still filters: `excludeSystemEvents()` (event types
   * not starting with `$`), so that the system events a real `$all` is full of — `$statsCollected`
   * every 30 s on a node that stores its stats, `$metadata`, users, scavenges — stay on the server,
   * and its checkpoints tell the subscription how far it has looked. Every filter skips them: no
   * prefix of ours starts with `$`, and `toOurs` skips them again.
   */
  private serverFilter(filter: EventFilter | undefined): Filter {
    const prefixes = filter?.streamPrefixes;
    if (prefixes && prefixes.length > 0)
      return streamNameFilter({ prefixes: prefixes.map((prefix) => this.namespace + prefix) });
    if (this.namespace !== '') return streamNameFilter({ prefixes: [this.namespace] });
    const types = filter?.eventTypes;
    if (types && types.length > 0) return eventTypeFilter({ prefixes: [...types] });
    return excludeSystemEvents();
  }

  private openSubscription(
    from: EsdbPosition | 'start',
    serverFilter: Filter,
    wantsReports: boolean,
  ): AllStreamSubscription {
    this.ensureOpen();
    const fromPosition = from === 'start' ? START : from;
    const filter: Filter = {
      ...serverFilter,
      checkpointInterval: 1,
      checkpointReached: async (subscription: AllStreamSubscription, position: EsdbPosition) => {
        try {
          const report = wantsReports ? await this.checkpointToReport(position) : undefined;
          subscription.push(new CheckpointMarker(position, report));
        } catch (error) {
          subscription.destroy(error instanceof Error ? error : new Error(String(error)));
        }
      },
    };
    return releasedWhenStopped(this.client.subscribeToAll({ fromPosition, filter }));
  }

  /**
   * The position to report for a server checkpoint. A checkpoint whose commit and prepare positions
   * agree is the position of an event the server has scanned: reported as is. One whose prepare
   * position differs (0 on some versions) stands BETWEEN records — before the record at its commit
   * position, which may not have been scanned yet — and is not a position one can subscribe from as
   * an event position; the last event before it is reported instead (one backwards read).
   */
  private async checkpointToReport(position: EsdbPosition): Promise<Position | undefined> {
    if (position.commit === position.prepare) return position.commit;
    const before = { commit: position.commit, prepare: position.commit };
    for await (const event of this.allEvents(BACKWARDS, before)) {
      if (event.position.commit < position.commit) return positionOf(event.position);
    }
    return undefined;
  }

  // ---- names --------------------------------------------------------------------------------------

  private toWire(streamId: string): string {
    return this.namespace + streamId;
  }

  /** Our stream id of a server stream id, or undefined when it lies outside the namespace. */
  private fromWire(wireId: string): string | undefined {
    if (!wireId.startsWith(this.namespace)) return undefined;
    return wireId.slice(this.namespace.length);
  }

  private ensureOpen(): void {
    if (this.closed)
      throw new EventStoreUnavailableError('the EventStoreDB event store is closed', { fault: 'closed' });
  }
}

/**
 * The client's reads and subscriptions are Node streams piped from the gRPC call. When the consumer
 * stops early, ours is destroyed and unpiped, leaving the gRPC stream paused with what it had already
 * received: a call the server had completed then never emits 'end', and the client's `dispose()`
 * waits for it forever. Resuming it once unpiped drains it (into nothing) so that it ends; a call
 * still running is cancelled as well (`cancel()` / `unsubscribe()` by the caller).
 */
function releasedWhenStopped<S>(stream: S): S {
  // Through unknown: the client's StreamingRead / subscription types are Readable streams at run time,
  // but their typed `on`/`once` overloads do not declare Readable's 'unpipe' event.
  (stream as unknown as Readable).once('unpipe', (source: Readable) => source.resume());
  return stream;
}
