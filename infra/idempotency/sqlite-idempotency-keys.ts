import type Database from 'better-sqlite3';

export type IdempotencyClaim =
  { readonly kind: 'first' | 'retry'; readonly commandId: string } | { readonly kind: 'reused-for-another-request' };

/**
 * Remembers which request an Idempotency-Key was first used for. The command id derives from the
 * key, so a retry is a no-op in the aggregate; this table only guards against a key reused for a
 * different request, which must be refused rather than answered with the first request's result.
 */
export class SqliteIdempotencyKeys {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      actor_id    TEXT NOT NULL,
      key         TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      command_id  TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      PRIMARY KEY (actor_id, key)
    ) STRICT`);
    this.insert = db.prepare('INSERT OR IGNORE INTO idempotency_keys VALUES (?, ?, ?, ?, ?)');
    this.select = db.prepare(
      'SELECT fingerprint, command_id AS commandId FROM idempotency_keys WHERE actor_id = ? AND key = ?',
    );
  }

  claim(actorId: string, key: string, fingerprint: string, commandId: string, at: Date): IdempotencyClaim {
    const inserted = this.insert.run(actorId, key, fingerprint, commandId, at.toISOString()).changes === 1;
    if (inserted) return { kind: 'first', commandId };
    const row = this.select.get(actorId, key) as { fingerprint: string; commandId: string };
    return row.fingerprint === fingerprint
      ? { kind: 'retry', commandId: row.commandId }
      : { kind: 'reused-for-another-request' };
  }
}
