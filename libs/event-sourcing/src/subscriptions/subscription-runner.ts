import { EventStore, Position, RecordedEvent, Subscription } from '../store';
import { CheckpointStore } from './checkpoint-store';
import { EventConsumer } from './consumer';

export type RunnerState = 'idle' | 'running' | 'stopped' | 'failed';

export interface RunnerEvents {
  /** A consumer failed on an event; the runner stops there and will resume from it on restart. */
  onFailure?(consumer: string, event: RecordedEvent, error: unknown): void;
}

/**
 * Runs one named consumer on a catch-up subscription that starts after its stored checkpoint, so a
 * restart resumes where the last committed event left off. Events are processed one at a time, in
 * global order; the checkpoint moves only after the consumer has finished with an event.
 */
export class CheckpointedSubscriptionRunner {
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private processed: Position | null = null;
  /** How far the subscription has looked, including events the filter let pass by. */
  private reached: Position | null = null;
  private waiters: Array<{ position: Position; resolve: () => void }> = [];
  private failure: unknown;
  state: RunnerState = 'idle';

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    readonly consumer: EventConsumer,
    private readonly events: RunnerEvents = {},
  ) {}

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
    this.subscription = this.store.subscribeToAll({
      fromPosition: this.processed ?? 'start',
      filter: this.consumer.filter,
      onCheckpoint: (position) => {
        this.reached = position;
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

  /** Resolves once every event up to `position` that this consumer is given has been committed. */
  async waitFor(position: Position): Promise<void> {
    if (this.state === 'failed') throw this.failure;
    if (this.hasReached(position)) return;
    const head = await this.store.headPosition();
    if (head === null || position > head) throw new Error(`position ${position} is beyond the store's head`);
    // The runner may have got there while the head was read: check again before waiting for a wake-up.
    if (this.hasReached(position)) return;
    await new Promise<void>((resolve) => this.waiters.push({ position, resolve }));
    if ((this.state as RunnerState) === 'failed') throw this.failure;
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        await this.process(event);
        this.processed = event.position;
        this.wake();
      }
    } catch (error) {
      this.state = 'failed';
      this.failure = error;
      this.wake(true);
      await subscription.close();
    }
  }

  private async process(event: RecordedEvent): Promise<void> {
    const { consumer } = this;
    try {
      if (consumer.kind === 'projection') {
        await this.checkpoints.commit(consumer.name, event.position, () => consumer.apply(event));
      } else {
        await consumer.handle(event);
        await this.checkpoints.commit(consumer.name, event.position);
      }
    } catch (error) {
      this.events.onFailure?.(consumer.name, event, error);
      throw error;
    }
  }

  private hasReached(position: Position): boolean {
    return (this.processed !== null && this.processed >= position) || (this.reached !== null && this.reached >= position);
  }

  private wake(all = false): void {
    const ready = this.waiters.filter((w) => all || this.hasReached(w.position));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }
}
