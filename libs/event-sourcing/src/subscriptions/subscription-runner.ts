import { EventStore, Position, RecordedEvent, Subscription } from '../store';
import { CheckpointStore } from './checkpoint-store';
import { EventConsumer, Projection, Reactor } from './consumer';
import { ReactorPipeline } from './reactor-pipeline';

export type RunnerState = 'idle' | 'running' | 'stopped' | 'failed';

export interface RunnerEvents {
  /** A consumer failed on an event; the runner stops there and will resume from it on restart. */
  onFailure?(consumer: string, event: RecordedEvent, error: unknown): void;
}

/** At most this many events are applied under one commit by a batching projection runner. */
export const MAX_PROJECTION_BATCH = 1_000;

const NOT_YET = Symbol('not yet');

const later = (a: Position | null, b: Position): Position => (a !== null && a > b ? a : b);

/**
 * The real one, taken when this module loads: a batch ends at the next turn of the event loop even
 * under a test's fake timers (which would otherwise hold a batch open for as long as events trickle in).
 */
const nextTurn = globalThis.setImmediate;

/**
 * Runs one named consumer on a catch-up subscription that starts after its stored checkpoint, so a
 * restart resumes where the last committed event left off. Events are processed in global order;
 * the checkpoint moves only after the consumer has finished with an event.
 *
 * A reactor's events go through a ReactorPipeline: one partition's events one at a time, several
 * partitions at once when the reactor says so, the checkpoint committed behind them. A projection whose checkpoint store rolls back a failed
 * `work` (`rollsBackWork`: the read models' SQLite file) gets every event the subscription already
 * has at hand — up to MAX_PROJECTION_BATCH, without waiting for more — applied in one transaction
 * with one checkpoint: a backlog is caught up with one commit per batch instead of one per event.
 * A batch that fails is undone whole and applied again one event at a time, so the events before
 * the failing one are committed and the failure is reported on its own event, exactly as without
 * batching. Until a batch is committed, nothing about it is visible: `waitFor` resolves only once
 * the events it waits for are committed.
 */
export class CheckpointedSubscriptionRunner {
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private processed: Position | null = null;
  /** How far the subscription has looked, including events the filter let pass by. */
  private reached: Position | null = null;
  /** Woken whenever the consumer makes progress (or fails); each re-checks what it waits for. */
  private waiters: Array<() => void> = [];
  private changes = 0;
  private failure: unknown;
  /** Events handed out by the subscription and not yet committed (a batch being gathered or applied). */
  private uncommitted = false;
  /** A checkpoint the subscription reported while events were uncommitted: it counts once they are. */
  private deferredReach: Position | null = null;
  state: RunnerState = 'idle';

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    readonly consumer: EventConsumer,
    private readonly events: RunnerEvents = {},
  ) {}

  /** Why the runner stopped, while it is `failed`. */
  get lastFailure(): unknown {
    return this.failure;
  }

  get name(): string {
    return this.consumer.name;
  }

  /** Position of the last event this consumer committed (null before the first). */
  get checkpoint(): Position | null {
    return this.processed;
  }

  /** How far the consumer has come, counting the events its filter let by: what its read model reflects. */
  get progress(): Position | null {
    if (this.processed === null) return this.reached;
    if (this.reached === null) return this.processed;
    return this.processed > this.reached ? this.processed : this.reached;
  }

  async start(): Promise<void> {
    if (this.state === 'running') return;
    this.processed = await this.checkpoints.load(this.consumer.name);
    this.uncommitted = false;
    this.deferredReach = null;
    this.subscription = this.store.subscribeToAll({
      fromPosition: this.processed ?? 'start',
      filter: this.consumer.filter,
      onCheckpoint: (position) => {
        // Only forwards: a store may report a position again, or one it has already passed (an
        // EventStoreDB subscription resumed after a drop re-sends where it caught up).
        // Reported when the consumer pulls past a page: a batching runner pulls before it commits.
        if (this.uncommitted) {
          this.deferredReach = later(this.deferredReach, position);
          return;
        }
        this.reached = later(this.reached, position);
        this.wake();
      },
    });
    this.state = 'running';
    this.failure = undefined;
    this.loop = this.consume(this.subscription);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.loop;
    if (this.state === 'running') this.state = 'stopped';
  }

  /**
   * Resolves once every event up to `position` that this consumer is given has been committed.
   * A filtered consumer may never be told about the events its filter lets by (EventStoreDB sends
   * a checkpoint only every so many events scanned), so when its progress stops short of `position`
   * it asks the store whether any event it would be given lies in between; if none, it is there.
   */
  async waitFor(position: Position): Promise<void> {
    const head = await this.store.headPosition();
    if (head === null || position > head) throw new Error(`position ${position} is beyond the store's head`);
    for (;;) {
      if (this.state === 'failed') throw this.failure;
      if (this.hasReached(position)) return;
      const seen = this.changes;
      if (!(await this.hasEventToProcessUpTo(position))) return;
      if (this.changes !== seen) continue; // it moved (or failed) while the store was read
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private async hasEventToProcessUpTo(position: Position): Promise<boolean> {
    const progress = this.progress;
    // Read from an event's own position (EventStoreDB reads only from event boundaries) and skip it.
    const events = this.store.readAll({ fromPosition: progress ?? 'start', filter: this.consumer.filter, maxCount: 2 });
    for await (const event of events) {
      if (progress !== null && event.position <= progress) continue;
      return event.position <= position;
    }
    return false;
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      if (this.consumer.kind === 'reactor') {
        await this.consumeThroughPipeline(subscription, this.consumer);
        return;
      }
      if (this.checkpoints.rollsBackWork === true) {
        await this.consumeInBatches(subscription, this.consumer);
        return;
      }
      for await (const event of subscription) {
        await this.process(event);
        this.processed = event.position;
        this.wake();
      }
    } catch (error) {
      this.state = 'failed';
      this.failure = error;
      this.wake();
      await subscription.close();
    }
  }

  private async consumeThroughPipeline(subscription: Subscription, reactor: Reactor): Promise<void> {
    const pipeline = new ReactorPipeline(reactor, this.processed, {
      commit: (position) => this.checkpoints.commit(reactor.name, position),
      committed: (position) => {
        this.processed = position;
        if (pipeline.idle) this.settleDeferredReach();
        this.wake();
      },
      // A failed commit may come while the subscription waits for the next event: end that wait.
      failed: () => void subscription.close(),
    });
    try {
      for await (const event of subscription) {
        this.uncommitted = true;
        await pipeline.admit(event);
        if (pipeline.failed) break;
      }
    } finally {
      await pipeline.settle().catch((error: unknown) => {
        const failed = pipeline.failed;
        if (failed) this.events.onFailure?.(reactor.name, failed.event, failed.error);
        throw error;
      });
    }
    this.settleDeferredReach();
  }

  /** Once nothing handed out is uncommitted, a checkpoint the subscription reported meanwhile counts. */
  private settleDeferredReach(): void {
    this.uncommitted = false;
    const deferred = this.deferredReach;
    this.deferredReach = null;
    if (deferred !== null && (this.reached === null || deferred > this.reached)) this.reached = deferred;
  }

  /**
   * Gathers what the subscription yields without waiting (its pages resolve in microtasks; a wait
   * for an append or a poll takes a turn of the event loop, which ends the batch), then commits it.
   */
  private async consumeInBatches(subscription: Subscription, projection: Projection): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending = iterator.next();
    for (;;) {
      const first = await pending;
      if (first.done) return;
      this.uncommitted = true;
      const batch = [first.value];
      const turn = new Promise<typeof NOT_YET>((resolve) => nextTurn(() => resolve(NOT_YET)));
      pending = iterator.next();
      while (batch.length < MAX_PROJECTION_BATCH) {
        const next = await Promise.race([pending, turn]);
        if (next === NOT_YET || next.done) break;
        batch.push(next.value);
        pending = iterator.next();
      }
      await this.processBatch(batch, projection);
      this.settleDeferredReach();
      this.wake();
    }
  }

  private async processBatch(events: readonly RecordedEvent[], projection: Projection): Promise<void> {
    const last = events[events.length - 1]!;
    if (events.length > 1) {
      try {
        await this.checkpoints.commit(projection.name, last.position, () => {
          for (const event of events) projection.apply(event);
        });
        this.processed = last.position;
        return;
      } catch {
        // Rolled back whole: again one event at a time, below.
      }
    }
    for (const event of events) {
      await this.process(event);
      this.processed = event.position;
    }
  }

  private async process(event: RecordedEvent): Promise<void> {
    const consumer = this.consumer as Projection;
    try {
      await this.checkpoints.commit(consumer.name, event.position, () => consumer.apply(event));
    } catch (error) {
      this.events.onFailure?.(consumer.name, event, error);
      throw error;
    }
  }

  private hasReached(position: Position): boolean {
    return (
      (this.processed !== null && this.processed >= position) || (this.reached !== null && this.reached >= position)
    );
  }

  private wake(): void {
    this.changes += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
