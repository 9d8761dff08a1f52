import type { Position as EsdbPosition } from '@eventstore/db-client';
import { EventStoreUnavailableError, Position } from '@libs/event-sourcing';

export type { EsdbPosition };

/** 2^64 - 1: EventStoreDB's "no position" (an unsigned -1). */
export const NO_POSITION = 18_446_744_073_709_551_615n;

/**
 * Whether a position the server sent is one in the log. Not so: "no position", and the checkpoint
 * (-1, -1) — which reaches the client as (2^64 - 1, 2^64 - 1) — that servers 24.2 to 24.10 send a
 * filtered subscription that has scanned nothing yet (KDB-710, EventStore commit 2e7bcd2, fixed in
 * 25.0): a position past everything, which would skip everything if taken for progress.
 */
export function isLogPosition(position: EsdbPosition): boolean {
  return position.commit !== NO_POSITION && position.prepare !== NO_POSITION;
}

/**
 * Our `Position` of an event is EventStoreDB's COMMIT position, kept as the bigint the client gives
 * (never through Number: positions are byte offsets in the transaction log and exceed 2^53).
 *
 * Why the commit position:
 * - `$all` is ordered by (commit, prepare), commit first; the commit position is what orders events
 *   across transactions, so it is the one that increases in `$all` order.
 * - Every event appended over gRPC is an implicitly committed prepare record, for which the server
 *   reports commit = prepare = the event record's own log offset (AllReader: `new
 *   CommitEventRecord(eventRecord, eventRecord.LogPosition)`): unique per event. Only events written
 *   by the legacy TCP API's explicit transactions share the commit position of their commit record;
 *   the adapter refuses to report such a shared position as its own (`ensureUniquePosition`).
 * - The prepare position is not dependable outside an event: a filtered subscription's checkpoints
 *   carry a prepare position of 0 on some server versions, and an append answer's prepare position is
 *   the transaction's (the first event's), not the last event's.
 * Either way this adapter takes the position of an event from the event as READ (stream reads, `$all`
 * reads, subscriptions all agree), never from the append answer.
 */
export function positionOf(position: EsdbPosition): Position {
  return position.commit;
}

/** The server position of the event whose (our) position is `position`: commit = prepare. */
export function toEsdbPosition(position: Position): EsdbPosition {
  return { commit: position, prepare: position };
}

/** Orders two server positions as `$all` does: by commit, then by prepare. */
export function compareEsdbPositions(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/**
 * Our port needs one bigint per event. An event whose commit and prepare positions differ was written
 * inside an explicit (legacy TCP) transaction and shares its commit position with the other events of
 * that transaction: refuse it loudly rather than hand out a position that does not identify it.
 */
export function ensureUniquePosition(position: EsdbPosition, where: string): void {
  if (position.commit !== position.prepare) {
    throw new EventStoreUnavailableError(
      `EventStoreDB ${where}: an event at commit ${position.commit.toString()} / prepare ${position.prepare.toString()} ` +
        'was written by an explicit transaction; its commit position is not unique, so this adapter cannot represent it',
    );
  }
}
