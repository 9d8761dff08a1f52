import type Database from 'better-sqlite3';
import { CheckpointStore, ConsumerCheckpoint, Position } from '@libs/event-sourcing';

interface QueuedCommit {
  readonly checkpoints: readonly ConsumerCheckpoint[];
  readonly work: (() => void) | undefined;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Checkpoints kept in the same SQLite file as the read models they guard, so a projection's rows
 * and its checkpoint are committed in one transaction — rolled back whole when the work throws.
 *
 * Group commit, as the event store does (ADR 12): every consumer is woken by the same append, so
 * the commits they ask for in one turn of the event loop are written in one transaction — one
 * commit, one fsync under synchronous=FULL — each in its own savepoint. A work that throws is
 * rolled back to its savepoint and fails alone; the others commit. A fault of SQLite itself (disk
 * full, locked) fails every commit of the group. Nothing resolves before the commit has returned.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  readonly rollsBackWork = true;
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  /** Built once: better-sqlite3 makes a new wrapper on every db.transaction() call (a hot path: every batch). */
  private readonly commitTransaction: Database.Transaction<
    (checkpoints: readonly ConsumerCheckpoint[], work?: () => void) => void
  >;
  /** The group: one transaction, each queued commit in a savepoint (a transaction called inside one). */
  private readonly commitGroup: Database.Transaction<(group: readonly QueuedCommit[]) => unknown[]>;
  private queued: QueuedCommit[] = [];

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
      if (pending instanceof Promise)
        throw new Error(
          `${checkpoints.map((c) => c.consumer).join(', ')}: a SQLite projection must apply events synchronously`,
        );
      const at = new Date().toISOString();
      for (const { consumer, position } of checkpoints) this.upsert.run(consumer, position, at);
    });
    const NONE = undefined;
    this.commitGroup = db.transaction((group: readonly QueuedCommit[]) =>
      group.map(({ checkpoints, work }) => {
        try {
          this.commitTransaction(checkpoints, work);
          return NONE;
        } catch (error) {
          if (endedTheTransaction(db)) throw error;
          return error ?? new Error('a projection threw undefined');
        }
      }),
    );
  }

  async load(consumer: string): Promise<Position | null> {
    const row = this.select.get(consumer) as { position: bigint } | undefined;
    return row ? row.position : null;
  }

  async commit(consumer: string, position: Position, work?: () => void): Promise<void> {
    return this.commitAll([{ consumer, position }], work);
  }

  commitAll(checkpoints: readonly ConsumerCheckpoint[], work?: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ checkpoints, work, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued(): void {
    const group = this.queued;
    this.queued = [];
    if (group.length === 1) {
      const [only] = group as [QueuedCommit];
      try {
        this.commitTransaction.immediate(only.checkpoints, only.work);
        only.resolve();
      } catch (error) {
        only.reject(error);
      }
      return;
    }
    let failures: unknown[];
    try {
      failures = this.commitGroup.immediate(group);
    } catch (error) {
      for (const queued of group) queued.reject(error);
      return;
    }
    group.forEach((queued, index) =>
      failures[index] === undefined ? queued.resolve() : queued.reject(failures[index]),
    );
  }

  async reset(consumer: string): Promise<void> {
    this.remove.run(consumer);
  }
}

/**
 * A failure that ended the whole transaction (SQLite rolls it back itself on some I/O faults and a
 * full disk), as opposed to one its savepoint undid — a projection's own error or a statement SQLite
 * refused alone; then the others still commit, or fail together at COMMIT.
 */
function endedTheTransaction(db: Database.Database): boolean {
  return !db.inTransaction;
}
