import { describeExpectedRevision, ExpectedRevision } from './expected-revision';

/** Base of the store's typed errors; `code` is stable and mapped to HTTP once, at the edge. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** Another writer appended first. Reload, decide again, or report a conflict. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(
      `Stream ${streamId}: expected ${describeExpectedRevision(expected)}, ` +
        `but the stream is at ${actual === -1 ? 'no-stream' : `revision ${actual}`}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id is already stored with different content or in another place. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly existingStreamId: string,
    readonly existingRevision: number,
  ) {
    super(`Event ${eventId} is already stored as ${existingStreamId}@${existingRevision}`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The append request itself is malformed (empty stream id, invalid event, ...). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/**
 * The batch is larger than the store takes in one append (EventStoreDB: the server's `MaxAppendSize`,
 * 1 MiB by default). Nothing was written; the batch is atomic, so it is refused whole, never split.
 */
export class AppendTooLargeError extends EventStoreError {
  readonly code = 'EVENT_STORE.APPEND_TOO_LARGE';
  constructor(
    readonly streamId: string,
    /** The batch's size as the store measures it, in bytes. */
    readonly size: number,
    /** The most the store takes in one append, in bytes. */
    readonly limit: number,
  ) {
    super(`Append to ${streamId}: ${size} bytes, more than the ${limit} bytes the event store takes in one append`);
    this.name = 'AppendTooLargeError';
  }
}

/** Why a store cannot serve: what an operator must fix, and what a health check reports. */
export type StoreFault = 'closed' | 'disk-full' | 'locked' | 'corrupt' | 'read-only' | 'io' | 'unreachable';

/** The store cannot serve the request (closed, disk full, file locked or corrupt); nothing was written. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
  readonly fault: StoreFault;
  constructor(message: string, options?: { cause?: unknown; fault?: StoreFault }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
    this.fault = options?.fault ?? 'unreachable';
  }
}

/** A read or subscription request is malformed (negative position, bad count, ...). */
export class InvalidReadError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_READ';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReadError';
  }
}
