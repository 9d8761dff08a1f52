/** Who caused an event: the authenticated user (or system process) and the role they acted in. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

/** Why and when an event happened. Every event carries it; auditors read it back unchanged. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandId: string;
  readonly actor: Actor;
  /** ISO-8601 instant at which the business fact happened (from the injected clock). */
  readonly occurredAt: string;
  /**
   * A digest of the request that caused the event, when its command id came from an HTTP
   * Idempotency-Key: a retry under the same key must present the same one (ADR 17).
   */
  readonly requestFingerprint?: string;
}

/** An event about to be appended. The caller chooses the id, so a retried append is idempotent. */
export interface NewEvent<Data = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/**
 * Global position in the store's total order. A bigint because EventStoreDB positions are
 * 64-bit log offsets that exceed Number.MAX_SAFE_INTEGER; never turn it into a number.
 */
export type Position = bigint;

/** An event as the store recorded it. */
export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
  readonly streamId: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  readonly position: Position;
  /** ISO-8601 instant at which the store committed the event. */
  readonly recordedAt: string;
}
