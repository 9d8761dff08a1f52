import { ExpectedRevision } from './expected-revision';
import type { StoreFault } from './errors';
import { NewEvent, Position, RecordedEvent } from './recorded-event';

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the last event of the batch: the expected revision of the next append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of the batch. */
  readonly position: Position;
  /** True when the same events were already stored at that place: nothing was written this time. */
  readonly alreadyStored?: boolean;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number | 'start' | 'end';
  readonly direction?: ReadDirection;
  readonly maxCount?: number;
}

/** Server-side filter: an event passes when it matches every list that is given. */
export interface EventFilter {
  /** The stream id starts with one of these (e.g. `application-`). */
  readonly streamPrefixes?: readonly string[];
  /** The event type is one of these. */
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Inclusive: the first event returned is the one at this position or after it. */
  readonly fromPosition?: Position | 'start';
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeToAllOptions {
  /**
   * Exclusive, as a checkpoint is: the subscription delivers the events after this position.
   * `'start'` delivers everything; `'end'` only what is appended from now on.
   */
  readonly fromPosition?: Position | 'start' | 'end';
  readonly filter?: EventFilter;
  /**
   * Called when every event up to `position` that passes the filter has been delivered and pulled
   * (as EventStoreDB's `checkpointReached`), so a filtered consumer can tell how far it has come
   * even when nothing it cares about was appended.
   */
  readonly onCheckpoint?: (position: Position) => void;
}

/**
 * A catch-up subscription: it delivers the stored events after its start, then the live ones,
 * in global order, with no gap and no duplicate at the hand-over. It is pulled: the next event is
 * read only when the consumer asks for it, so a slow consumer never makes it buffer without bound.
 */
/**
 * Whether the store can take appends now — not only answer reads: a full disk or a file another
 * process holds locked still serves reads, and a readiness check must say the service cannot work.
 */
export type StoreHealth =
  { readonly ok: true } | { readonly ok: false; readonly fault: StoreFault; readonly detail: string };

export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration; a pending `next()` resolves as done. */
  close(): Promise<void>;
}

/** The event store port. Every adapter passes the same contract suite (test/contract). */
export interface EventStore {
  /**
   * True when the store refuses an event id already stored in another stream
   * (DuplicateEventIdError), as the embedded stores do; EventStoreDB deduplicates ids per stream
   * only, so it says false. A command under an Idempotency-Key then claims its key in a stream of
   * its own before appending (`claimIdempotencyKey`, ADR 17). Absent: false, the safe side.
   */
  readonly eventIdsUniqueStoreWide?: boolean;
  /**
   * Appends the batch atomically. Throws WrongExpectedRevisionError when the stream is not where the
   * writer expected it. Appending again the same event ids at the same place returns the original
   * result and writes nothing (a retried command is safe).
   */
  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** A missing stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** The stream's last revision, or -1 when it holds no event. */
  streamRevision(streamId: string): Promise<number>;
  /** Position of the last stored event, or null for an empty store. */
  headPosition(): Promise<Position | null>;
  /** How many events lie at or before `position` (a rebuild's total, for its progress and its report). */
  countUpTo(position: Position): Promise<number>;
  /** Checks, without writing anything, that an append could succeed now (for readiness checks). */
  checkHealth(): Promise<StoreHealth>;
  close(): Promise<void>;
}
