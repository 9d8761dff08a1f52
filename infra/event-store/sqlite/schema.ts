import type Database from 'better-sqlite3';
import type { EventRow } from './sqlite-statements';
import { chainHashOf, rowContent, streamHashOf } from './event-hash';

/** SQL text, or a step that needs code (a backfill); each runs inside the migrating transaction. */
type Migration = string | ((db: Database.Database) => void);

/**
 * Ordered migrations; PRAGMA user_version records how many ran. Append new ones, never edit one
 * that has shipped: a stored history must open under every later version of the code.
 */
export const MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE events (
     position       INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id       TEXT    NOT NULL UNIQUE,
     stream_id      TEXT    NOT NULL,
     revision       INTEGER NOT NULL CHECK (revision >= 0),
     type           TEXT    NOT NULL,
     schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
     data           TEXT    NOT NULL,
     metadata       TEXT    NOT NULL,
     recorded_at    TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   ) STRICT;
   CREATE INDEX events_by_type ON events (type, position);`,
  // 2: tamper evidence (see event-hash.ts). Rows written before it get their hashes here, in
  // position order, so an existing store becomes verifiable from its first event.
  (db) => {
    db.exec(`ALTER TABLE events ADD COLUMN stream_hash TEXT;
             ALTER TABLE events ADD COLUMN chain_hash TEXT;`);
    backfillHashes(db);
  },
];

const BACKFILL_PAGE = 1000;

function backfillHashes(db: Database.Database): void {
  const page = db
    .prepare(
      `SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at
       FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    )
    .safeIntegers();
  const previousInStream = db.prepare('SELECT stream_hash FROM events WHERE stream_id = ? AND revision = ?').pluck();
  const update = db.prepare('UPDATE events SET stream_hash = ?, chain_hash = ? WHERE position = ?');
  let chain = '';
  let after = 0n;
  for (;;) {
    const rows = page.all(after, BACKFILL_PAGE) as EventRow[];
    for (const row of rows) {
      const revision = Number(row.revision);
      const previous =
        revision === 0 ? '' : ((previousInStream.get(row.stream_id, revision - 1) as string | null | undefined) ?? '');
      const content = rowContent(row);
      const streamHash = streamHashOf(previous, content);
      chain = chainHashOf(chain, streamHash);
      update.run(streamHash, chain, row.position);
    }
    if (rows.length < BACKFILL_PAGE) return;
    after = rows[rows.length - 1]!.position;
  }
}

export function migrate(db: Database.Database): void {
  // The version is read inside the IMMEDIATE transaction: two processes opening a new file at once
  // must not both see version 0 and both create the tables.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `The event store file has schema version ${current}; this build knows ${MIGRATIONS.length}. Upgrade the service.`,
      );
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      const migration = MIGRATIONS[version]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
}
