import { newUuid, WrongExpectedRevisionError } from '@libs/event-sourcing';
import type { EventStore, RecordedEvent } from '@libs/event-sourcing';
import {
  accessHash,
  AUDIT_ACCESS_STREAM,
  AUDIT_RECORD_READ,
  AuditReadRequest,
  AuditRecordReadData,
} from './access-events';

/** Appends racing for the chain's next link: each retry reads the new last link first. */
const MAX_ATTEMPTS = 20;

/** The chain kept changing under every attempt: the read is refused rather than left unrecorded. */
export class AccessNotRecordedError extends Error {
  readonly code = 'AUDIT.ACCESS_NOT_RECORDED';
  constructor() {
    super(`The read could not be recorded in ${AUDIT_ACCESS_STREAM} after ${MAX_ATTEMPTS} attempts`);
    this.name = 'AccessNotRecordedError';
  }
}

/**
 * Records one read before it is answered: reads the chain's last link, appends the new one at the
 * expected revision after it, and on a concurrent append (another reader won the revision) starts
 * over from the new last link. So the chain has no fork on any store.
 */
export async function recordAuditRead(store: EventStore, now: Date, read: AuditReadRequest): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const last = await lastOf(store.readStream(AUDIT_ACCESS_STREAM, { direction: 'backwards', maxCount: 1 }));
    const unhashed = {
      ...read,
      readAt: now.toISOString(),
      previousHash: last ? (last.data as AuditRecordReadData).hash : null,
    };
    const data: AuditRecordReadData = { ...unhashed, hash: accessHash(unhashed) };
    const commandId = newUuid();
    try {
      await store.append(
        AUDIT_ACCESS_STREAM,
        [
          {
            eventId: commandId,
            type: AUDIT_RECORD_READ,
            schemaVersion: 1,
            data,
            metadata: {
              actor: read.reader,
              commandId,
              correlationId: commandId,
              causationId: commandId,
              occurredAt: data.readAt,
            },
          },
        ],
        { expectedRevision: last ? last.revision : 'no-stream' },
      );
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
  throw new AccessNotRecordedError();
}

async function lastOf(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent | null> {
  for await (const event of events) return event;
  return null;
}

/** The access chain checked to its end, or its first broken link. */
export type AccessChainVerification =
  | { readonly ok: true; readonly reads: number; readonly head: string | null }
  | {
      readonly ok: false;
      readonly readsChecked: number;
      readonly brokenAt: { readonly revision: number; readonly eventId: string; readonly reason: string };
    };

/**
 * Recomputes every access event's hash and checks that it names the one before it: an edited,
 * removed or reordered record breaks the chain at that revision.
 */
export async function verifyAccessChain(store: EventStore): Promise<AccessChainVerification> {
  let previous: string | null = null;
  let reads = 0;
  for await (const event of store.readStream(AUDIT_ACCESS_STREAM)) {
    const { hash, ...unhashed } = event.data as AuditRecordReadData;
    const reason =
      event.revision !== reads
        ? `revision ${reads} is missing`
        : unhashed.previousHash !== previous
          ? `previousHash ${String(unhashed.previousHash)} does not name the record before it (${String(previous)})`
          : accessHash(unhashed) !== hash
            ? 'its hash does not match its content'
            : null;
    if (reason !== null)
      return { ok: false, readsChecked: reads, brokenAt: { revision: event.revision, eventId: event.eventId, reason } };
    previous = hash;
    reads++;
  }
  return { ok: true, reads, head: previous };
}
