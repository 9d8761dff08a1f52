import type Database from 'better-sqlite3';
import type { NoticeEvent } from '@domain/notices';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';
import type { NoticeQueue, NoticeDeliveryRow, NoticeDeliveryStats } from '@libs/workflow';
import { ensureReadModelSchema } from './read-model-schema';

export const NOTICE_DELIVERIES_TABLES = ['notice_deliveries'] as const;

const TYPES: NoticeEvent['type'][] = [
  'NoticeIssued',
  'NoticeDeliveryFailed',
  'NoticeDelivered',
  'NoticeParked',
  'NoticeRedeliveryRequested',
];

const ROW = `notice_id AS noticeId, application_id AS applicationId, kind, issued_at AS issuedAt, status,
  failed_attempts AS failedAttempts, last_error AS lastError, parked_at AS parkedAt`;

/**
 * Where each notice's delivery stands, one row per notice, from the notice streams' events: the
 * delivery worker's index of the applications with a notice due, the operators' list of parked
 * notices and the figures of `/metrics`. The streams stay the truth (the worker folds the stream
 * before it sends); this table is rebuildable at any time.
 */
export class NoticeDeliveriesProjection implements Projection, NoticeQueue {
  readonly kind = 'projection';
  readonly name = 'notice-deliveries';
  readonly filter = { eventTypes: TYPES };
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly registry: EventTypeRegistry,
  ) {
    ensureReadModelSchema(db, { name: this.name, version: 1, tables: NOTICE_DELIVERIES_TABLES, create });
    this.statements = {
      issued: db.prepare(
        `INSERT OR IGNORE INTO notice_deliveries (notice_id, application_id, kind, issued_at, issued_at_ms, status, failed_attempts, next_attempt_at_ms)
         VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)`,
      ),
      failed: db.prepare(
        `UPDATE notice_deliveries SET failed_attempts = failed_attempts + 1, last_error = ?, next_attempt_at_ms = ? WHERE notice_id = ?`,
      ),
      delivered: db.prepare(
        `UPDATE notice_deliveries SET status = 'delivered', next_attempt_at_ms = NULL WHERE notice_id = ?`,
      ),
      parked: db.prepare(
        `UPDATE notice_deliveries SET status = 'parked', parked_at = ?, next_attempt_at_ms = NULL WHERE notice_id = ?`,
      ),
      requeued: db.prepare(
        `UPDATE notice_deliveries SET status = 'pending', parked_at = NULL, next_attempt_at_ms = ? WHERE notice_id = ?`,
      ),
      due: db
        .prepare(
          `SELECT application_id FROM notice_deliveries WHERE status = 'pending' AND next_attempt_at_ms <= ?
           GROUP BY application_id ORDER BY MIN(next_attempt_at_ms), application_id LIMIT ?`,
        )
        .pluck(),
      parkedList: db.prepare(
        `SELECT ${ROW} FROM notice_deliveries WHERE status = 'parked' AND notice_id > ? ORDER BY notice_id LIMIT ?`,
      ),
      one: db.prepare(`SELECT ${ROW} FROM notice_deliveries WHERE notice_id = ?`),
      stats: db.prepare(
        `SELECT COUNT(*) AS issued,
           COALESCE(SUM(status = 'pending'), 0) AS pending,
           COALESCE(SUM(status = 'delivered'), 0) AS delivered,
           COALESCE(SUM(status = 'parked'), 0) AS parked,
           COALESCE(SUM(failed_attempts), 0) AS failedAttempts,
           MIN(CASE WHEN status = 'pending' THEN issued_at_ms END) AS oldestPendingIssuedAtMs
         FROM notice_deliveries`,
      ),
    };
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast(stored) as unknown as NoticeEvent;
    const s = this.statements;
    switch (event.type) {
      case 'NoticeIssued': {
        const { noticeId, applicationId, kind, issuedAt } = event.data;
        s.issued.run(noticeId, applicationId, kind, issuedAt, Date.parse(issuedAt), Date.parse(issuedAt));
        return;
      }
      case 'NoticeDeliveryFailed': {
        const next = event.data.nextAttemptAt === null ? null : Date.parse(event.data.nextAttemptAt);
        s.failed.run(event.data.reason, next, event.data.noticeId);
        return;
      }
      case 'NoticeDelivered':
        s.delivered.run(event.data.noticeId);
        return;
      case 'NoticeParked':
        s.parked.run(event.data.parkedAt, event.data.noticeId);
        return;
      case 'NoticeRedeliveryRequested':
        s.requeued.run(Date.parse(event.data.requestedAt), event.data.noticeId);
        return;
    }
  }

  applicationsDue(now: Date, limit: number): string[] {
    return this.statements.due.all(now.getTime(), limit) as string[];
  }

  parked(after: string, limit: number): NoticeDeliveryRow[] {
    return this.statements.parkedList.all(after, limit) as NoticeDeliveryRow[];
  }

  find(noticeId: string): NoticeDeliveryRow | undefined {
    return this.statements.one.get(noticeId) as NoticeDeliveryRow | undefined;
  }

  stats(): NoticeDeliveryStats {
    return this.statements.stats.get() as NoticeDeliveryStats;
  }
}

function create(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS notice_deliveries (
      notice_id          TEXT PRIMARY KEY,
      application_id     TEXT NOT NULL,
      kind               TEXT NOT NULL,
      issued_at          TEXT NOT NULL,
      issued_at_ms       INTEGER NOT NULL,
      status             TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'parked')),
      failed_attempts    INTEGER NOT NULL,
      next_attempt_at_ms INTEGER,
      last_error         TEXT,
      parked_at          TEXT
    ) STRICT;
    CREATE INDEX IF NOT EXISTS notice_deliveries_due ON notice_deliveries (status, next_attempt_at_ms);`);
}
