import { AppendResult } from './event-store';
import { DuplicateEventIdError, WrongExpectedRevisionError } from './errors';
import { ExpectedRevision, satisfiesExpectedRevision } from './expected-revision';
import { NewEvent, Position } from './recorded-event';

export interface StoredEventRef {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
}

/** What an adapter can answer synchronously inside its write transaction. */
export interface AppendLookup {
  streamRevision(streamId: string): number;
  findEvent(eventId: string): StoredEventRef | undefined;
}

export type AppendPlan =
  | { readonly kind: 'write'; readonly firstRevision: number }
  | { readonly kind: 'already-stored'; readonly result: AppendResult };

/**
 * Decides, inside the adapter's transaction, whether a batch is new, a retry of a batch already
 * stored at the same place (EventStoreDB's idempotent append: success, nothing written), or a
 * conflict. A batch whose ids are stored elsewhere or only in part is a conflict, never a merge.
 */
export function planAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  lookup: AppendLookup,
): AppendPlan {
  const actual = lookup.streamRevision(streamId);
  const stored = events.map((event) => lookup.findEvent(event.eventId));
  const first = stored[0];
  if (first === undefined) {
    const elsewhere = stored.find((ref) => ref !== undefined);
    if (elsewhere) throw new DuplicateEventIdError(elsewhere.eventId, elsewhere.streamId, elsewhere.revision);
    if (!satisfiesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
    return { kind: 'write', firstRevision: actual + 1 };
  }
  if (first.streamId !== streamId) throw new DuplicateEventIdError(first.eventId, first.streamId, first.revision);
  const wholeBatchInPlace = stored.every(
    (ref, index) => ref !== undefined && ref.streamId === streamId && ref.revision === first.revision + index,
  );
  if (wholeBatchInPlace && satisfiesExpectedRevision(expected, first.revision - 1)) {
    const last = stored[stored.length - 1]!;
    return {
      kind: 'already-stored',
      result: { streamId, nextExpectedRevision: last.revision, position: last.position, alreadyStored: true },
    };
  }
  throw new WrongExpectedRevisionError(streamId, expected, actual);
}
