import type Database from 'better-sqlite3';
import type { ChainHead, ChainHeadSource } from '@libs/workflow';

/** The SQLite store's head: its last row's position and chain hash, and how many rows lie up to it, read in one snapshot. */
export class SqliteChainHead implements ChainHeadSource {
  readonly store = 'sqlite';
  private readonly read: () => ChainHead | undefined;
  private readonly hashAt: Database.Statement;

  constructor(db: Database.Database) {
    const last = db.prepare('SELECT position, chain_hash FROM events ORDER BY position DESC LIMIT 1').safeIntegers();
    const count = db.prepare('SELECT COUNT(*) AS n FROM events WHERE position <= ?').pluck();
    const snapshot = db.transaction((): ChainHead | undefined => {
      const row = last.get() as { position: bigint; chain_hash: string | null } | undefined;
      if (!row || row.chain_hash === null) return undefined;
      return { position: `${row.position}`, events: count.get(row.position) as number, headHash: row.chain_hash };
    });
    // A deferred (read) transaction: the row and the count come from one snapshot.
    this.read = () => snapshot.deferred();
    this.hashAt = db.prepare('SELECT chain_hash FROM events WHERE position = ?').pluck();
  }

  async head(): Promise<ChainHead | undefined> {
    return this.read();
  }

  async chainHashAt(position: string): Promise<string | undefined> {
    return (this.hashAt.get(BigInt(position)) as string | null | undefined) ?? undefined;
  }
}
