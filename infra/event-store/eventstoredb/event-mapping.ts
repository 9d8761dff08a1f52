import {
  jsonEvent,
  type EventData,
  type JSONType,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  EventMetadata,
  EventStoreUnavailableError,
  NewEvent,
  Position,
  RecordedEvent,
  serializeData,
} from '@libs/event-sourcing';

/**
 * What the adapter adds to our metadata in the event's metadata JSON: the schema version (EventStoreDB
 * has no field for it) and EventStoreDB's own correlation conventions, which its system projections
 * (`$by_correlation_id`) and UI understand. They are removed again when the event is read.
 */
interface AddedMetadata {
  readonly schemaVersion: number;
  readonly $correlationId: string;
  readonly $causationId: string;
}

/**
 * Our event as EventStoreDB's JSON event, with our id (so that the server's per-stream
 * de-duplication applies to a retried append). Data and metadata go through `serializeData`, which
 * refuses what JSON would silently lose (a BigInt, undefined) with InvalidAppendError.
 */
export function toEventData(event: NewEvent, index: number): EventData {
  const data = JSON.parse(serializeData(event.data, `events[${index}].data`)) as JSONType;
  const metadata = JSON.parse(serializeData(event.metadata, `events[${index}].metadata`)) as Record<string, unknown>;
  const added: AddedMetadata = {
    schemaVersion: event.schemaVersion,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
  };
  return jsonEvent({ id: event.eventId, type: event.type, data, metadata: { ...metadata, ...added } });
}

/** A recorded EventStoreDB event as our envelope; `streamId` is already stripped of any namespace. */
export function toRecordedEvent(recorded: EsdbRecordedEvent, streamId: string, position: Position): RecordedEvent {
  const stored = isPlainObject(recorded.metadata) ? recorded.metadata : {};
  const { schemaVersion, $correlationId: _correlation, $causationId: _causation, ...metadata } = stored;
  return {
    eventId: recorded.id,
    streamId,
    revision: toRevision(recorded.revision),
    position,
    type: recorded.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: recorded.data,
    // Through unknown: the rest of a stored JSON object is a plain record; it is the EventMetadata our
    // own append wrote (toEventData), whose shape this read does not check again.
    metadata: metadata as unknown as EventMetadata,
    recordedAt: recorded.created.toISOString(),
  };
}

/** Revisions are numbers in our port (a stream of 2^53 events is not a use case); check the bound. */
export function toRevision(revision: bigint): number {
  if (revision > BigInt(Number.MAX_SAFE_INTEGER) || revision < -1n) {
    throw new EventStoreUnavailableError(
      `EventStoreDB returned revision ${revision.toString()}, outside the port's range`,
    );
  }
  return Number(revision);
}

/** Names our port never stores: EventStoreDB's system streams and events start with '$'. */
export function isSystemName(name: string): boolean {
  return name.startsWith('$');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
