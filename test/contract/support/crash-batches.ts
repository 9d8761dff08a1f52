import { NewEvent } from '@libs/event-sourcing';

/** Shared by the crash writer and its parent test, so both know which ids make up each batch. */
export const BATCH_SIZE = 5;

/** A lower-case UUID that encodes (writer, batch, index): the parent can tell each event's batch. */
export function batchEventId(writer: number, batch: number, index: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(writer, 8)}-0000-4000-8000-${hex(batch, 8)}${hex(index, 4)}`;
}

export function parseBatchEventId(eventId: string): { writer: number; batch: number; index: number } {
  const [writer = '', , , , tail = ''] = eventId.split('-');
  return { writer: parseInt(writer, 16), batch: parseInt(tail.slice(0, 8), 16), index: parseInt(tail.slice(8), 16) };
}

export function crashStreamOf(batch: number): string {
  return `crash-${batch % 7}`;
}

export function batchEvents(writer: number, batch: number): NewEvent[] {
  return Array.from({ length: BATCH_SIZE }, (_, index) => ({
    eventId: batchEventId(writer, batch, index),
    type: 'CrashTested',
    schemaVersion: 1,
    data: { writer, batch, index, text: 'Қазақстан' },
    metadata: {
      correlationId: `batch-${writer}-${batch}`,
      causationId: `batch-${writer}-${batch}`,
      commandId: `batch-${writer}-${batch}`,
      actor: { id: `crash-writer-${writer}`, role: 'system' },
      occurredAt: new Date(0).toISOString(),
    },
  }));
}
