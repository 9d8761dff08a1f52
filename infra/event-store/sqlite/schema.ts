import type Database from 'better-sqlite3';

/**
 * Ordered migrations; PRAGMA user_version records how many ran. Append new ones, never edit one
 * that has shipped: a stored history must open under every later version of the code.
 */
const MIGRATIONS: readonly string[] = [
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
];

export function migrate(db: Database.Database): void {
  // The version is read inside the IMMEDIATE transaction: two processes opening a new file at once
  // must not both see version 0 and both create the tables.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`The event store file has schema version ${current}; this build knows ${MIGRATIONS.length}. Upgrade the service.`);
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
}
