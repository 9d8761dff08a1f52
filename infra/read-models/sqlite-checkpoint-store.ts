import type Database from 'better-sqlite3';
import { CheckpointStore, Position } from '@libs/event-sourcing';

/**
 * Checkpoints kept in the same SQLite file as the read models they guard, so a projection's rows
 * and its checkpoint are committed in one transaction.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
      consumer   TEXT PRIMARY KEY,
      position   INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`);
    this.select = db.prepare('SELECT position FROM checkpoints WHERE consumer = ?').safeIntegers();
    this.upsert = db.prepare(
      `INSERT INTO checkpoints (consumer, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM checkpoints WHERE consumer = ?');
  }

  async load(consumer: string): Promise<Position | null> {
    const row = this.select.get(consumer) as { position: bigint } | undefined;
    return row ? row.position : null;
  }

  async commit(consumer: string, position: Position, work?: () => void): Promise<void> {
    this.db.transaction(() => {
      const pending = work?.() as unknown;
      if (pending instanceof Promise) throw new Error(`${consumer}: a SQLite projection must apply events synchronously`);
      this.upsert.run(consumer, position, new Date().toISOString());
    }).immediate();
  }

  async reset(consumer: string): Promise<void> {
    this.remove.run(consumer);
  }
}
