import type { DomainEvent } from '../shared/decider';
import type { CalendarDate, Instant } from '../shared/calendar-date';
import type { QuotaKey } from '../quota';
import type { SubsidyKind } from './events';

/** What a complaint is against: a refusal, the amounts of an inclusion, a term the office missed. */
export type ComplaintAgainst = 'refusal' | 'inclusion-amounts' | 'missed-term';

/** How a satisfied complaint (or the authority's decision) sets the decision right. */
export type Remedy = 'return-to-review' | 'include';

export interface DecisionRef {
  readonly number: string;
  readonly date: CalendarDate;
}

/** A complaint to the provider: considered within 5 working days of its acceptance day (ADR 32). */
export type ComplaintFiled = DomainEvent<
  'ComplaintFiled',
  {
    readonly applicationId: string;
    readonly complaintId: string;
    readonly against: ComplaintAgainst;
    readonly text: string;
    readonly level: 'provider';
    /** The decision complained of; null against a missed term. */
    readonly decision: DecisionRef | null;
    readonly filedAt: Instant;
    readonly acceptedOn: CalendarDate;
    readonly considerByOn: CalendarDate;
    readonly considerBy: Instant;
    readonly atRiskOn: CalendarDate;
    readonly atRiskAt: Instant;
    readonly termsVersion: string;
    readonly calendarVersion: string;
  }
>;

export type ComplaintAtRisk = DomainEvent<
  'ComplaintAtRisk',
  {
    readonly applicationId: string;
    readonly complaintId: string;
    readonly atRiskAt: Instant;
    readonly considerBy: Instant;
    readonly flaggedAt: Instant;
  }
>;

export type ComplaintBreached = DomainEvent<
  'ComplaintBreached',
  {
    readonly applicationId: string;
    readonly complaintId: string;
    readonly considerBy: Instant;
    readonly breachedAt: Instant;
  }
>;

export type ComplaintEscalated = DomainEvent<
  'ComplaintEscalated',
  {
    readonly applicationId: string;
    readonly complaintId: string;
    readonly queue: 'supervisors';
    readonly reason: string;
    readonly escalatedAt: Instant;
  }
>;

export type ComplaintSatisfied = DomainEvent<
  'ComplaintSatisfied',
  {
    readonly applicationId: string;
    readonly complaintId: string;
    readonly remedy: Remedy;
    readonly reason: string;
    readonly decidedBy: string;
    readonly satisfiedAt: Instant;
    /** Whether it came after the complaint's term (`considerBy`). */
    readonly late: boolean;
  }
>;

export type ComplaintRejected = DomainEvent<
  'ComplaintRejected',
  {
    readonly applicationId: string;
    readonly complaintId: string;
    readonly reasons: string;
    readonly decidedBy: string;
    readonly rejectedAt: Instant;
    readonly late: boolean;
  }
>;

/** The authority for the quality of public services decided a complaint: binding on the provider. */
export type AuthorityDecisionRecorded = DomainEvent<
  'AuthorityDecisionRecorded',
  {
    readonly applicationId: string;
    /** The provider's complaint it answers, when it was filed here; null when filed with the authority directly. */
    readonly complaintId: string | null;
    readonly authority: string;
    readonly documentNumber: string;
    readonly date: CalendarDate;
    readonly outcome: 'satisfied' | 'rejected';
    readonly remedy: Remedy | null;
    readonly recordedAt: Instant;
  }
>;

/** A subsidy granted by the revoked inclusion, to be paid no further (issue 21 reads this). */
export interface StoppedSubsidy {
  readonly kind: SubsidyKind;
  readonly amount: number;
  readonly grantedAt: Instant;
}

/**
 * A decision undone by a satisfied complaint or the authority's decision. The facts it decided stand
 * in the history; what follows is the remedy: back to review (a fresh service term), or eligible (the
 * quota asked again). A revoked inclusion gives its seats back and stops its subsidies.
 */
export type DecisionRevoked = DomainEvent<
  'DecisionRevoked',
  {
    readonly applicationId: string;
    readonly quota: QuotaKey;
    readonly persons: number;
    readonly decision: DecisionRef;
    readonly revokedFrom: 'included' | 'refused';
    readonly remedy: Remedy;
    readonly by:
      | { readonly kind: 'complaint'; readonly complaintId: string }
      | { readonly kind: 'authority'; readonly documentNumber: string };
    readonly subsidiesStopped: readonly StoppedSubsidy[];
    readonly revokedAt: Instant;
  }
>;

export type ComplaintEvent =
  | ComplaintFiled
  | ComplaintAtRisk
  | ComplaintBreached
  | ComplaintEscalated
  | ComplaintSatisfied
  | ComplaintRejected
  | AuthorityDecisionRecorded
  | DecisionRevoked;
