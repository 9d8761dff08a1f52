import { KANDAS_NAMESPACE, uuidV5 } from '../ids/uuid';
import type { EventTypeDefinition } from '../registry';
import { EventStore, RecordedEvent, WrongExpectedRevisionError } from '../store';
import { CommandContext, metadataFor } from './command-context';
import { IdempotencyKeyReusedError } from './request-fingerprint';

/** The streams where Idempotency-Keys are claimed: `idempotency-<command id>` (ADR 17). */
export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';
export const IDEMPOTENCY_KEY_CLAIMED = 'IdempotencyKeyClaimed';

/** The claim's one event: the command's target stream and the request's fingerprint. */
export interface IdempotencyKeyClaim {
  readonly streamId: string;
  readonly requestFingerprint: string;
}

/** For the workflow's registry: the claim is a stored event like any other (audit by correlation reads it). */
export const IDEMPOTENCY_EVENT_TYPES: readonly EventTypeDefinition[] = [
  { type: IDEMPOTENCY_KEY_CLAIMED, schemaVersion: 1 },
];

/** The claim stream of a command id; the id is already a digest of (actor, key), so the key is not shown. */
export const idempotencyStreamId = (commandId: string): string => `${IDEMPOTENCY_STREAM_PREFIX}${commandId}`;

/**
 * Before a command under an Idempotency-Key appends to `streamId`, on a store whose event ids are
 * unique per stream only (EventStoreDB): claims the key in its own stream with `no-stream`, so
 * that the key reused for a command on *another* stream — whose event ids, derived from the key,
 * that store would take — is refused like a key reused on the same stream. A claim already there
 * is compared: the same target and fingerprint (a try of this request that stored nothing more: a
 * 409, a 503, a crash) goes on; anything else is `IdempotencyKeyReusedError`.
 *
 * Where event ids are unique store-wide (SQLite, in memory) the store refuses such a reuse itself
 * (DuplicateEventIdError), and nothing is claimed: no second append per command there.
 */
export async function claimIdempotencyKey(store: EventStore, context: CommandContext, streamId: string): Promise<void> {
  const fingerprint = context.requestFingerprint;
  if (fingerprint === undefined || store.eventIdsUniqueStoreWide === true) return;
  const claimStream = idempotencyStreamId(context.commandId);
  const claim: IdempotencyKeyClaim = { streamId, requestFingerprint: fingerprint };
  try {
    const appended = await store.append(
      claimStream,
      [
        {
          eventId: uuidV5(`idempotency-claim:${context.commandId}`, KANDAS_NAMESPACE),
          type: IDEMPOTENCY_KEY_CLAIMED,
          schemaVersion: 1,
          data: claim,
          metadata: metadataFor(context),
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    // "Already stored" is decided on the event id alone, which the key fixes: the data may differ.
    if (appended.alreadyStored !== true) return;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
  }
  const first = await firstOf(store.readStream(claimStream, { maxCount: 1 }));
  const stored = first?.data as Partial<IdempotencyKeyClaim> | undefined;
  if (stored?.streamId !== streamId || stored.requestFingerprint !== fingerprint)
    throw new IdempotencyKeyReusedError(context.commandId);
}

async function firstOf(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent | undefined> {
  for await (const event of events) return event;
  return undefined;
}
