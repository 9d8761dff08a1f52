import type Database from 'better-sqlite3';
import { AwaitedData, DeadLetter, DeadLetterStore, NewDeadLetter } from '@libs/event-sourcing';

interface Row {
  consumer: string;
  event_id: string;
  position: bigint;
  stream_id: string;
  type: string;
  error: string;
  attempts: bigint;
  parked_at: string;
  status: DeadLetter['status'];
  resolved_at: string | null;
  awaiting: string | null;
}

const CREATE = `CREATE TABLE IF NOT EXISTS dead_letters (
      consumer    TEXT NOT NULL,
      event_id    TEXT NOT NULL,
      position    INTEGER NOT NULL,
      stream_id   TEXT NOT NULL,
      type        TEXT NOT NULL,
      error       TEXT NOT NULL,
      attempts    INTEGER NOT NULL,
      parked_at   TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('parked', 'waiting-for-data', 'resolved')),
      resolved_at TEXT,
      awaiting    TEXT,
      PRIMARY KEY (consumer, event_id)
    ) STRICT`;

/**
 * The dead-letter list, beside the checkpoints: what each consumer gave up on, and why — and, since
 * issue 16, the steps waiting for data (`waiting-for-data`, with what they wait for).
 */
export class SqliteDeadLetterStore implements DeadLetterStore {
  private readonly upsert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly resolveOne: Database.Statement;

  constructor(private readonly db: Database.Database) {
    migrateToWaitingForData(db);
    db.exec(CREATE);
    this.upsert = db.prepare(
      `INSERT INTO dead_letters VALUES (@consumer, @eventId, @position, @streamId, @type, @error, @attempts, @parkedAt, @status, NULL, @awaiting)
       ON CONFLICT (consumer, event_id) DO UPDATE SET error = excluded.error, attempts = excluded.attempts,
         parked_at = excluded.parked_at, status = excluded.status, resolved_at = NULL, awaiting = excluded.awaiting`,
    );
    this.select = db.prepare('SELECT * FROM dead_letters WHERE consumer = ? AND event_id = ?').safeIntegers();
    this.resolveOne = db.prepare(
      `UPDATE dead_letters SET status = 'resolved', resolved_at = ? WHERE consumer = ? AND event_id = ?`,
    );
  }

  async park(letter: NewDeadLetter): Promise<void> {
    this.upsert.run({ ...letter, error: JSON.stringify(letter.error), status: 'parked', awaiting: null });
  }

  async waitForData(letter: NewDeadLetter & { readonly awaiting: AwaitedData }): Promise<void> {
    const awaiting = JSON.stringify({ table: letter.awaiting.table, key: letter.awaiting.key });
    this.upsert.run({ ...letter, error: JSON.stringify(letter.error), status: 'waiting-for-data', awaiting });
  }

  async list(filter: { consumer?: string; status?: DeadLetter['status'] } = {}): Promise<DeadLetter[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM dead_letters WHERE (@consumer IS NULL OR consumer = @consumer) AND (@status IS NULL OR status = @status) ORDER BY position`,
      )
      .safeIntegers()
      .all({ consumer: filter.consumer ?? null, status: filter.status ?? null }) as Row[];
    return rows.map(toLetter);
  }

  async get(consumer: string, eventId: string): Promise<DeadLetter | null> {
    const row = this.select.get(consumer, eventId) as Row | undefined;
    return row ? toLetter(row) : null;
  }

  async resolve(consumer: string, eventId: string, at: string): Promise<void> {
    this.resolveOne.run(at, consumer, eventId);
  }
}

/**
 * A file from before issue 16 has a status check without `waiting-for-data` and no `awaiting`
 * column. SQLite cannot change a CHECK in place, and these rows are operators' records, not a
 * rebuildable read model: the table is copied into the new shape, in one transaction.
 */
function migrateToWaitingForData(db: Database.Database): void {
  const existing = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'dead_letters'`)
    .pluck()
    .get() as string | undefined;
  if (existing === undefined || existing.includes('waiting-for-data')) return;
  db.transaction(() => {
    db.exec('ALTER TABLE dead_letters RENAME TO dead_letters_before_16');
    db.exec(CREATE);
    db.exec(`INSERT INTO dead_letters SELECT *, NULL FROM dead_letters_before_16`);
    db.exec('DROP TABLE dead_letters_before_16');
  })();
}

function toLetter(row: Row): DeadLetter {
  return {
    consumer: row.consumer,
    eventId: row.event_id,
    position: row.position,
    streamId: row.stream_id,
    type: row.type,
    error: JSON.parse(row.error) as DeadLetter['error'],
    attempts: Number(row.attempts),
    parkedAt: row.parked_at,
    status: row.status,
    resolvedAt: row.resolved_at,
    awaiting: row.awaiting === null ? null : (JSON.parse(row.awaiting) as AwaitedData),
  };
}
