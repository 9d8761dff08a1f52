import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@libs/event-sourcing';
import { eventContent } from '@infra/event-store/sqlite/event-hash';

/** `count` events of type Tested, each with fresh ids: what the tamper-evidence specs append. */
export const testedEvents = (count: number, data: (n: number) => object = (n) => ({ n })): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({
    eventId: randomUUID(),
    type: 'Tested',
    schemaVersion: 1,
    data: data(n),
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      actor: { id: 'officer-17', role: 'migration-officer' },
      occurredAt: '2024-03-01T09:30:00.000Z',
    },
  }));

/** Opens the SQLite file behind the store's back, as someone with write access to the disk would. */
export function tamperWith(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    work(db);
  } finally {
    db.close();
  }
}

/** An `events` row as it lies in the file. */
export interface RawRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  stream_hash: string;
  chain_hash: string;
}

/** The canonical content the row's stream hash covers, with other `data` when given (a forger's edit). */
export const contentOfRow = (row: RawRow, data = row.data): string =>
  eventContent({
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    schemaVersion: row.schema_version,
    data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  });
