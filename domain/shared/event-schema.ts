/**
 * How an event type is stored: the schema version new events are written with, and for each older
 * version the pure function that lifts its data one version up (never changing what it meant).
 */
export interface EventSchema {
  readonly schemaVersion: number;
  /** `upcasters[n]` lifts version n to n + 1. */
  readonly upcasters?: Readonly<Record<number, (data: unknown) => unknown>>;
}

export const FIRST_VERSION: EventSchema = { schemaVersion: 1 };
