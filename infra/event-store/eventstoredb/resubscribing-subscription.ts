import type { AllStreamRecordedEvent, AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import {
  EventFilter,
  EventStoreUnavailableError,
  matchesFilter,
  Position,
  RecordedEvent,
  Subscription,
} from '@libs/event-sourcing';
import { isTransient, toStoreError } from './errors';
import { compareEsdbPositions, EsdbPosition, isLogPosition, positionOf } from './positions';

/**
 * Pushed into the client's subscription stream, in order, when the server sends a checkpoint of a
 * filtered subscription: every event before it has been pushed before it.
 */
export class CheckpointMarker {
  constructor(
    /** The server's own position, passed back as is to re-subscribe. */
    readonly resumeFrom: EsdbPosition,
    /** The position to report to the consumer (an event position), or undefined when none is known. */
    readonly report: Position | undefined,
  ) {}
}

/** What the subscription needs from the store. */
export interface SubscriptionSource {
  /** A client subscription to `$all` after `from` (exclusive), filtered on the server where it can be. */
  open(from: EsdbPosition | 'start'): AllStreamSubscription;
  /** Position of the last record of `$all`, system events included; null for an empty log. */
  rawHead(): Promise<EsdbPosition | null>;
  /** Our envelope of an event, or undefined for an event our port would never store. */
  toOurs(event: AllStreamRecordedEvent): RecordedEvent | undefined;
  /** `$all` from `after` (exclusive) up to `upTo` (inclusive), unfiltered: to check an idle subscription's progress. */
  scan(after: EsdbPosition | 'start', upTo: EsdbPosition): AsyncIterable<AllStreamRecordedEvent>;
}

/** How a dropped subscription comes back: bounded exponential backoff, the wait injectable for tests. */
export interface ResubscribePolicy {
  /** First wait after a drop (default 100 ms); doubles with every consecutive failure. */
  readonly initialDelayMs?: number;
  /** Upper bound of one wait (default 5 s). */
  readonly maxDelayMs?: number;
  /** Consecutive failures (no event or checkpoint received in between) before giving up (default 10). */
  readonly maxAttempts?: number;
  readonly wait?: (ms: number) => Promise<void>;
  /** Observability: called before each wait. */
  readonly onRetry?: (retry: { readonly attempt: number; readonly delayMs: number; readonly error: unknown }) => void;
}

export interface ResubscribingOptions {
  readonly source: SubscriptionSource;
  readonly fromPosition: Position | 'start' | 'end';
  readonly filter?: EventFilter;
  readonly onCheckpoint?: (position: Position) => void;
  readonly policy?: ResubscribePolicy;
  /**
   * With `onCheckpoint`: after this long without anything from the server while the consumer waits,
   * check how far the log goes and report it when nothing in between passes the filter (default 250).
   */
  readonly idleCheckpointMs?: number;
  /** Called once when the subscription is closed (the store forgets it). */
  readonly onClosed?: () => void;
}

interface StartPoint {
  readonly from: EsdbPosition | 'start';
  /** Events at or below this (our) position are skipped: the start was moved back to a safe position. */
  readonly skipUpTo?: Position;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
const STOPPED = Symbol('stopped');

/** An idle check reads at most this many events; more means the subscription is not idle but behind. */
const MAX_IDLE_SCAN = 1_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * A pulled `$all` subscription over the client's catch-up subscription, which survives drops.
 *
 * - Back-pressure: the client's subscription is a Node stream; it is consumed through its async
 *   iterator, one item per pull, so when the consumer is slow the stream's buffer fills, the gRPC
 *   stream is paused and HTTP/2 flow control stops the server. Nothing buffers without bound.
 * - Drops: when the client's stream fails or ends, it is discarded with whatever it had buffered,
 *   and a new subscription starts after the last position this one HANDED OVER (the last event
 *   delivered, or skipped, or the last checkpoint passed) — the server position itself, exactly as the
 *   server gave it, so nothing is skipped or repeated. Consecutive failures wait a bounded
 *   exponential backoff; after `maxAttempts` the consumer gets EventStoreUnavailableError.
 * - Filters: the server filters by stream prefix or event-type prefix; this class applies the port's
 *   exact filter again (an event-type prefix 'ApplicationSigned' lets 'ApplicationSignedTwice' by).
 * - Checkpoints: reported, in order, once the consumer has pulled past them: the server's checkpoints
 *   of a filtered subscription, and the positions of events skipped here, once nothing is buffered.
 *   The server checkpoints a filtered subscription only every 32 events it scans (× the interval),
 *   so a consumer whose last events were all filtered out on the server would not learn that it is
 *   caught up: when the consumer has waited `idleCheckpointMs` with nothing buffered, the head of the
 *   log is read and, if no event between the last position handed over and the head passes the
 *   filter (read and checked here), the head is reported. Exact, never ahead of a delivery.
 */
export class ResubscribingSubscription implements Subscription {
  private readonly source: SubscriptionSource;
  private readonly filter: EventFilter | undefined;
  private readonly onCheckpoint: ((position: Position) => void) | undefined;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxAttempts: number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly onRetry: ResubscribePolicy['onRetry'];

  private startPoint: Promise<StartPoint> | undefined;
  private started = false;
  /** Where a new client subscription starts (exclusive): the last server position handed over. */
  private resumeFrom: EsdbPosition | 'start' = 'start';
  private skipUpTo: Position | undefined;
  /** Highest position delivered or reported: checkpoints are reported only beyond it. */
  private progress: Position | undefined;
  private pendingCheckpoint: Position | undefined;
  private current: { readonly stream: AllStreamSubscription; readonly iterator: AsyncIterator<unknown> } | undefined;
  private attempt = 0;
  private readonly idleCheckpointMs: number;
  private closed = false;
  private failure: Error | undefined;
  private stop!: () => void;
  private readonly stopped = new Promise<typeof STOPPED>((resolve) => (this.stop = () => resolve(STOPPED)));
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ResubscribingOptions) {
    this.source = options.source;
    this.filter = options.filter;
    this.onCheckpoint = options.onCheckpoint;
    this.initialDelayMs = options.policy?.initialDelayMs ?? 100;
    this.maxDelayMs = options.policy?.maxDelayMs ?? 5_000;
    this.maxAttempts = options.policy?.maxAttempts ?? 10;
    this.wait = options.policy?.wait ?? sleep;
    this.onRetry = options.policy?.onRetry;
    this.idleCheckpointMs = options.idleCheckpointMs ?? 250;
    // 'end' (and a position past the head) is fixed NOW, not at the first pull: nothing appended
    // between subscribing and pulling may be missed.
    if (options.fromPosition !== 'start') this.startPoint = this.resolveStart();
    // Awaited at the first pull; a failure before it is handled there, not reported as unhandled.
    this.startPoint?.catch(() => undefined);
    if (typeof options.fromPosition === 'bigint') this.progress = options.fromPosition;
  }

  /** Ends the iteration; a pending next() resolves as done. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.discardCurrent();
    this.options.onClosed?.();
  }

  /** The store is closing: a pending next() rejects with `error`, and so does every later one. */
  fail(error: Error): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    this.stop();
    this.discardCurrent();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return DONE;
      },
    };
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    const result = this.queue.then(
      () => this.pull(),
      () => this.pull(),
    );
    this.queue = result;
    return result;
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.closed) return DONE;
      if (!this.current) {
        await this.openCurrent();
        continue;
      }
      const { stream, iterator } = this.current;
      // The consumer pulls again only when done with what it was given: if nothing is buffered, every
      // event up to the last skipped one has been handled.
      if (stream.readableLength === 0) this.reportPendingCheckpoint();
      let result: IteratorResult<unknown> | typeof STOPPED;
      try {
        result = await this.nextItem(iterator, stream.readableLength === 0);
      } catch (error) {
        await this.dropped(error);
        continue;
      }
      if (result === STOPPED) continue;
      if (result.done) {
        await this.dropped(undefined);
        continue;
      }
      const delivered = this.handle(result.value);
      if (delivered) return { done: false, value: delivered };
    }
  }

  /** The next item of the client's stream; while waiting for it, idle checkpoints when asked for. */
  private async nextItem(
    iterator: AsyncIterator<unknown>,
    idle: boolean,
  ): Promise<IteratorResult<unknown> | typeof STOPPED> {
    const item = iterator.next();
    if (!idle || this.onCheckpoint === undefined) return Promise.race([item, this.stopped]);
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const quiet = new Promise<'quiet'>(
        (resolve) => (timer = setTimeout(() => resolve('quiet'), this.idleCheckpointMs).unref()),
      );
      const first = await Promise.race([item, this.stopped, quiet]).finally(() => clearTimeout(timer));
      if (first !== 'quiet') return first;
      await Promise.race([this.probeProgress().catch(() => undefined), this.stopped]);
    }
  }

  /**
   * Nothing came for a while: read where the log ends, and report it if no event between the last
   * position handed over and there passes the filter (then the consumer has everything up to it).
   */
  private async probeProgress(): Promise<void> {
    const head = await this.source.rawHead();
    if (head === null || this.closed || this.failure) return;
    const resumedFrom = this.resumeFrom;
    if (resumedFrom !== 'start' && compareEsdbPositions(head, resumedFrom) <= 0) return;
    const headPosition = positionOf(head);
    if (this.progress !== undefined && headPosition <= this.progress) return;
    let scanned = 0;
    for await (const event of this.source.scan(resumedFrom, head)) {
      // Something to deliver after all, or a long way behind (still catching up): not idle.
      if (this.passes(event) !== undefined || ++scanned > MAX_IDLE_SCAN) return;
    }
    // Still the same subscription, nothing handed over meanwhile that would contradict the scan.
    if (this.resumeFrom === resumedFrom && !this.closed && !this.failure) {
      this.pendingCheckpoint = undefined;
      this.report(headPosition);
    }
  }

  /** One item of the client's stream; returns the event to deliver, if it is one. */
  private handle(item: unknown): RecordedEvent | undefined {
    this.attempt = 0;
    if (item instanceof CheckpointMarker) {
      if (!isLogPosition(item.resumeFrom)) return undefined;
      // Never backwards: a server may send a checkpoint again (a subscription resumed from a
      // checkpoint re-sends it where it catches up) or one behind the last event handed over.
      if (this.resumeFrom === 'start' || compareEsdbPositions(item.resumeFrom, this.resumeFrom) > 0)
        this.resumeFrom = item.resumeFrom;
      if (item.report !== undefined) {
        this.pendingCheckpoint = undefined;
        this.report(item.report);
      }
      return undefined;
    }
    const event = (item as AllStreamResolvedEvent).event;
    if (!event) return undefined;
    // The server never repeats an event within one subscription; this guard is for the hand-over
    // between two of them (and a start moved back to a safe position).
    if (this.resumeFrom !== 'start' && compareEsdbPositions(event.position, this.resumeFrom) <= 0) return undefined;
    this.resumeFrom = event.position;
    const ours = this.passes(event);
    if (ours === undefined) {
      this.pendingCheckpoint = positionOf(event.position);
      return undefined;
    }
    this.pendingCheckpoint = undefined;
    if (this.progress === undefined || ours.position > this.progress) this.progress = ours.position;
    return ours;
  }

  /** Our envelope of the event when this subscription delivers it; undefined when it skips it. */
  private passes(event: AllStreamRecordedEvent): RecordedEvent | undefined {
    const ours = this.source.toOurs(event);
    if (ours === undefined) return undefined;
    if (this.skipUpTo !== undefined && ours.position <= this.skipUpTo) return undefined;
    return matchesFilter(this.filter, ours.streamId, ours.type) ? ours : undefined;
  }

  private reportPendingCheckpoint(): void {
    const pending = this.pendingCheckpoint;
    this.pendingCheckpoint = undefined;
    if (pending !== undefined) this.report(pending);
  }

  private report(position: Position): void {
    if (this.progress !== undefined && position <= this.progress) return;
    this.progress = position;
    this.onCheckpoint?.(position);
  }

  private async openCurrent(): Promise<void> {
    try {
      if (!this.started) {
        this.startPoint ??= this.resolveStart();
        const start = await Promise.race([this.startPoint, this.stopped]);
        if (start === STOPPED) return;
        this.started = true;
        this.resumeFrom = start.from;
        this.skipUpTo = start.skipUpTo;
      }
      if (this.closed || this.failure) return;
      const stream = this.source.open(this.resumeFrom);
      // Errors reach the iterator; this keeps a late one (after the stream was discarded) from crashing.
      stream.on('error', () => undefined);
      this.current = { stream, iterator: stream[Symbol.asyncIterator]() };
    } catch (error) {
      if (!this.started) this.startPoint = undefined; // resolved again at the next attempt
      await this.dropped(error);
    }
  }

  /**
   * Where to start. 'end' is the last record of the log, fixed now. A position is passed to the
   * server as is when it is within the log; past the head it cannot be (the server only reads from
   * record boundaries), so the subscription starts at the head and skips up to the position.
   */
  private async resolveStart(): Promise<StartPoint> {
    const from = this.options.fromPosition;
    const head = await this.source.rawHead();
    if (from === 'start') return { from: 'start' };
    if (from === 'end') return { from: head ?? 'start' };
    if (head === null) return { from: 'start', skipUpTo: from };
    if (from >= positionOf(head)) return { from: head, skipUpTo: from };
    return { from: { commit: from, prepare: from } };
  }

  /** The client's stream failed or ended: discard it and, unless the failure is final, come back after a wait. */
  private async dropped(error: unknown): Promise<void> {
    this.discardCurrent();
    if (this.closed || this.failure) return;
    if (error !== undefined && !isTransient(error)) {
      this.failure = toStoreError(error, 'subscription to $all');
      return;
    }
    this.attempt += 1;
    if (this.attempt > this.maxAttempts) {
      this.failure = new EventStoreUnavailableError(
        `EventStoreDB subscription to $all: dropped ${this.maxAttempts} times in a row, giving up`,
        { cause: error },
      );
      return;
    }
    const delayMs = Math.min(this.initialDelayMs * 2 ** (this.attempt - 1), this.maxDelayMs);
    this.onRetry?.({ attempt: this.attempt, delayMs, error });
    await Promise.race([this.wait(delayMs), this.stopped]);
  }

  private discardCurrent(): void {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    current.stream.unsubscribe().catch(() => undefined);
    current.stream.destroy();
  }
}
