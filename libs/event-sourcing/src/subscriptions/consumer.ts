import { EventFilter, RecordedEvent } from '../store';

/**
 * Acts on events with effects outside the checkpoint's storage (commands, the Nest EventBus).
 * Delivery is at-least-once: the checkpoint moves only past events whose `handle` resolved, and is
 * committed behind them, so after a crash some are handled again; an effect must be idempotent (ids
 * derived from the causing event). See ReactorPipeline.
 */
export interface Reactor {
  readonly kind: 'reactor';
  readonly name: string;
  readonly filter?: EventFilter;
  /**
   * Events with the same partition are handled one after the other, in global order; events of
   * different partitions may be handled at the same time. Without it, every event is in one partition.
   */
  partitionOf?(event: RecordedEvent): string;
  /** How many events may be handed out ahead of the checkpoint at once (default 1). */
  readonly maxInFlight?: number;
  handle(event: RecordedEvent): Promise<void>;
}

/**
 * Writes a read model in the same storage as its checkpoint. `apply` is synchronous and runs in the
 * checkpoint's transaction: the model and the checkpoint move together, exactly once.
 */
export interface Projection {
  readonly kind: 'projection';
  readonly name: string;
  readonly filter?: EventFilter;
  apply(event: RecordedEvent): void;
}

export type EventConsumer = Reactor | Projection;
