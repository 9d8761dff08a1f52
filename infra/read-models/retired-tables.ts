import type Database from 'better-sqlite3';

/**
 * Tables an older version kept in the read-models file and nothing reads any more (ADR 17):
 * `otp_requests` (one-time codes now live in the application's stream, so every instance sees them)
 * and `idempotency_keys` (request fingerprints now live in the metadata of the events a command
 * appends). What they held was per instance and short-lived: a code still open at the upgrade is
 * asked for again; a key first used before it is compared with nothing, so a retry under it is
 * answered as a retry. Dropped at start-up so that no stale copy outlives its meaning.
 */
export const RETIRED_TABLES = ['otp_requests', 'idempotency_keys'] as const;

export function dropRetiredTables(db: Database.Database): readonly string[] {
  db.transaction(() => {
    for (const table of RETIRED_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
  })();
  return RETIRED_TABLES;
}
