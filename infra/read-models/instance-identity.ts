import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/**
 * The id of the instance of the service that owns this read-models file: made once, on its first
 * start, and kept in the file beside the checkpoints, so a restarted process is the same instance
 * and a second process on the store — with read models of its own — another one. The notice
 * delivery worker names itself by it in its claims (ADR 35): a claim of its own that a restart
 * finds without an outcome is taken over at once, another instance's only once it has expired.
 * Not derived data: a rebuild of the read models keeps it; a new file makes a new instance.
 */
export function instanceIdOf(db: Database.Database): string {
  db.exec('CREATE TABLE IF NOT EXISTS instance_identity (id TEXT NOT NULL) STRICT');
  return db
    .transaction(() => {
      const kept = db.prepare('SELECT id FROM instance_identity').pluck().get() as string | undefined;
      if (kept !== undefined) return kept;
      const made = randomUUID();
      db.prepare('INSERT INTO instance_identity (id) VALUES (?)').run(made);
      return made;
    })
    .immediate();
}
