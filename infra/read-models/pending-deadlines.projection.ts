import type Database from 'better-sqlite3';
import type { ReviewDeadlineRescheduled } from '@domain/application';
import type { Instalment } from '@domain/support';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';
import { ensureReadModelSchema } from './read-model-schema';

export type DeadlineKind = PendingDeadlineRow['kind'];

export interface PendingDeadlineRow {
  readonly applicationId: string;
  /**
   * The review's deadline, the hearing notice's (ADR 32) and the open complaint's, each with its
   * warning; and the instant each instalment of a family's support is ordered (ADR 33).
   */
  readonly kind:
    'at-risk' | 'due' | 'notice-at-risk' | 'notice-due' | 'complaint-at-risk' | 'complaint-due' | 'instalment';
  readonly fireAt: string;
  readonly scheduledEventId: string;
  readonly correlationId: string;
  readonly calendarVersion: string;
  /** What the deadline is of, when the application may have several: the complaint's id, the instalment. */
  readonly subject: string | null;
}

/**
 * The scheduler's query (`due`): deadlines at or before an instant, earliest first, at most a batch.
 * One range scan of `pending_deadlines_in_firing_order`, in the order asked for, that stops after
 * `limit` rows — even at an end of working hours when thousands fall due at the same instant
 * (bench/workloads/sla-scan.ts shows the plan).
 */
export const SELECT_DUE_DEADLINES_SQL = `SELECT application_id AS applicationId, kind, fire_at AS fireAt, scheduled_event_id AS scheduledEventId, correlation_id AS correlationId,
       calendar_version AS calendarVersion, NULLIF(subject, '') AS subject
       FROM pending_deadlines WHERE fire_at_ms <= ? ORDER BY fire_at_ms, application_id LIMIT ?`;

const TYPES = [
  'ReviewDeadlineScheduled',
  'ReviewDeadlineRescheduled',
  'ReviewSlaAtRisk',
  'ReviewSlaBreached',
  'ApplicationIncluded',
  'ApplicationRefused',
  'ApplicationWithdrawn',
  'HearingNoticeDeadlineScheduled',
  'HearingNoticeAtRisk',
  'HearingNoticeBreached',
  'RefusalProposed',
  'ComplaintFiled',
  'ComplaintAtRisk',
  'ComplaintBreached',
  'ComplaintSatisfied',
  'ComplaintRejected',
  'AuthorityDecisionRecorded',
  'SupportOpened',
  'PaymentOrderIssued',
  'SupportStopped',
];

const REVIEW: readonly DeadlineKind[] = ['at-risk', 'due'];
const NOTICE: readonly DeadlineKind[] = ['notice-at-risk', 'notice-due'];
const COMPLAINT: readonly DeadlineKind[] = ['complaint-at-risk', 'complaint-due'];

type Data = {
  applicationId: string;
  atRiskAt: string;
  dueAt: string;
  calendarVersion: string;
  noticeDueBy: string;
  complaintId: string | null;
  considerBy: string;
  schedule: readonly Instalment[];
  instalment: string;
  reissueOf: string | null;
};

/**
 * The deadlines still to fire, one row per (application, kind, subject), indexed by instant then application
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
  private readonly exists: Database.Statement;
  private readonly removeKind: Database.Statement;
  private readonly removeSubject: Database.Statement;
  private readonly removeInstalment: Database.Statement;
  private readonly selectDue: Database.Statement;
  private readonly count: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly registry: EventTypeRegistry,
  ) {
    ensureReadModelSchema(db, {
      name: this.name,
      // Version 2 (issue 16): each row says the calendar version it was computed under.
      // Version 3 (issue 20, ADR 32): the hearing notice's and the complaint's deadlines, with a subject.
      // Version 4 (issue 21, ADR 33): the instalments of a family's support, one row each: the subject
      // is part of the key (never null: '' where a kind has one row per application).
      version: 4,
      tables: ['pending_deadlines'],
      create: createPendingDeadlinesTable,
    });
    this.insert = db.prepare(`INSERT OR REPLACE INTO pending_deadlines VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.removeInstalment = db.prepare(
      `DELETE FROM pending_deadlines WHERE application_id = ? AND kind = 'instalment' AND subject = ?`,
    );
    this.exists = db.prepare('SELECT 1 FROM pending_deadlines WHERE application_id = ? AND kind = ?').pluck();
    this.removeKind = db.prepare('DELETE FROM pending_deadlines WHERE application_id = ? AND kind = ?');
    this.removeSubject = db.prepare(
      'DELETE FROM pending_deadlines WHERE application_id = ? AND kind IN (?, ?) AND subject = ?',
    );
    this.selectDue = db.prepare(SELECT_DUE_DEADLINES_SQL);
    this.count = db.prepare('SELECT COUNT(*) AS n FROM pending_deadlines').pluck();
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast<Data>(stored);
    const { data } = event;
    const id = data.applicationId;
    switch (event.type) {
      case 'ReviewDeadlineScheduled':
        this.put(id, 'at-risk', data.atRiskAt, event, data.calendarVersion);
        this.put(id, 'due', data.dueAt, event, data.calendarVersion);
        return;
      case 'ReviewDeadlineRescheduled':
        this.rescheduled(event as unknown as RecordedEvent<ReviewDeadlineRescheduled['data']>);
        return;
      case 'ReviewSlaAtRisk':
        this.removeKind.run(id, 'at-risk');
        return;
      case 'ReviewSlaBreached':
        this.remove(id, REVIEW);
        return;
      // Put again when moved: a flag already fired is then asked again, and the Application says
      // whether the moved deadline lowered it (ADR 32).
      case 'HearingNoticeDeadlineScheduled':
        this.put(id, 'notice-at-risk', data.atRiskAt, event, data.calendarVersion);
        this.put(id, 'notice-due', data.noticeDueBy, event, data.calendarVersion);
        return;
      case 'HearingNoticeAtRisk':
        this.removeKind.run(id, 'notice-at-risk');
        return;
      case 'HearingNoticeBreached':
      case 'RefusalProposed':
        this.remove(id, NOTICE);
        return;
      case 'ComplaintFiled':
        this.put(id, 'complaint-at-risk', data.atRiskAt, event, data.calendarVersion, data.complaintId);
        this.put(id, 'complaint-due', data.considerBy, event, data.calendarVersion, data.complaintId);
        return;
      case 'ComplaintAtRisk':
        this.removeKind.run(id, 'complaint-at-risk');
        return;
      case 'ComplaintBreached':
      case 'ComplaintSatisfied':
      case 'ComplaintRejected':
      case 'AuthorityDecisionRecorded':
        this.removeSubject.run(id, ...COMPLAINT, data.complaintId);
        return;
      case 'ApplicationWithdrawn':
        this.remove(id, [...REVIEW, ...NOTICE, ...COMPLAINT]);
        return;
      // A family's support (ADR 33): each instalment is ordered at its instant, once; a stop ends them.
      case 'SupportOpened':
        for (const instalment of data.schedule)
          this.put(id, 'instalment', instalment.dueAt, event, data.calendarVersion, instalment.key);
        return;
      case 'PaymentOrderIssued':
        if (data.reissueOf === null) this.removeInstalment.run(id, data.instalment);
        return;
      case 'SupportStopped':
        this.removeKind.run(id, 'instalment');
        return;
      default:
        // A decision ends the review's and the notice's clocks; a complaint about a missed term,
        // filed before it, is still to be answered.
        this.remove(id, [...REVIEW, ...NOTICE]);
    }
  }

  private remove(id: string, kinds: readonly DeadlineKind[]): void {
    for (const kind of kinds) this.removeKind.run(id, kind);
  }

  /**
   * A deadline still pending moves to its new instant; a flag fired already and corrected by the
   * amendment is pending again. The row now names the rescheduling event, so the command fired at
   * the new instant has an id of its own (the first firing's id is spent).
   */
  private rescheduled(event: RecordedEvent<ReviewDeadlineRescheduled['data']>): void {
    const { applicationId: id, deadline, corrected } = event.data;
    const pending = (kind: 'at-risk' | 'due') => this.exists.get(id, kind) !== undefined;
    if (pending('at-risk') || corrected.includes('at-risk'))
      this.put(id, 'at-risk', deadline.atRiskAt, event, deadline.calendarVersion);
    if (pending('due') || corrected.includes('breach'))
      this.put(id, 'due', deadline.dueAt, event, deadline.calendarVersion);
  }

  private put(
    id: string,
    kind: DeadlineKind,
    at: string,
    event: Pick<RecordedEvent, 'eventId' | 'metadata'>,
    calendarVersion: string,
    subject: string | null = null,
  ): void {
    const { eventId, metadata } = event;
    this.insert.run(id, kind, Date.parse(at), at, eventId, metadata.correlationId, calendarVersion, subject ?? '');
  }

  due(now: Date, limit: number): PendingDeadlineRow[] {
    return this.selectDue.all(now.getTime(), limit) as PendingDeadlineRow[];
  }

  pendingCount(): number {
    return this.count.get() as number;
  }
}

function createPendingDeadlinesTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS pending_deadlines (
      application_id     TEXT NOT NULL,
      kind               TEXT NOT NULL CHECK (kind IN ('at-risk', 'due', 'notice-at-risk', 'notice-due', 'complaint-at-risk', 'complaint-due', 'instalment')),
      fire_at_ms         INTEGER NOT NULL,
      fire_at            TEXT NOT NULL,
      scheduled_event_id TEXT NOT NULL,
      correlation_id     TEXT NOT NULL,
      calendar_version   TEXT NOT NULL,
      subject            TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (application_id, kind, subject)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS pending_deadlines_in_firing_order ON pending_deadlines (fire_at_ms, application_id);
    DROP INDEX IF EXISTS pending_deadlines_by_instant;`);
}
