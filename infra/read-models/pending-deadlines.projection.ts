import type Database from 'better-sqlite3';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';

export interface PendingDeadlineRow {
  readonly applicationId: string;
  readonly kind: 'at-risk' | 'due';
  readonly fireAt: string;
  readonly scheduledEventId: string;
  readonly correlationId: string;
}

/**
 * The scheduler's query (`due`): deadlines at or before an instant, earliest first, at most a batch.
 * One range scan of `pending_deadlines_in_firing_order`, in the order asked for, that stops after
 * `limit` rows — even at an end of working hours when thousands fall due at the same instant
 * (bench/workloads/sla-scan.ts shows the plan).
 */
export const SELECT_DUE_DEADLINES_SQL = `SELECT application_id AS applicationId, kind, fire_at AS fireAt, scheduled_event_id AS scheduledEventId, correlation_id AS correlationId
       FROM pending_deadlines WHERE fire_at_ms <= ? ORDER BY fire_at_ms, application_id LIMIT ?`;

const TYPES = [
  'ReviewDeadlineScheduled',
  'ReviewSlaAtRisk',
  'ReviewSlaBreached',
  'ApplicationIncluded',
  'ApplicationRefused',
  'ApplicationWithdrawn',
];

/**
 * The deadlines still to fire, one row per (application, kind), indexed by instant then application
 * (the query's order) so that finding the due ones among 100,000 open applications is one index
 * range scan. (`pending_deadlines_by_instant`, on the instant alone, made the query sort all the
 * deadlines of an instant to return the first of them; it is dropped where it exists.) Rebuildable
 * from the events at any time; the scheduler only reads it.
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

  constructor(
    db: Database.Database,
    private readonly registry: EventTypeRegistry,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS pending_deadlines (
      application_id     TEXT NOT NULL,
      kind               TEXT NOT NULL CHECK (kind IN ('at-risk', 'due')),
      fire_at_ms         INTEGER NOT NULL,
      fire_at            TEXT NOT NULL,
      scheduled_event_id TEXT NOT NULL,
      correlation_id     TEXT NOT NULL,
      PRIMARY KEY (application_id, kind)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS pending_deadlines_in_firing_order ON pending_deadlines (fire_at_ms, application_id);
    DROP INDEX IF EXISTS pending_deadlines_by_instant;`);
    this.insert = db.prepare(`INSERT OR REPLACE INTO pending_deadlines VALUES (?, ?, ?, ?, ?, ?)`);
    this.removeKind = db.prepare('DELETE FROM pending_deadlines WHERE application_id = ? AND kind = ?');
    this.removeAll = db.prepare('DELETE FROM pending_deadlines WHERE application_id = ?');
    this.selectDue = db.prepare(SELECT_DUE_DEADLINES_SQL);
    this.count = db.prepare('SELECT COUNT(*) AS n FROM pending_deadlines').pluck();
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast<{ applicationId: string; atRiskAt: string; dueAt: string }>(stored);
    const id = event.data.applicationId;
    switch (event.type) {
      case 'ReviewDeadlineScheduled':
        this.insert.run(
          id,
          'at-risk',
          Date.parse(event.data.atRiskAt),
          event.data.atRiskAt,
          event.eventId,
          event.metadata.correlationId,
        );
        this.insert.run(
          id,
          'due',
          Date.parse(event.data.dueAt),
          event.data.dueAt,
          event.eventId,
          event.metadata.correlationId,
        );
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
