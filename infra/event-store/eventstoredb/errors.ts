import {
  AccessDeniedError,
  InvalidArgumentError,
  isCommandError,
  NotFoundError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreError,
  EventStoreUnavailableError,
  ExpectedRevision,
  WrongExpectedRevisionError,
} from '@libs/event-sourcing';
import { toRevision } from './event-mapping';

/** The actual revision a WrongExpectedVersionError reports: -1 when the stream does not exist. */
export function actualRevisionOf(error: WrongExpectedVersionError): number {
  return error.actualVersion === 'no_stream' ? -1 : toRevision(error.actualVersion);
}

export function toWrongExpectedRevision(
  error: WrongExpectedVersionError,
  streamId: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, actualRevisionOf(error));
}

/**
 * Anything the client throws becomes one of our typed errors: ours pass through, everything else
 * (connection lost, server unavailable, deadline exceeded, not the leader, access denied, ...) means
 * the store cannot serve the request. The client's error stays as the `cause`.
 */
export function toStoreError(error: unknown, doing: string): Error {
  if (error instanceof EventStoreError) return error;
  const kind =
    error instanceof Error && isCommandError(error) ? error.type : error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`EventStoreDB ${doing}: ${kind}: ${message}`, { cause: error });
}

/**
 * Whether a dropped subscription is worth re-subscribing: a lost connection, a server restart, a
 * leader change or a stream that simply ended are; a refusal (credentials, a malformed request, a
 * deleted stream) would only fail again.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof EventStoreError) return false;
  return !(
    error instanceof AccessDeniedError ||
    error instanceof InvalidArgumentError ||
    error instanceof NotFoundError ||
    error instanceof StreamDeletedError
  );
}
