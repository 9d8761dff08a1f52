import { InvalidAppendError } from './errors';
import { ExpectedRevision } from './expected-revision';
import { NewEvent } from './recorded-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Rejects a malformed append before any adapter touches storage. The rules are EventStoreDB's
 * (lower-case UUID event ids, non-empty type) plus ours (metadata is never optional).
 */
export function validateAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.startsWith('$')) {
    throw new InvalidAppendError(`streamId must be a non-empty name not starting with '$'`);
  }
  if (typeof expectedRevision === 'number' && !(Number.isSafeInteger(expectedRevision) && expectedRevision >= -1)) {
    throw new InvalidAppendError(`expectedRevision must be a revision >= -1, got ${expectedRevision}`);
  }
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  const ids = new Set<string>();
  events.forEach((event, index) => {
    const at = `events[${index}]`;
    if (!UUID.test(event.eventId)) throw new InvalidAppendError(`${at}.eventId must be a lower-case UUID`);
    if (ids.has(event.eventId)) throw new InvalidAppendError(`${at}.eventId repeats an id of the same batch`);
    ids.add(event.eventId);
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(`${at}.type must be a non-empty name not starting with '$'`);
    }
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppendError(`${at}.schemaVersion must be an integer >= 1`);
    }
    validateMetadata(event, at);
  });
}

function validateMetadata(event: NewEvent, at: string): void {
  const metadata = event.metadata;
  if (!metadata) throw new InvalidAppendError(`${at}.metadata is required`);
  for (const field of ['correlationId', 'causationId', 'commandId'] as const) {
    if (typeof metadata[field] !== 'string' || metadata[field].length === 0) {
      throw new InvalidAppendError(`${at}.metadata.${field} is required`);
    }
  }
  if (!metadata.actor || typeof metadata.actor.id !== 'string' || typeof metadata.actor.role !== 'string') {
    throw new InvalidAppendError(`${at}.metadata.actor needs an id and a role`);
  }
  if (typeof metadata.occurredAt !== 'string' || !ISO_INSTANT.test(metadata.occurredAt)) {
    throw new InvalidAppendError(`${at}.metadata.occurredAt must be an ISO-8601 instant`);
  }
}

/** Serialises event data, refusing what JSON would silently lose (bigint, undefined, functions). */
export function serializeData(value: unknown, at: string): string {
  try {
    const json = JSON.stringify(value);
    if (json === undefined) throw new Error('not representable');
    return json;
  } catch (error) {
    throw new InvalidAppendError(`${at} is not JSON-serialisable: ${(error as Error).message}`);
  }
}
