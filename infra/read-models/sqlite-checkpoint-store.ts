import type Database from 'better-sqlite3';
import { CheckpointStore, ConsumerCheckpoint, Position } from '@libs/event-sourcing';

/**
 * Checkpoints kept in the same SQLite file as the read models they guard, so a projection's rows
 * and its checkpoint are committed in one transaction — rolled back whole when the work throws.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  readonly rollsBackWork = true;
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  /** Built once: better-sqlite3 makes a new wrapper on every db.transaction() call (a hot path: every batch). */
  private readonly commitTransaction: Database.Transaction<(checkpoints: readonly ConsumerCheckpoint[], work?: () => void) => void>;

  constructor(db: Database.Database) {
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
    this.commitTransaction = db.transaction((checkpoints: readonly ConsumerCheckpoint[], work?: () => void) => {
      const pending = work?.() as unknown;
      if (pending instanceof Promise) throw new Error(`${checkpoints.map((c) => c.consumer).join(', ')}: a SQLite projection must apply events synchronously`);
      const at = new Date().toISOString();
      for (const { consumer, position } of checkpoints) this.upsert.run(consumer, position, at);
    });
  }

  async load(consumer: string): Promise<Position | null> {
    const row = this.select.get(consumer) as { position: bigint } | undefined;
    return row ? row.position : null;
  }

  async commit(consumer: string, position: Position, work?: () => void): Promise<void> {
    return this.commitAll([{ consumer, position }], work);
  }

  async commitAll(checkpoints: readonly ConsumerCheckpoint[], work?: () => void): Promise<void> {
    this.commitTransaction.immediate(checkpoints, work);
  }

  async reset(consumer: string): Promise<void> {
    this.remove.run(consumer);
  }
}
