import { Clock } from '@libs/event-sourcing';

export interface Duration {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
}

/** A clock that moves only when the test says so: no test here waits on real time. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-01-05T04:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    const next = new Date(instant);
    if (next < this.current)
      throw new Error(`TestClock only moves forward (${next.toISOString()} < ${this.current.toISOString()})`);
    this.current = next;
  }

  advance(by: Duration): Date {
    const ms =
      (by.days ?? 0) * 86_400_000 +
      (by.hours ?? 0) * 3_600_000 +
      (by.minutes ?? 0) * 60_000 +
      (by.seconds ?? 0) * 1_000 +
      (by.milliseconds ?? 0);
    this.set(new Date(this.current.getTime() + ms));
    return this.now();
  }
}
