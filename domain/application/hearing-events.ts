import type { DomainEvent } from '../shared/decider';
import type { CalendarDate, Instant } from '../shared/calendar-date';
import type { QuotaKey } from '../quota';

import type { HearingWay } from '../law/hearing-terms';

export type { HearingWay } from '../law/hearing-terms';

/** Why a refusal is proposed: a reviewer's not-eligible verdict, a supervisor's intention, a full quota. */
export type RefusalSource = 'review' | 'supervisor' | 'quota';

/** A document the applicant brought to an objection or a hearing: its title and where it is kept. */
export interface AddedDocument {
  readonly title: string;
  readonly reference: string;
}

/** The hearing the notice offers: how, where, and the instant it is held by (the notice + 2 working days). */
export interface OfferedHearing {
  readonly way: HearingWay;
  readonly place?: string;
  readonly heldByOn: CalendarDate;
  readonly heldBy: Instant;
}

/**
 * The latest instant the applicant may be told of a preliminary refusal (3 working days before the
 * review is due, on the calendar in force), and the warning before it. Derived from the review's
 * deadline whenever that is scheduled or moved, so it never disagrees with it (ADR 32).
 */
export interface HearingNoticeDeadline {
  readonly reviewDueOn: CalendarDate;
  readonly noticeDueOn: CalendarDate;
  readonly noticeDueBy: Instant;
  readonly atRiskOn: CalendarDate;
  readonly atRiskAt: Instant;
  readonly calendarVersion: string;
  readonly termsVersion: string;
}

export type HearingNoticeDeadlineScheduled = DomainEvent<
  'HearingNoticeDeadlineScheduled',
  { readonly applicationId: string; readonly scheduledAt: Instant } & HearingNoticeDeadline
>;

export type HearingNoticeAtRisk = DomainEvent<
  'HearingNoticeAtRisk',
  {
    readonly applicationId: string;
    readonly atRiskAt: Instant;
    readonly noticeDueBy: Instant;
    readonly flaggedAt: Instant;
  }
>;

export type HearingNoticeBreached = DomainEvent<
  'HearingNoticeBreached',
  { readonly applicationId: string; readonly noticeDueBy: Instant; readonly breachedAt: Instant }
>;

export type HearingNoticeEscalated = DomainEvent<
  'HearingNoticeEscalated',
  {
    readonly applicationId: string;
    readonly queue: 'supervisors';
    readonly reason: string;
    readonly escalatedAt: Instant;
  }
>;

/**
 * A preliminary decision to refuse (APC art. 73): the applicant is told its grounds and how and
 * until when they are heard. Not a decision: the review's service term runs on, and the final
 * decision (ApplicationRefused, or the review reopened as eligible) is a supervisor's.
 */
export type RefusalProposed = DomainEvent<
  'RefusalProposed',
  {
    readonly applicationId: string;
    readonly quota: QuotaKey;
    readonly grounds: readonly string[];
    readonly groundsListVersion: string;
    readonly explanation: string;
    readonly source: RefusalSource;
    readonly proposedBy: string;
    readonly proposedAt: Instant;
    readonly hearing: OfferedHearing;
    /** The notice deadline in force when proposed; null on an application signed before ADR 32. */
    readonly noticeDueBy: Instant | null;
    readonly noticeLate: boolean;
    /** The quota's seat situation, stated in the notice (quota source only). */
    readonly seats?: { readonly remaining: number; readonly persons: number };
    readonly termsVersion: string;
  }
>;

export type ApplicantObjected = DomainEvent<
  'ApplicantObjected',
  {
    readonly applicationId: string;
    readonly objectionId: string;
    readonly text: string;
    readonly documentsAdded: readonly AddedDocument[];
    readonly objectedAt: Instant;
  }
>;

export type HearingAttendance = 'attended' | 'absent' | 'in-writing';

export type HearingHeld = DomainEvent<
  'HearingHeld',
  {
    readonly applicationId: string;
    readonly heardBy: string;
    readonly heldAt: Instant;
    readonly attendance: HearingAttendance;
    readonly statement: string;
    readonly documentsAdded: readonly AddedDocument[];
    readonly recordedAt: Instant;
  }
>;

/** The supervisor did not confirm the proposed refusal: the application stands as eligible again. */
export type ReviewReopenedAsEligible = DomainEvent<
  'ReviewReopenedAsEligible',
  {
    readonly applicationId: string;
    readonly quota: QuotaKey;
    readonly persons: number;
    readonly proposalSource: RefusalSource;
    readonly reason: string;
    readonly reopenedBy: string;
    readonly reopenedAt: Instant;
  }
>;

export type HearingEvent =
  | HearingNoticeDeadlineScheduled
  | HearingNoticeAtRisk
  | HearingNoticeBreached
  | HearingNoticeEscalated
  | RefusalProposed
  | ApplicantObjected
  | HearingHeld
  | ReviewReopenedAsEligible;
