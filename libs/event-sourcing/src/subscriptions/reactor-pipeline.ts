import { Position, RecordedEvent } from '../store';
import { Reactor } from './consumer';

interface Step {
  readonly event: RecordedEvent;
  done: boolean;
}

export interface ReactorPipelineHooks {
  /** Records the reactor's checkpoint. */
  commit(position: Position): Promise<void>;
  /** Called once a checkpoint is committed. */
  committed(position: Position): void;
  /** Called once, when a step or a commit fails: the feeding subscription should stop. */
  failed(): void;
}

/**
 * How a reactor's events are handled and its checkpoint moved (ADR 13).
 *
 * Steps start in global order. Events of one partition (`reactor.partitionOf`; one partition when
 * it has none) are handled one after the other; events of different partitions run concurrently,
 * at most `reactor.maxInFlight` (default 1) handed out and not yet behind the checkpoint. The
 * checkpoint is the last event of the unbroken run of finished ones from the start: it never
 * passes an event that is not done. It is committed behind the steps, never awaited by them, and a
 * commit takes every step finished since the last: a busy reactor commits once per group commit of
 * the checkpoint store, not once per event.
 *
 * So after a crash, or a step that fails, the events after the checkpoint are delivered again,
 * including some already handled — at-least-once, which a Reactor promises to tolerate (ids derived
 * from the causing event). A step that fails stops the pipeline: nothing more is started, the steps
 * running finish, the checkpoint is committed up to the failure, and `settle` throws the failure.
 */
export class ReactorPipeline {
  private readonly steps: Step[] = [];
  private first = 0;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly maxInFlight: number;
  private failure: { readonly error: unknown; readonly event: RecordedEvent } | undefined;
  /** The last event of the unbroken run of finished steps: where the checkpoint may go. */
  private lastFinished: RecordedEvent | undefined;
  private committedUpTo: Position | null;
  private committing: Promise<void> | undefined;
  private slotWaiters: Array<() => void> = [];

  constructor(
    private readonly reactor: Reactor,
    checkpoint: Position | null,
    private readonly hooks: ReactorPipelineHooks,
  ) {
    this.maxInFlight = Math.max(1, Math.floor(reactor.maxInFlight ?? 1));
    this.committedUpTo = checkpoint;
  }

  /** The step that failed first, and why; the pipeline starts nothing more once it is set. */
  get failed(): { readonly error: unknown; readonly event: RecordedEvent } | undefined {
    return this.failure;
  }

  /** No step is running or waiting and the checkpoint is committed up to the last event handed in. */
  get idle(): boolean {
    return (
      this.steps.length === this.first &&
      (this.lastFinished === undefined || this.lastFinished.position === this.committedUpTo)
    );
  }

  /** Hands an event in, once a slot is free: its step starts after its partition's earlier ones. */
  async admit(event: RecordedEvent): Promise<void> {
    while (!this.failure && this.steps.length - this.first >= this.maxInFlight) {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    if (this.failure) return;
    let partition: string;
    try {
      partition = this.reactor.partitionOf?.(event) ?? '';
    } catch (error) {
      this.fail(error, event);
      return;
    }
    const step: Step = { event, done: false };
    this.steps.push(step);
    const previous = this.tails.get(partition);
    const run = async (): Promise<void> => {
      if (this.failure) return;
      try {
        await this.reactor.handle(event);
        step.done = true;
        this.advance();
      } catch (error) {
        this.fail(error, event);
      }
    };
    const tail = previous ? previous.then(run) : run();
    this.tails.set(partition, tail);
    // Fire and forget: `run` catches every failure (fail() records it for settle()), so the tail never
    // rejects; this only forgets a partition's tail once nothing was chained after it.
    void tail.then(() => {
      if (this.tails.get(partition) === tail) this.tails.delete(partition);
    });
  }

  /** Waits for every started step, commits the checkpoint as far as it got, and throws the failure if a step failed. */
  async settle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
    await this.commitPending();
    if (this.failure) throw this.failure.error;
  }

  private fail(error: unknown, event: RecordedEvent): void {
    if (this.failure) return;
    this.failure = { error, event };
    this.wakeAdmissions();
    this.hooks.failed();
  }

  /** Moves past the finished steps at the front, frees their slots and commits behind them. */
  private advance(): void {
    const before = this.first;
    while (this.first < this.steps.length && this.steps[this.first]!.done)
      this.lastFinished = this.steps[this.first++]!.event;
    if (this.first === before) return;
    if (this.first > 1024 && this.first * 2 > this.steps.length) {
      this.steps.splice(0, this.first);
      this.first = 0;
    }
    this.wakeAdmissions();
    this.committing ??= this.commitPending().finally(() => (this.committing = undefined));
  }

  private async commitPending(): Promise<void> {
    if (this.committing) await this.committing.catch(() => undefined);
    while (this.lastFinished && this.lastFinished.position !== this.committedUpTo) {
      const event = this.lastFinished;
      const target = event.position;
      try {
        await this.hooks.commit(target);
      } catch (error) {
        this.fail(error, event);
        return;
      }
      this.committedUpTo = target;
      this.hooks.committed(target);
    }
  }

  private wakeAdmissions(): void {
    const waiters = this.slotWaiters;
    this.slotWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
