import type { CalendarDate, Instant } from '../shared/calendar-date';

/**
 * The moments the applicant must learn of, each a kind of notice. Later steps (a hearing before a
 * refusal, a complaint, a payment) add a kind here, its data below, a rule in `NOTICE_PROCESS` and
 * a template in each language: the compiler points at every place that must say something.
 */
export type NoticeKind =
  'application-accepted' | 'review-started' | 'review-deadline-moved' | 'application-included' | 'application-refused';

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
  readonly explanation: string;
  readonly complaint: ComplaintWay;
  readonly documentUrl: string;
}

export interface NoticeDataOf {
  readonly 'application-accepted': AcceptedNotice;
  readonly 'review-started': ReviewStartedNotice;
  readonly 'review-deadline-moved': DeadlineMovedNotice;
  readonly 'application-included': IncludedNotice;
  readonly 'application-refused': RefusedNotice;
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
