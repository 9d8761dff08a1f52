import type Database from 'better-sqlite3';
import { DeadLetter, DeadLetterStore, NewDeadLetter } from '@libs/event-sourcing';

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
}

/** The dead-letter list, beside the checkpoints: what each consumer gave up on, and why. */
export class SqliteDeadLetterStore implements DeadLetterStore {
  private readonly upsert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly resolveOne: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS dead_letters (
      consumer    TEXT NOT NULL,
      event_id    TEXT NOT NULL,
      position    INTEGER NOT NULL,
      stream_id   TEXT NOT NULL,
      type        TEXT NOT NULL,
      error       TEXT NOT NULL,
      attempts    INTEGER NOT NULL,
      parked_at   TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('parked', 'resolved')),
      resolved_at TEXT,
      PRIMARY KEY (consumer, event_id)
    ) STRICT`);
    this.upsert = db.prepare(
      `INSERT INTO dead_letters VALUES (@consumer, @eventId, @position, @streamId, @type, @error, @attempts, @parkedAt, 'parked', NULL)
       ON CONFLICT (consumer, event_id) DO UPDATE SET error = excluded.error, attempts = excluded.attempts,
         parked_at = excluded.parked_at, status = 'parked', resolved_at = NULL`,
    );
    this.select = db.prepare('SELECT * FROM dead_letters WHERE consumer = ? AND event_id = ?').safeIntegers();
    this.resolveOne = db.prepare(
      `UPDATE dead_letters SET status = 'resolved', resolved_at = ? WHERE consumer = ? AND event_id = ?`,
    );
  }

  async park(letter: NewDeadLetter): Promise<void> {
    this.upsert.run({ ...letter, error: JSON.stringify(letter.error) });
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
  };
}
