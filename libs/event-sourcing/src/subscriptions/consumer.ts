import { EventFilter, RecordedEvent } from '../store';

/**
 * Acts on events with effects outside the checkpoint's storage (commands, the Nest EventBus).
 * Delivery is at-least-once: the checkpoint moves after `handle` resolves, so an effect must be
 * idempotent (ids derived from the causing event).
 */
export interface Reactor {
  readonly kind: 'reactor';
  readonly name: string;
  readonly filter?: EventFilter;
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
