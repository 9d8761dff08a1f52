import type { EventData } from '@eventstore/db-client';

/**
 * An append's size as the server measures it against its `MaxAppendSize` (1 MiB by default): per
 * event, data bytes + metadata bytes + 2 × the type's UTF-16 length (EventStore v25.0.0,
 * src/EventStore.Core/Data/Event.cs `SizeOnDisk`), the JSON serialised as the client sends it
 * (`JSON.stringify`, UTF-8). Only for the message of a refusal: the limit is the server's to apply.
 */
export function appendSizeOf(events: readonly EventData[]): number {
  let size = 0;
  for (const event of events) {
    size += bytesOf(event.data) + (event.metadata === undefined ? 0 : bytesOf(event.metadata)) + event.type.length * 2;
  }
  return size;
}

function bytesOf(value: unknown): number {
  if (value instanceof Uint8Array) return value.length;
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
