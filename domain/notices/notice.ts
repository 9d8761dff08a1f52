import type {
  AddedDocument,
  ComplaintAgainst,
  HearingAttendance,
  HearingWay,
  RefusalSource,
  Remedy,
  SubsidyKind,
} from '../application/events';
import type { CalendarDate, Instant } from '../shared/calendar-date';

/**
 * The moments the applicant must learn of, each a kind of notice. Later steps (a hearing before a
 * refusal, a complaint, a payment) add a kind here, its data below, a rule in `NOTICE_PROCESS` and
 * a template in each language: the compiler points at every place that must say something.
 */
export type NoticeKind =
  | 'application-accepted'
  | 'review-started'
  | 'review-deadline-moved'
  | 'application-included'
  | 'application-refused'
  | 'refusal-proposed'
  | 'hearing-recorded'
  | 'complaint-received'
  | 'complaint-satisfied'
  | 'complaint-rejected'
  | 'decision-revoked'
  | 'authority-decision-recorded'
  | 'arrival-recorded'
  | 'payment-made'
  | 'payment-returned'
  | 'recipient-corrected'
  | 'support-stopped';

export interface AcceptedNotice {
  readonly acceptedOn: CalendarDate;
  readonly dueOn: CalendarDate;
  readonly dueAt: Instant;
}

export interface ReviewStartedNotice {
  readonly startedOn: CalendarDate;
  readonly dueOn: CalendarDate | null;
}

export interface DeadlineMovedNotice {
  readonly previousDueOn: CalendarDate;
  readonly dueOn: CalendarDate;
  readonly dueAt: Instant;
  /** The act that moved it, as its title reads; null when the scheduler found an older calendar. */
  readonly becauseOf: string | null;
}

export interface IncludedNotice {
  readonly decisionNumber: string;
  readonly decisionDate: CalendarDate;
  readonly persons: number;
  readonly relocationAmount: number;
  readonly rentAmount: number;
  readonly rentMonthlyAmount: number;
  readonly totalAmount: number;
  readonly documentUrl: string;
}

/** A ground of refusal with its labels from the grounds list version the decision recorded. */
export interface LabelledGround {
  readonly code: string;
  readonly kk: string;
  readonly ru: string;
}

export interface ComplaintWay {
  readonly termsVersion: string;
  readonly until: CalendarDate;
  readonly filingPeriodMonths: number;
  readonly providerConsiderationWorkingDays: number;
  readonly authorityConsiderationWorkingDays: number;
  readonly authorityExtensionWorkingDays: number;
}

export interface RefusedNotice {
  readonly decisionNumber: string;
  readonly decisionDate: CalendarDate;
  readonly grounds: readonly LabelledGround[];
  readonly groundsListVersion: string;
  /** The officer's words; null when the process wrote its own (the grounds' titles say it all, or the seats do). */
  readonly explanation: string | null;
  /** The seat situation when a full quota is the ground (template version 2 on); null otherwise. */
  readonly seats?: { readonly remaining: number; readonly persons: number } | null;
  readonly complaint: ComplaintWay;
  readonly documentUrl: string;
}

/**
 * A preliminary refusal (ADR 32): the grounds, the explanation, how, where and until when the
 * applicant is heard, that an objection may be sent from the personal cabinet until then, the day
 * the final decision is due, and the seat situation when the quota is the ground.
 */
export interface RefusalProposedNotice {
  readonly proposedOn: CalendarDate;
  readonly source: RefusalSource;
  readonly grounds: readonly LabelledGround[];
  readonly groundsListVersion: string;
  /** The officer's words; null when the process wrote its own (version 2 of the template on). */
  readonly explanation: string | null;
  readonly hearing: {
    readonly way: HearingWay;
    readonly place: string | null;
    readonly heldByOn: CalendarDate;
    readonly heldBy: Instant;
  };
  readonly decisionDueOn: CalendarDate | null;
  readonly seats: { readonly remaining: number; readonly persons: number } | null;
}

/** The hearing's record as the applicant is told it: when, how they took part, what was recorded. */
export interface HearingRecordedNotice {
  readonly heldAt: Instant;
  readonly attendance: HearingAttendance;
  readonly statement: string;
  readonly documentsAdded: readonly AddedDocument[];
  /** Objections the applicant sent before the record: the supervisor decides on them too. */
  readonly objections: number;
  readonly decisionDueOn: CalendarDate | null;
}

/** A complaint accepted: what it is against, the day accepted, the term it is considered by. */
export interface ComplaintReceivedNotice {
  readonly against: ComplaintAgainst;
  readonly decision: { readonly number: string; readonly date: CalendarDate } | null;
  readonly acceptedOn: CalendarDate;
  readonly considerByOn: CalendarDate;
  readonly considerBy: Instant;
}

/** Satisfied: the remedy (null against a missed term: there is no decision to revoke) and why. */
export interface ComplaintSatisfiedNotice {
  readonly against: ComplaintAgainst;
  readonly satisfiedOn: CalendarDate;
  readonly remedy: Remedy | null;
  readonly reason: string;
  readonly late: boolean;
}

/** Rejected: the reasons, and the next level — the authority, with its terms — or the court. */
export interface ComplaintRejectedNotice {
  readonly against: ComplaintAgainst;
  readonly rejectedOn: CalendarDate;
  readonly reasons: string;
  readonly late: boolean;
  readonly authority: {
    readonly termsVersion: string;
    readonly considerationWorkingDays: number;
    readonly extensionWorkingDays: number;
  };
}

/**
 * A decision revoked, and what it means: back to review (a fresh term, told when scheduled) or to
 * be included; a revoked inclusion gives its seats back and stops its subsidies.
 */
export interface DecisionRevokedNotice {
  readonly decisionNumber: string;
  readonly decisionDate: CalendarDate;
  readonly revokedOn: CalendarDate;
  readonly revokedFrom: 'included' | 'refused';
  readonly remedy: Remedy;
  /** The authority's document that revoked it; null when the provider satisfied the complaint. */
  readonly authorityDocument: string | null;
  readonly seatsReleased: number;
  readonly subsidiesStopped: readonly { readonly kind: SubsidyKind; readonly amount: number }[];
  readonly totalStopped: number;
}

/** The authority's decision on a complaint, as the service recorded it and now carries it out. */
export interface AuthorityDecisionNotice {
  readonly authority: string;
  readonly documentNumber: string;
  readonly documentDate: CalendarDate;
  readonly outcome: 'satisfied' | 'rejected';
  readonly remedy: Remedy | null;
  readonly recordedOn: CalendarDate;
}

/** The family's arrival recorded (ADR 33): where and when, and that the support is paid on a schedule. */
export interface ArrivalRecordedNotice {
  readonly arrivedOn: CalendarDate;
  readonly settlement: { readonly kind: 'city' | 'town' | 'village'; readonly name: string };
  readonly registeredOn: CalendarDate;
  readonly recordedBy: 'portal' | 'officer';
}

/** Which payment an order was: the relocation subsidy, or a month of the rent (1 … 12). */
export interface PaymentOfSchedule {
  readonly kind: 'relocation' | 'rent';
  /** The month of the rent counted from the first (1 … 12); null for the relocation. */
  readonly rentMonth: number | null;
}

/** A payment the bank confirmed (ADR 33): what it was for, how much, when, to which account. */
export interface PaymentMadeNotice extends PaymentOfSchedule {
  readonly orderId: string;
  readonly amount: number;
  readonly paidOn: CalendarDate;
  /** The account's last four characters: enough to recognise it, nothing to misuse. */
  readonly accountEnding: string;
}

/** A payment that came back from the bank: the applicant checks the account; it is paid again once. */
export interface PaymentReturnedNotice extends PaymentOfSchedule {
  readonly orderId: string;
  readonly amount: number;
  readonly returnedOn: CalendarDate;
  readonly accountEnding: string;
}

/**
 * The account the support is paid to was changed: told to the applicant at once, so that a change
 * they did not ask for is noticed before anything is paid there.
 */
export interface RecipientCorrectedNotice {
  readonly correctedOn: CalendarDate;
  readonly previousAccountEnding: string;
  readonly accountEnding: string;
}

/** The support stopped: why, from when, what is no longer paid, and what is listed for recovery. */
export interface SupportStoppedNotice {
  readonly reason: 'inclusion-revoked' | 'departed' | 'renounced';
  readonly effectiveOn: CalendarDate;
  readonly cancelledPayments: number;
  /** Payments made that the terms list for recovery: listed, not claimed (a claim is told apart). */
  readonly recovery: { readonly payments: number; readonly total: number };
}

export interface NoticeDataOf {
  readonly 'application-accepted': AcceptedNotice;
  readonly 'review-started': ReviewStartedNotice;
  readonly 'review-deadline-moved': DeadlineMovedNotice;
  readonly 'application-included': IncludedNotice;
  readonly 'application-refused': RefusedNotice;
  readonly 'refusal-proposed': RefusalProposedNotice;
  readonly 'hearing-recorded': HearingRecordedNotice;
  readonly 'complaint-received': ComplaintReceivedNotice;
  readonly 'complaint-satisfied': ComplaintSatisfiedNotice;
  readonly 'complaint-rejected': ComplaintRejectedNotice;
  readonly 'decision-revoked': DecisionRevokedNotice;
  readonly 'authority-decision-recorded': AuthorityDecisionNotice;
  readonly 'arrival-recorded': ArrivalRecordedNotice;
  readonly 'payment-made': PaymentMadeNotice;
  readonly 'payment-returned': PaymentReturnedNotice;
  readonly 'recipient-corrected': RecipientCorrectedNotice;
  readonly 'support-stopped': SupportStoppedNotice;
}

/** What a notice says, as data: the kind and the facts its templates are rendered from. */
export type NoticeContent = { [K in NoticeKind]: { readonly kind: K; readonly data: NoticeDataOf[K] } }[NoticeKind];

/** The same notice in the two languages the applicant reads (kk, ru). */
export interface NoticeTexts {
  readonly kk: string;
  readonly ru: string;
}

/** Which versioned template the texts came from. */
export interface TemplateRef {
  readonly id: NoticeKind;
  readonly version: number;
}

/** Who receives it: the applicant's personal cabinet, reached through the actor that submitted. */
export interface NoticeRecipient {
  readonly channel: 'personal-cabinet';
  readonly submittedBy: { readonly id: string; readonly role: string };
}

/** Where the portal fetches an application's decision document (served by the back office). */
export const decisionDocumentUrl = (applicationId: string): string =>
  `/portal/applications/${applicationId}/decision-document`;
