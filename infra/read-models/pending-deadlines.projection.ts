import type Database from 'better-sqlite3';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';

export interface PendingDeadlineRow {
  readonly applicationId: string;
  readonly kind: 'at-risk' | 'due';
  readonly fireAt: string;
  readonly scheduledEventId: string;
  readonly correlationId: string;
}

const TYPES = ['ReviewDeadlineScheduled', 'ReviewSlaAtRisk', 'ReviewSlaBreached', 'ApplicationIncluded', 'ApplicationRefused', 'ApplicationWithdrawn'];

/**
 * The deadlines still to fire, one row per (application, kind), indexed by instant so that finding
 * the due ones among 100,000 open applications is one index range scan. Rebuildable from the events
 * at any time; the scheduler only reads it.
 */
export class PendingDeadlinesProjection implements Projection {
  readonly kind = 'projection';
  readonly name = 'pending-deadlines';
  readonly filter = { eventTypes: TYPES };
  private readonly insert: Database.Statement;
  private readonly removeKind: Database.Statement;
  private readonly removeAll: Database.Statement;
  private readonly selectDue: Database.Statement;
  private readonly count: Database.Statement;

  constructor(db: Database.Database, private readonly registry: EventTypeRegistry) {
    db.exec(`CREATE TABLE IF NOT EXISTS pending_deadlines (
      application_id     TEXT NOT NULL,
      kind               TEXT NOT NULL CHECK (kind IN ('at-risk', 'due')),
      fire_at_ms         INTEGER NOT NULL,
      fire_at            TEXT NOT NULL,
      scheduled_event_id TEXT NOT NULL,
      correlation_id     TEXT NOT NULL,
      PRIMARY KEY (application_id, kind)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS pending_deadlines_by_instant ON pending_deadlines (fire_at_ms);`);
    this.insert = db.prepare(`INSERT OR REPLACE INTO pending_deadlines VALUES (?, ?, ?, ?, ?, ?)`);
    this.removeKind = db.prepare('DELETE FROM pending_deadlines WHERE application_id = ? AND kind = ?');
    this.removeAll = db.prepare('DELETE FROM pending_deadlines WHERE application_id = ?');
    this.selectDue = db.prepare(
      `SELECT application_id AS applicationId, kind, fire_at AS fireAt, scheduled_event_id AS scheduledEventId, correlation_id AS correlationId
       FROM pending_deadlines WHERE fire_at_ms <= ? ORDER BY fire_at_ms, application_id LIMIT ?`,
    );
    this.count = db.prepare('SELECT COUNT(*) AS n FROM pending_deadlines').pluck();
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast<{ applicationId: string; atRiskAt: string; dueAt: string }>(stored);
    const id = event.data.applicationId;
    switch (event.type) {
      case 'ReviewDeadlineScheduled':
        this.insert.run(id, 'at-risk', Date.parse(event.data.atRiskAt), event.data.atRiskAt, event.eventId, event.metadata.correlationId);
        this.insert.run(id, 'due', Date.parse(event.data.dueAt), event.data.dueAt, event.eventId, event.metadata.correlationId);
        return;
      case 'ReviewSlaAtRisk':
        this.removeKind.run(id, 'at-risk');
        return;
      case 'ReviewSlaBreached':
        this.removeAll.run(id);
        return;
      default:
        this.removeAll.run(id);
    }
  }

  due(now: Date, limit: number): PendingDeadlineRow[] {
    return this.selectDue.all(now.getTime(), limit) as PendingDeadlineRow[];
  }

  pendingCount(): number {
    return this.count.get() as number;
  }
}
