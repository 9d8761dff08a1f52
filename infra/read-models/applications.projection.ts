import type Database from 'better-sqlite3';
import { personsIn, type ApplicationEvent, type ApplicationEventType } from '@domain/application';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';
import { utcInstant } from './read-model-support';
import { ensureReadModelSchema } from './read-model-schema';
import { refusalDetails, reviewDetails, searchablePersons, submissionDetails } from './application-details';
import { heardDetails, objectionDetails, proposalDetails, revocationDetails } from './hearing-details';

export const APPLICATION_STATUSES = [
  'submitted',
  'signed',
  'under-review',
  'reviewed',
  'refusal-proposed',
  'included',
  'refused',
  'withdrawn',
] as const;
export type ApplicationStatusView = (typeof APPLICATION_STATUSES)[number];

/** Not yet decided nor withdrawn: what queues, at-risk and overdue lists are made of. */
export const OPEN_APPLICATION = `status IN ('submitted', 'signed', 'under-review', 'reviewed', 'refusal-proposed')`;

/** The tables this projection owns (dropped whole by a rebuild). */
export const APPLICATIONS_TABLES: readonly string[] = [
  'applications',
  'application_details',
  'application_persons',
  'application_complaints',
];

/**
 * Version 2 (issue 15) added what an officer decides on (`application_details`) and the people an
 * application can be found by (`application_persons`): a file of version 1 is rebuilt from the store.
 * Version 3 (ADR 20) writes the submission's details as `region` and `year`: a file of version 2,
 * whose details say `receivingRegion` and `quotaYear`, is rebuilt.
 * Version 4 (issue 20, ADR 32) adds the status `refusal-proposed`, the proposal with its objections
 * and hearing and the revocations to the details, and the complaints (`application_complaints`).
 * Version 5 forgets the review of a decision revoked back to review: a file of version 4 would name
 * the old reviewer in the details of an application waiting for a new one, and is rebuilt.
 */
export const APPLICATIONS_SCHEMA_VERSION = 5;

/** Creates the tables and their indexes; the query classes call it too, so any of them may be built first. */
export function ensureApplicationsSchema(db: Database.Database): void {
  ensureReadModelSchema(db, {
    name: 'applications',
    version: APPLICATIONS_SCHEMA_VERSION,
    tables: APPLICATIONS_TABLES,
    create: createApplicationsTables,
  });
}

function createApplicationsTables(db: Database.Database): void {
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
  CREATE INDEX IF NOT EXISTS applications_by_year_region ON applications (quota_year, region);
  CREATE INDEX IF NOT EXISTS applications_by_due ON applications (due_at, submitted_at, application_id);
  CREATE TABLE IF NOT EXISTS application_details (
    application_id TEXT PRIMARY KEY,
    submission     TEXT NOT NULL,
    review         TEXT,
    refusal        TEXT,
    proposal       TEXT,
    revocations    TEXT NOT NULL DEFAULT '[]'
  ) STRICT;
  CREATE TABLE IF NOT EXISTS application_complaints (
    complaint_id   TEXT PRIMARY KEY,
    application_id TEXT NOT NULL,
    against        TEXT NOT NULL,
    text           TEXT NOT NULL,
    filed_at       TEXT NOT NULL,
    consider_by_on TEXT NOT NULL,
    consider_by    TEXT NOT NULL,
    at_risk_at     TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('open', 'satisfied', 'rejected')),
    remedy         TEXT,
    reasons        TEXT,
    decided_at     TEXT,
    decided_by     TEXT,
    late           INTEGER NOT NULL DEFAULT 0,
    at_risk        INTEGER NOT NULL DEFAULT 0,
    breached       INTEGER NOT NULL DEFAULT 0,
    escalated      INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX IF NOT EXISTS application_complaints_by_application ON application_complaints (application_id, filed_at);
  CREATE INDEX IF NOT EXISTS application_complaints_open ON application_complaints (consider_by, complaint_id) WHERE state = 'open';
  CREATE TABLE IF NOT EXISTS application_persons (
    application_id TEXT NOT NULL,
    person         INTEGER NOT NULL,
    iin            TEXT,
    name_key       TEXT NOT NULL,
    PRIMARY KEY (application_id, person)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS application_persons_by_iin ON application_persons (iin) WHERE iin IS NOT NULL;`);
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
  // Moved by an amendment of the law: the new deadline, and the flags it corrected lowered (ADR 23).
  ReviewDeadlineRescheduled: [
    `accepted_on = @acceptedOn, due_on = @dueOn, due_at = @dueAt, at_risk_at = @atRiskAt,
     at_risk = CASE WHEN @atRiskCorrected = 1 THEN 0 ELSE at_risk END,
     breached = CASE WHEN @breachCorrected = 1 THEN 0 ELSE breached END`,
    ({ deadline: d, corrected }) => ({
      acceptedOn: d.acceptedOn,
      dueOn: d.dueOn,
      dueAt: utcInstant(d.dueAt),
      atRiskAt: utcInstant(d.atRiskAt),
      atRiskCorrected: corrected.includes('at-risk') ? 1 : 0,
      breachCorrected: corrected.includes('breach') ? 1 : 0,
    }),
  ],
  ReviewStarted: [`status = 'under-review', reviewer_id = @reviewerId`, (d) => ({ reviewerId: d.reviewerId })],
  ReviewReassigned: [`status = 'under-review', reviewer_id = @reviewerId`, (d) => ({ reviewerId: d.toReviewerId })],
  ApplicationReviewed: [
    `status = 'reviewed', reviewer_id = @reviewerId, persons = @persons`,
    (d) => ({ reviewerId: d.reviewerId, persons: d.persons }),
  ],
  ApplicationIncluded: [
    `status = 'included', decision = 'included', persons = @persons, ${DECISION_SET}`,
    (d) => ({ ...decided(d), persons: d.persons }),
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
  // ADR 32: the proposal, its objections and hearing live in `application_details`, the complaints in
  // `application_complaints` (below); a revoked decision puts the row back where the remedy sends it.
  HearingNoticeDeadlineScheduled: ['status = status', () => ({})],
  HearingNoticeAtRisk: ['status = status', () => ({})],
  HearingNoticeBreached: ['status = status', () => ({})],
  // "The supervisors take it over" (ADR 32): the escalated queue is theirs, whichever clock escalated.
  HearingNoticeEscalated: ['escalated = 1', () => ({})],
  RefusalProposed: [`status = 'refusal-proposed'`, () => ({})],
  ApplicantObjected: ['status = status', () => ({})],
  HearingHeld: ['status = status', () => ({})],
  ReviewReopenedAsEligible: [`status = 'reviewed'`, () => ({})],
  ComplaintFiled: ['status = status', () => ({})],
  ComplaintAtRisk: ['status = status', () => ({})],
  ComplaintBreached: ['status = status', () => ({})],
  ComplaintEscalated: ['status = status', () => ({})],
  ComplaintSatisfied: ['status = status', () => ({})],
  ComplaintRejected: ['status = status', () => ({})],
  AuthorityDecisionRecorded: ['status = status', () => ({})],
  // The arrival opens the support (ADR 33), told in the timeline and kept on its own stream: the row stays included.
  FamilyArrived: ['status = status', () => ({})],
  DecisionRevoked: [
    `status = CASE WHEN @remedy = 'include' THEN 'reviewed' ELSE 'signed' END,
     reviewer_id = CASE WHEN @remedy = 'include' THEN reviewer_id ELSE NULL END,
     decision = NULL, decided_at = NULL, decision_number = NULL, decision_date = NULL, late = 0,
     refusal_grounds = NULL, relocation_amount = NULL, rent_amount = NULL,
     at_risk = CASE WHEN @remedy = 'include' THEN at_risk ELSE 0 END,
     breached = CASE WHEN @remedy = 'include' THEN breached ELSE 0 END,
     escalated = CASE WHEN @remedy = 'include' THEN escalated ELSE 0 END`,
    (d) => ({ remedy: d.remedy }),
  ],
};

/**
 * What some events add to `application_details`, run only when the row's update above applied (so a
 * redelivered event changes nothing here either).
 */
const DETAIL_UPDATES: { readonly [T in keyof Changes]?: Update<Changes[T]> } = {
  ApplicationReviewed: ['review = @review', (d) => ({ review: JSON.stringify(reviewDetails(d)) })],
  ApplicationRefused: ['refusal = @refusal', (d) => ({ refusal: JSON.stringify(refusalDetails(d)) })],
  RefusalProposed: ['proposal = @proposal', (d) => ({ proposal: JSON.stringify(proposalDetails(d)) })],
  ApplicantObjected: [
    `proposal = json_insert(proposal, '$.objections[#]', json(@objection))`,
    (d) => ({ objection: JSON.stringify(objectionDetails(d)) }),
  ],
  HearingHeld: [
    `proposal = json_set(proposal, '$.heard', json(@heard))`,
    (d) => ({ heard: JSON.stringify(heardDetails(d)) }),
  ],
  // A decision revoked back to review leaves its review in the revocation and the timeline: the
  // details show the review to come (its reviewer, then its verdict), not the one undone.
  DecisionRevoked: [
    `revocations = json_insert(revocations, '$[#]', json(@revocation)),
     review = CASE WHEN @remedy = 'include' THEN review ELSE NULL END`,
    (d) => ({ revocation: JSON.stringify(revocationDetails(d)), remedy: d.remedy }),
  ],
};

function complaintSet(set: string, condition = ''): string {
  return `UPDATE application_complaints SET ${set} WHERE complaint_id = @complaintId ${condition}`;
}

const COMPLAINT_DECIDED = 'decided_at = @decidedAt, decided_by = @decidedBy, late = @late';

function complaintDecided(complaintId: string, decidedAt: string, decidedBy: string, late: boolean): Params {
  return { complaintId, decidedAt: utcInstant(decidedAt), decidedBy, late: late ? 1 : 0 };
}

/** What some events change in `application_complaints`, run, like the above, only when the row's update applied. */
const COMPLAINT_UPDATES: { readonly [T in keyof Changes]?: Update<Changes[T]> } = {
  ComplaintFiled: [
    `INSERT INTO application_complaints (complaint_id, application_id, against, text, filed_at, consider_by_on, consider_by, at_risk_at, state)
     VALUES (@complaintId, @id, @against, @text, @filedAt, @considerByOn, @considerBy, @atRiskAt, 'open')
     ON CONFLICT (complaint_id) DO NOTHING`,
    (d) => ({
      complaintId: d.complaintId,
      against: d.against,
      text: d.text,
      filedAt: utcInstant(d.filedAt),
      considerByOn: d.considerByOn,
      considerBy: utcInstant(d.considerBy),
      atRiskAt: utcInstant(d.atRiskAt),
    }),
  ],
  ComplaintAtRisk: [complaintSet('at_risk = 1'), (d) => ({ complaintId: d.complaintId })],
  ComplaintBreached: [complaintSet('breached = 1'), (d) => ({ complaintId: d.complaintId })],
  ComplaintEscalated: [complaintSet('escalated = 1'), (d) => ({ complaintId: d.complaintId })],
  ComplaintSatisfied: [
    complaintSet(`state = 'satisfied', remedy = @remedy, reasons = @reasons, ${COMPLAINT_DECIDED}`),
    (d) => ({
      ...complaintDecided(d.complaintId, d.satisfiedAt, d.decidedBy, d.late),
      remedy: d.remedy,
      reasons: d.reason,
    }),
  ],
  ComplaintRejected: [
    complaintSet(`state = 'rejected', remedy = NULL, reasons = @reasons, ${COMPLAINT_DECIDED}`),
    (d) => ({
      ...complaintDecided(d.complaintId, d.rejectedAt, d.decidedBy, d.late),
      remedy: null,
      reasons: d.reasons,
    }),
  ],
  // The authority's decision closes the provider's complaint it names, if that one is still open.
  AuthorityDecisionRecorded: [
    complaintSet(`state = @outcome, remedy = @remedy, reasons = @reasons, ${COMPLAINT_DECIDED}`, `AND state = 'open'`),
    (d) => ({
      ...complaintDecided(d.complaintId ?? '', d.recordedAt, d.authority, false),
      outcome: d.outcome,
      remedy: d.remedy,
      reasons: `${d.authority}, ${d.documentNumber} of ${d.date}`,
    }),
  ],
};

const TYPES = ['ApplicationSubmitted', ...Object.keys(UPDATES)];

/** The parameters every statement of an event shares. */
interface Common {
  readonly id: string;
  readonly updatedAt: string;
  readonly revision: number;
  readonly position: bigint;
}

/**
 * One row per application, for the back office's lists and queues. Each row remembers the last
 * revision of its stream it applied, so a redelivered or replayed event changes nothing.
 */
export class ApplicationsProjection implements Projection {
  readonly kind = 'projection';
  readonly name = 'applications';
  readonly filter = { streamPrefixes: ['application-'], eventTypes: TYPES };
  private readonly insert: Database.Statement;
  private readonly insertDetails: Database.Statement;
  private readonly insertPerson: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly detailUpdates = new Map<string, Database.Statement>();
  private readonly complaintUpdates = new Map<string, Database.Statement>();

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
    this.insertDetails = db.prepare(
      `INSERT INTO application_details (application_id, submission) VALUES (@id, @submission)
       ON CONFLICT (application_id) DO NOTHING`,
    );
    this.insertPerson = db.prepare(
      `INSERT INTO application_persons (application_id, person, iin, name_key) VALUES (@id, @person, @iin, @nameKey)
       ON CONFLICT (application_id, person) DO NOTHING`,
    );
    for (const [type, [set]] of Object.entries(DETAIL_UPDATES)) {
      this.detailUpdates.set(type, db.prepare(`UPDATE application_details SET ${set} WHERE application_id = @id`));
    }
    for (const [type, [sql]] of Object.entries(COMPLAINT_UPDATES)) this.complaintUpdates.set(type, db.prepare(sql));
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
    const common: Common = {
      id: event.data.applicationId,
      updatedAt: utcInstant(event.metadata.occurredAt),
      revision: event.revision,
      position: event.position,
    };
    if (event.type === 'ApplicationSubmitted') {
      this.submitted(common, event.data as Submitted);
      return;
    }
    const type = event.type as keyof Changes;
    const update = UPDATES[type] as Update<unknown> | undefined;
    if (!update) return;
    const applied = this.updates.get(type)!.run({ ...update[1](event.data), ...common });
    if (applied.changes === 0) return;
    const detail = DETAIL_UPDATES[type] as Update<unknown> | undefined;
    if (detail) this.detailUpdates.get(type)!.run({ ...detail[1](event.data), id: common.id });
    const complaint = COMPLAINT_UPDATES[type] as Update<unknown> | undefined;
    if (complaint) this.complaintUpdates.get(type)!.run({ ...complaint[1](event.data), id: common.id });
  }

  /** The row, what the officers decide on, and the people it can be found by; a second delivery adds nothing. */
  private submitted(common: Common, data: Submitted): void {
    const { submission, submittedAt } = data;
    const { applicant } = submission;
    const name = [applicant.name.lastName, applicant.name.firstName, applicant.name.patronymic]
      .filter(Boolean)
      .join(' ');
    this.insert.run({
      ...common,
      category: applicant.category,
      region: submission.region,
      year: submission.year,
      iin: applicant.iin,
      name,
      persons: personsIn(submission),
      submittedAt: utcInstant(submittedAt),
    });
    this.insertDetails.run({ id: common.id, submission: JSON.stringify(submissionDetails(data)) });
    for (const person of searchablePersons(submission)) this.insertPerson.run({ id: common.id, ...person });
  }
}
