import type Database from 'better-sqlite3';
import type { ApplicationEvent, ApplicationEventType } from '@domain/application';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';
import { utcInstant } from './read-model-support';

export const APPLICATION_STATUSES = [
  'submitted',
  'signed',
  'under-review',
  'reviewed',
  'included',
  'refused',
  'withdrawn',
] as const;
export type ApplicationStatusView = (typeof APPLICATION_STATUSES)[number];

/** Not yet decided nor withdrawn: what queues, at-risk and overdue lists are made of. */
export const OPEN_APPLICATION = `status IN ('submitted', 'signed', 'under-review', 'reviewed')`;

/** The tables this projection owns (dropped whole by a rebuild). */
export const APPLICATIONS_TABLES: readonly string[] = ['applications'];

/** Creates the table and its indexes; the query class calls it too, so either may be built first. */
export function ensureApplicationsSchema(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS applications (
    application_id    TEXT PRIMARY KEY,
    status            TEXT NOT NULL CHECK (status IN (${APPLICATION_STATUSES.map((s) => `'${s}'`).join(', ')})),
    category          TEXT NOT NULL,
    region            TEXT NOT NULL,
    quota_year        INTEGER NOT NULL,
    applicant_iin     TEXT NOT NULL,
    applicant_name    TEXT NOT NULL,
    persons           INTEGER NOT NULL,
    reviewer_id       TEXT,
    submitted_at      TEXT NOT NULL,
    signed_at         TEXT,
    accepted_on       TEXT,
    due_on            TEXT,
    due_at            TEXT,
    at_risk_at        TEXT,
    at_risk           INTEGER NOT NULL DEFAULT 0,
    breached          INTEGER NOT NULL DEFAULT 0,
    escalated         INTEGER NOT NULL DEFAULT 0,
    decided_at        TEXT,
    decision          TEXT CHECK (decision IN ('included', 'refused')),
    decision_number   TEXT,
    decision_date     TEXT,
    late              INTEGER NOT NULL DEFAULT 0,
    refusal_grounds   TEXT,
    relocation_amount INTEGER,
    rent_amount       INTEGER,
    withdrawn_at      TEXT,
    updated_at        TEXT NOT NULL,
    last_revision     INTEGER NOT NULL,
    last_position     INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS applications_by_submission ON applications (submitted_at, application_id);
  CREATE INDEX IF NOT EXISTS applications_by_status ON applications (status, submitted_at, application_id);
  CREATE INDEX IF NOT EXISTS applications_by_region ON applications (region, quota_year, submitted_at, application_id);
  CREATE INDEX IF NOT EXISTS applications_by_reviewer ON applications (reviewer_id, status, due_at);
  CREATE INDEX IF NOT EXISTS applications_for_supervisors ON applications (due_at) WHERE escalated = 1 OR breached = 1;
  CREATE INDEX IF NOT EXISTS applications_by_year_region ON applications (quota_year, region);`);
}

type DataOf<T extends ApplicationEventType> = Extract<ApplicationEvent, { type: T }>['data'];
type Submitted = DataOf<'ApplicationSubmitted'>;
type Decision = DataOf<'ApplicationIncluded'> | DataOf<'ApplicationRefused'>;

/**
 * What each event after the submission changes: the domain's own event data, so a renamed field
 * breaks the build, and a new event type does not compile until it has an entry here.
 */
type Changes = { readonly [T in Exclude<ApplicationEventType, 'ApplicationSubmitted'>]: DataOf<T> };
type Params = Record<string, string | number | null>;
type Update<D> = readonly [set: string, params: (data: D) => Params];

const decided = (d: Decision): Params => ({
  decidedAt: utcInstant(d.decidedAt),
  late: d.late ? 1 : 0,
  number: d.decision.number,
  date: d.decision.date,
});
const DECISION_SET = `decided_at = @decidedAt, late = @late, decision_number = @number, decision_date = @date`;

/** How each event after the submission changes the row: one SET clause and its parameters. */
const UPDATES: { readonly [T in keyof Changes]: Update<Changes[T]> } = {
  // A code issued or a wrong one typed changes no column; the row's revision still follows its stream.
  SigningCodeIssued: ['status = status', () => ({})],
  SigningCodeRejected: ['status = status', () => ({})],
  ApplicationSigned: [`status = 'signed', signed_at = @signedAt`, (d) => ({ signedAt: utcInstant(d.signedAt) })],
  ReviewDeadlineScheduled: [
    `accepted_on = @acceptedOn, due_on = @dueOn, due_at = @dueAt, at_risk_at = @atRiskAt`,
    (d) => ({ acceptedOn: d.acceptedOn, dueOn: d.dueOn, dueAt: utcInstant(d.dueAt), atRiskAt: utcInstant(d.atRiskAt) }),
  ],
  ReviewStarted: [`status = 'under-review', reviewer_id = @reviewerId`, (d) => ({ reviewerId: d.reviewerId })],
  ReviewReassigned: [`status = 'under-review', reviewer_id = @reviewerId`, (d) => ({ reviewerId: d.toReviewerId })],
  ApplicationReviewed: [
    `status = 'reviewed', reviewer_id = @reviewerId, persons = @persons`,
    (d) => ({ reviewerId: d.reviewerId, persons: d.personsMoving }),
  ],
  ApplicationIncluded: [
    `status = 'included', decision = 'included', persons = @persons, ${DECISION_SET}`,
    (d) => ({ ...decided(d), persons: d.personsCounted }),
  ],
  ApplicationRefused: [
    `status = 'refused', decision = 'refused', refusal_grounds = @grounds, ${DECISION_SET}`,
    (d) => ({ ...decided(d), grounds: JSON.stringify(d.grounds) }),
  ],
  SubsidyGranted: [
    `relocation_amount = CASE WHEN @kind = 'relocation' THEN @amount ELSE relocation_amount END,
     rent_amount = CASE WHEN @kind = 'rent' THEN @amount ELSE rent_amount END`,
    (d) => ({ kind: d.kind, amount: d.amount }),
  ],
  ApplicationWithdrawn: [
    `status = 'withdrawn', withdrawn_at = @withdrawnAt`,
    (d) => ({ withdrawnAt: utcInstant(d.withdrawnAt) }),
  ],
  ReviewSlaAtRisk: ['at_risk = 1', () => ({})],
  ReviewSlaBreached: ['breached = 1', () => ({})],
  ReviewEscalated: ['escalated = 1', () => ({})],
};

const TYPES = ['ApplicationSubmitted', ...Object.keys(UPDATES)];

/**
 * One row per application, for the back office's lists and queues. Each row remembers the last
 * revision of its stream it applied, so a redelivered or replayed event changes nothing.
 */
export class ApplicationsProjection implements Projection {
  readonly kind = 'projection';
  readonly name = 'applications';
  readonly filter = { streamPrefixes: ['application-'], eventTypes: TYPES };
  private readonly insert: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();

  constructor(
    db: Database.Database,
    private readonly registry: EventTypeRegistry,
  ) {
    ensureApplicationsSchema(db);
    this.insert = db.prepare(
      `INSERT INTO applications (application_id, status, category, region, quota_year, applicant_iin, applicant_name, persons,
         submitted_at, updated_at, last_revision, last_position)
       VALUES (@id, 'submitted', @category, @region, @year, @iin, @name, @persons, @submittedAt, @updatedAt, @revision, @position)
       ON CONFLICT (application_id) DO NOTHING`,
    );
    for (const [type, [set]] of Object.entries(UPDATES)) {
      this.updates.set(
        type,
        db.prepare(
          `UPDATE applications SET ${set}, updated_at = @updatedAt, last_revision = @revision, last_position = @position
         WHERE application_id = @id AND last_revision < @revision`,
        ),
      );
    }
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast<{ applicationId: string }>(stored);
    const common = {
      id: event.data.applicationId,
      updatedAt: utcInstant(event.metadata.occurredAt),
      revision: event.revision,
      position: event.position,
    };
    if (event.type === 'ApplicationSubmitted') {
      const { submission, submittedAt } = event.data as Submitted;
      const { applicant } = submission;
      const name = [applicant.name.lastName, applicant.name.firstName, applicant.name.patronymic]
        .filter(Boolean)
        .join(' ');
      this.insert.run({
        ...common,
        category: applicant.category,
        region: submission.receivingRegion,
        year: submission.quotaYear,
        iin: applicant.iin,
        name,
        persons: 1 + submission.familyMembers.length,
        submittedAt: utcInstant(submittedAt),
      });
      return;
    }
    const update = UPDATES[event.type as keyof Changes] as Update<unknown> | undefined;
    if (!update) return;
    this.updates.get(event.type)!.run({ ...update[1](event.data), ...common });
  }
}
