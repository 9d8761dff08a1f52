import type { Clock } from '@libs/event-sourcing';

/**
 * The seed's simulated time: the workflow (handlers, sagas, deadline scheduler) reads it, and the
 * simulation moves it forward as the simulated working days pass. It never goes back, so the
 * recorded events stay in time order.
 */
export class SeedClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves to `instant`; an instant in the past is ignored (the clock stays where it is). */
  set(instant: Date | string): void {
    const next = new Date(instant);
    if (Number.isNaN(next.getTime())) throw new Error(`SeedClock: not an instant: ${String(instant)}`);
    if (next > this.current) this.current = next;
  }
}
