import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import { provisionalFromCalendarVersion } from './review-deadline';
import { DomainEvent } from '../shared/decider';
import { CalendarDate, Instant } from '../shared/calendar-date';
import { ApplicantCategory, RegionCode } from '../shared/region';
import { ScheduledDeadline } from './review-deadline';
import { QuotaKey } from '../quota';
import { SubsidyCalculation } from '../subsidy';
import type { AmendmentRef } from '../law/amendment-ref';
import { ApplicationSubmission } from './submission';
import { submissionFromV1, type SubmissionV1, type SubmissionVersion } from './submission-version';
import type { HearingEvent } from './hearing-events';
import type { ComplaintEvent } from './complaint-events';
import type { FamilyArrived } from './arrival-events';

export * from './hearing-events';
export * from './complaint-events';
export * from './arrival-events';

export type SignatureMethod = 'otp' | 'eds';
export type Verdict = 'eligible' | 'not-eligible';

export interface DocumentFinding {
  readonly documentIndex: number;
  readonly accepted: boolean;
  readonly note?: string;
}

/** Whether a decision came after the due date; recorded with the decision, never recomputed. */
export interface Timeliness {
  readonly dueAt: Instant | null;
  readonly late: boolean;
}

export type ApplicationSubmitted = DomainEvent<
  'ApplicationSubmitted',
  {
    readonly applicationId: string;
    readonly submission: ApplicationSubmission;
    /**
     * SHA-256 of the canonical JSON of `submission` in the shape of `submissionVersion`: what the
     * applicant then signs. Never recomputed on read: an old submission keeps the digest it was signed by.
     */
    readonly digest: string;
    /** The shape the submission was digested in: 1 before ADR 20 (`receivingRegion`, `quotaYear`), 2 since. */
    readonly submissionVersion: SubmissionVersion;
    readonly documentPolicyVersion: string;
    readonly submittedAt: Instant;
  }
>;

export type ApplicationSigned = DomainEvent<
  'ApplicationSigned',
  {
    readonly applicationId: string;
    readonly method: SignatureMethod;
    readonly signerIin: string;
    readonly digest: string;
    /** What the verifier established (certificate serial and issuer for EDS, the OTP request for OTP). */
    readonly evidence: Readonly<Record<string, string>>;
    readonly signedAt: Instant;
  }
>;

/**
 * A one-time code was sent to the applicant to sign with. The code itself is never stored: only its
 * keyed MAC (HMAC-SHA-256 under the server's secret, computed at the edge, base64url), which binds
 * it to this request, application, signer and digest (ADR 17). Expiry and the attempt limit are
 * recorded as decided, so a later change of policy does not change an issued code.
 */
export type SigningCodeIssued = DomainEvent<
  'SigningCodeIssued',
  {
    readonly applicationId: string;
    readonly otpRequestId: string;
    readonly codeMac: string;
    readonly issuedAt: Instant;
    readonly expiresAt: Instant;
    readonly maxAttempts: number;
  }
>;

/**
 * A wrong code was typed for an issued request. Recorded (not only answered) so that the attempt
 * limit holds on every instance; the answer to the command that recorded it is still a refusal,
 * `APPLICATION.OTP_WRONG` with `attemptsLeft` (ADR 17).
 */
export type SigningCodeRejected = DomainEvent<
  'SigningCodeRejected',
  {
    readonly applicationId: string;
    readonly otpRequestId: string;
    /** 1 for the first wrong code of this request. */
    readonly attempt: number;
    readonly attemptsLeft: number;
    readonly rejectedAt: Instant;
  }
>;

export type ReviewDeadlineScheduled = DomainEvent<
  'ReviewDeadlineScheduled',
  { readonly applicationId: string } & ScheduledDeadline
>;

/** A fired SLA flag that the amended law would not have fired yet: it stands in the history, corrected. */
export type CorrectedSlaFlag = 'at-risk' | 'breach';

/**
 * The law changed under a pending review (a calendar year or the SLA policy amended), and its
 * deadline, recomputed from the signing instant, moved (ADR 23). Recorded only when an instant or
 * the acceptance day changed. `amendment` is the law that moved it; null when the deadline scheduler
 * found, at fire time, a deadline computed under an older calendar than the one in force (the race
 * with an application signed while the amendment was being recorded). `corrected` lists the flags
 * already fired that the amended law would not have fired yet at `rescheduledAt`: they are not
 * undone, they fire again at their new instants; an escalation already made stands
 * (`escalationStands`).
 */
export type ReviewDeadlineRescheduled = DomainEvent<
  'ReviewDeadlineRescheduled',
  {
    readonly applicationId: string;
    readonly previous: ScheduledDeadline;
    readonly deadline: ScheduledDeadline;
    readonly amendment: AmendmentRef | null;
    readonly corrected: readonly CorrectedSlaFlag[];
    readonly escalationStands: boolean;
    readonly rescheduledAt: Instant;
  }
>;

export type ReviewStarted = DomainEvent<
  'ReviewStarted',
  { readonly applicationId: string; readonly reviewerId: string; readonly startedAt: Instant }
>;

export type ReviewReassigned = DomainEvent<
  'ReviewReassigned',
  {
    readonly applicationId: string;
    readonly fromReviewerId: string | null;
    readonly toReviewerId: string;
    readonly reason: string;
    readonly reassignedAt: Instant;
  }
>;

/** Which quota the application counts against, carried by the events the quota saga reacts to. */
export type QuotaRef = QuotaKey;

/** A person of the application already included in a quota through another application. */
export interface PersonIncludedElsewhere {
  /** The IIN's path in this application's submission (`familyMembers[0].iin`). */
  readonly field: string;
  readonly iin: string;
  /** The application the person was included through. */
  readonly includedThrough: string;
}

export type ApplicationReviewed = DomainEvent<
  'ApplicationReviewed',
  {
    readonly applicationId: string;
    readonly quota: QuotaRef;
    /** The applicant and each family member: the seats an eligible application asks for (`personsMoving` in v1–v2). */
    readonly persons: number;
    readonly reviewerId: string;
    readonly verdict: Verdict;
    readonly findings: readonly DocumentFinding[];
    /** Codes of the refusal-ground list (`refusalGrounds` in schema v1: one name for grounds everywhere). */
    readonly grounds: readonly string[];
    readonly groundsListVersion: string;
    readonly comment?: string;
    /**
     * Persons found already included elsewhere when the review was recorded (looked up by the
     * handler); absent when none was. Absent in every event stored before the Person aggregate
     * existed, which is what it then meant: no such check was made, none was found.
     */
    readonly personsIncludedElsewhere?: readonly PersonIncludedElsewhere[];
    readonly reviewedAt: Instant;
  }
>;

export type ApplicationIncluded = DomainEvent<
  'ApplicationIncluded',
  {
    readonly applicationId: string;
    readonly region: RegionCode;
    readonly year: number;
    readonly category: ApplicantCategory;
    /** The persons the quota counts for the application: its applicant and each family member (`personsCounted` in v1). */
    readonly persons: number;
    readonly decision: { readonly number: string; readonly date: CalendarDate };
    readonly decidedAt: Instant;
  } & Timeliness
>;

export type ApplicationRefused = DomainEvent<
  'ApplicationRefused',
  {
    readonly applicationId: string;
    readonly quota: QuotaRef;
    readonly grounds: readonly string[];
    readonly groundsListVersion: string;
    readonly explanation: string;
    readonly decision: { readonly number: string; readonly date: CalendarDate };
    readonly decidedAt: Instant;
  } & Timeliness
>;

export type SubsidyKind = SubsidyCalculation['kind'];

/** The amount with every input of its formula (MCI value and year, persons or rate), so an auditor can redo the sum. */
export type SubsidyGranted = DomainEvent<
  'SubsidyGranted',
  { readonly applicationId: string; readonly grantedAt: Instant } & SubsidyCalculation
>;

export type ApplicationWithdrawn = DomainEvent<
  'ApplicationWithdrawn',
  { readonly applicationId: string; readonly quota: QuotaRef; readonly reason: string; readonly withdrawnAt: Instant }
>;

export type ReviewSlaAtRisk = DomainEvent<
  'ReviewSlaAtRisk',
  { readonly applicationId: string; readonly atRiskAt: Instant; readonly dueAt: Instant; readonly flaggedAt: Instant }
>;

export type ReviewSlaBreached = DomainEvent<
  'ReviewSlaBreached',
  { readonly applicationId: string; readonly dueAt: Instant; readonly breachedAt: Instant }
>;

export type ReviewEscalated = DomainEvent<
  'ReviewEscalated',
  {
    readonly applicationId: string;
    readonly queue: 'supervisors';
    readonly reason: string;
    readonly escalatedAt: Instant;
  }
>;

export type ApplicationEvent =
  | ApplicationSubmitted
  | SigningCodeIssued
  | SigningCodeRejected
  | ApplicationSigned
  | ReviewDeadlineScheduled
  | ReviewDeadlineRescheduled
  | ReviewStarted
  | ReviewReassigned
  | ApplicationReviewed
  | ApplicationIncluded
  | ApplicationRefused
  | SubsidyGranted
  | ApplicationWithdrawn
  | ReviewSlaAtRisk
  | ReviewSlaBreached
  | ReviewEscalated
  | HearingEvent
  | ComplaintEvent
  | FamilyArrived;

export type ApplicationEventType = ApplicationEvent['type'];

/**
 * The stored schema of every Application event type. The mapped type makes the list exhaustive: a
 * new event type does not compile until it is given its schema here.
 */
export const APPLICATION_EVENT_SCHEMAS: { readonly [T in ApplicationEventType]: EventSchema } = {
  ApplicationSubmitted: {
    schemaVersion: 2,
    // v2 speaks the vocabulary of ADR 20 (`region`, `year`); a v1 submission is read in it, and is
    // marked as digested in its v1 shape, so its stored digest still verifies against its content.
    upcasters: { 1: submittedInV1Shape },
  },
  SigningCodeIssued: FIRST_VERSION,
  SigningCodeRejected: FIRST_VERSION,
  ApplicationSigned: FIRST_VERSION,
  ReviewDeadlineScheduled: {
    schemaVersion: 2,
    // v2 added calendarProvisional; a v1 event is read with it derived from its calendar version.
    upcasters: {
      1: (data) => ({
        ...(data as object),
        calendarProvisional: provisionalFromCalendarVersion(data as ScheduledDeadline),
      }),
    },
  },
  ReviewDeadlineRescheduled: FIRST_VERSION,
  ReviewStarted: FIRST_VERSION,
  ReviewReassigned: FIRST_VERSION,
  ApplicationReviewed: {
    schemaVersion: 3,
    // v2 renamed refusalGrounds to grounds, as every other request, answer and event calls them;
    // the codes and what they meant are unchanged.
    // v3 renamed personsMoving to persons (ADR 20): one name for the one count of persons.
    upcasters: { 1: renameRefusalGrounds, 2: (data) => renamed(data, 'personsMoving', 'persons') },
  },
  ApplicationIncluded: {
    schemaVersion: 2,
    // v2 renamed personsCounted to persons (ADR 20): the same number the review asked seats for.
    upcasters: { 1: (data) => renamed(data, 'personsCounted', 'persons') },
  },
  ApplicationRefused: FIRST_VERSION,
  SubsidyGranted: FIRST_VERSION,
  ApplicationWithdrawn: FIRST_VERSION,
  ReviewSlaAtRisk: FIRST_VERSION,
  ReviewSlaBreached: FIRST_VERSION,
  ReviewEscalated: FIRST_VERSION,
  HearingNoticeDeadlineScheduled: FIRST_VERSION,
  HearingNoticeAtRisk: FIRST_VERSION,
  HearingNoticeBreached: FIRST_VERSION,
  HearingNoticeEscalated: FIRST_VERSION,
  RefusalProposed: FIRST_VERSION,
  ApplicantObjected: FIRST_VERSION,
  HearingHeld: FIRST_VERSION,
  ReviewReopenedAsEligible: FIRST_VERSION,
  ComplaintFiled: FIRST_VERSION,
  ComplaintAtRisk: FIRST_VERSION,
  ComplaintBreached: FIRST_VERSION,
  ComplaintEscalated: FIRST_VERSION,
  ComplaintSatisfied: FIRST_VERSION,
  ComplaintRejected: FIRST_VERSION,
  AuthorityDecisionRecorded: FIRST_VERSION,
  DecisionRevoked: FIRST_VERSION,
  FamilyArrived: FIRST_VERSION,
};

function renameRefusalGrounds(data: unknown): unknown {
  return renamed(data, 'refusalGrounds', 'grounds');
}

/** The same data with one field under its new name; its value, and every other field, unchanged. */
function renamed(data: unknown, from: string, to: string): unknown {
  const { [from]: value, ...rest } = data as Record<string, unknown>;
  return { ...rest, [to]: value };
}

function submittedInV1Shape(data: unknown): unknown {
  const { submission, ...rest } = data as { submission: SubmissionV1 };
  return { ...rest, submission: submissionFromV1(submission), submissionVersion: 1 };
}
