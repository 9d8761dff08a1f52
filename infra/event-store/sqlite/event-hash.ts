import { createHash } from 'node:crypto';
import { canonicalJson } from '@domain/shared/canonical-json';
import { EventRow, rowFields } from './sqlite-statements';

/** The stored fields of one event that its hashes cover, as they sit in an `events` row. */
export interface HashedEventFields {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  /** The stored JSON text; it is parsed and re-serialised canonically, so key order does not matter. */
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

/**
 * Tamper evidence of the SQLite event store (migration 2):
 *
 *   content     = canonicalJson({ eventId, streamId, revision, position: "<decimal>", type, schemaVersion,
 *                                 data: <parsed>, metadata: <parsed>, recordedAt })
 *   stream_hash = sha256hex(<stream_hash of revision - 1 of the same stream, or '' at revision 0> + '\n' + content)
 *   chain_hash  = sha256hex(<chain_hash of the previous event in position order, or '' for the first> + '\n' + stream_hash)
 */
export function eventContent(event: HashedEventFields): string {
  return canonicalJson({
    eventId: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position.toString(10),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(event.data),
    metadata: JSON.parse(event.metadata),
    recordedAt: event.recordedAt,
  });
}

/** The content of an `events` row as stored (the migration's backfill and the verifier read rows). */
export function rowContent(row: EventRow): string {
  return eventContent(rowFields(row));
}

export function sha256hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function streamHashOf(previousStreamHash: string, content: string): string {
  return sha256hex(`${previousStreamHash}\n${content}`);
}

export function chainHashOf(previousChainHash: string, streamHash: string): string {
  return sha256hex(`${previousChainHash}\n${streamHash}`);
}
