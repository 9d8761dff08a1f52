/**
 * The two subjects of the append workload that need nothing outside the repo: our SQLite event store
 * through its port, and the physical limit — raw better-sqlite3 on the same table and pragmas.
 */
import type Database from 'better-sqlite3';
import type { NewEvent } from '@libs/event-sourcing';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { MIGRATIONS } from '@infra/event-store/sqlite/schema';
import { openSqlite } from '@infra/sqlite/connection';
import type { AppendSubject, OpenSubject } from './append-subject';

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

export function sqliteSettings(db: Database.Database): Record<string, unknown> {
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: SYNCHRONOUS_NAMES[synchronous] ?? synchronous,
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
    sqlite: db.prepare('SELECT sqlite_version()').pluck().get(),
  };
}

/** Ours: `SqliteEventStore.open` and `append` — validation, idempotency lookups, hash chain and all. */
export const openOurs: OpenSubject = async (filename, synchronous): Promise<AppendSubject> => {
  const store = SqliteEventStore.open({ filename, synchronous });
  return {
    async append(streamId, events, expectedRevision) {
      await store.append(streamId, events, { expectedRevision });
    },
    async settings() {
      return sqliteSettings(store.db);
    },
    close: () => store.close(),
  };
};

/**
 * The limit: the table of our first migration (the same columns, UNIQUE(event_id),
 * UNIQUE(stream_id, revision), the index by type; no hash columns), opened by the same
 * `openSqlite` (so the same pragmas), and per append one BEGIN IMMEDIATE transaction doing what an
 * append with an expected revision minimally needs: one `SELECT MAX(revision)` of the stream (the
 * UNIQUE constraint alone would refuse a writer that is behind but not one that is ahead, which would
 * leave a gap), then one prepared INSERT per event; data and metadata go through JSON.stringify as in
 * every store. No validation, no idempotency lookup, no hashes.
 */
export const openRaw: OpenSubject = async (filename, synchronous): Promise<AppendSubject> => {
  const db = openSqlite({ filename, synchronous });
  db.exec(MIGRATIONS[0] as string);
  const lastRevision = db.prepare('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = db.transaction(
    (streamId: string, events: readonly NewEvent[], rows: readonly string[], expectedRevision: number) => {
      const actual = (lastRevision.get(streamId) as number | null) ?? -1;
      if (actual !== expectedRevision) throw new Error(`raw: ${streamId} is at ${actual}, not ${expectedRevision}`);
      const recordedAt = new Date().toISOString();
      for (let index = 0; index < events.length; index++) {
        const event = events[index]!;
        insert.run(
          event.eventId,
          streamId,
          expectedRevision + 1 + index,
          event.type,
          event.schemaVersion,
          rows[2 * index],
          rows[2 * index + 1],
          recordedAt,
        );
      }
    },
  );
  return {
    async append(streamId, events, expectedRevision) {
      const rows: string[] = [];
      for (const event of events) rows.push(JSON.stringify(event.data), JSON.stringify(event.metadata));
      write.immediate(streamId, events, rows, expectedRevision);
    },
    async settings() {
      return sqliteSettings(db);
    },
    async close() {
      db.close();
    },
  };
};
