import Database from 'better-sqlite3';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';

/**
 * What a fault must never leave behind, read straight from the events file: every stream's revisions
 * contiguous from 0, every command's events all there (ids `uuidv5(commandId, i)` share the command's
 * causation: indexes 0..n-1 with no gap), and the hash chain intact.
 */
export async function expectNoHalfWrittenBatch(eventsFile: string): Promise<number> {
  const db = new Database(eventsFile, { readonly: true });
  try {
    const gaps = db
      .prepare(
        `SELECT stream_id, COUNT(*) AS events, MIN(revision) AS first, MAX(revision) AS last FROM events
         GROUP BY stream_id HAVING first <> 0 OR last <> events - 1`,
      )
      .all();
    expect(gaps).toEqual([]);
    const batches = db
      .prepare(
        `SELECT json_extract(metadata, '$.commandId') AS command, stream_id, COUNT(*) AS events, MAX(revision) - MIN(revision) + 1 AS span
         FROM events WHERE json_extract(metadata, '$.commandId') IS NOT NULL GROUP BY command, stream_id HAVING span <> events`,
      )
      .all();
    expect(batches).toEqual([]);
    const verified = await verifySqliteEventStore(db);
    expect(verified).toMatchObject({ ok: true });
    return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
