import type { SubsidyPolicyData } from '../application/decisions/grant-subsidy';
import type { RefusalGroundList } from '../application/refusal-grounds';
import { deadlineUnder, type ScheduledDeadline } from '../application/review-deadline';
import type { SlaPolicy } from '../calendar/sla-policy';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { COMPLAINT_TERMS_V1, type ComplaintTerms } from '../law/complaint-terms';
import { HEARING_TERMS_V1, type HearingTerms } from '../law/hearing-terms';
import type { TermsLaw } from '../application/hearing-deadline';
import { PAYMENT_TERMS_V1, type PaymentTerms } from '../support/payment-terms';

/** The administrator's data the process decides with: calendar, SLA policy, subsidy tables. */
export interface ReviewProcessPolicy {
  readonly calendar: WorkingDayCalendar;
  readonly slaPolicy: SlaPolicy;
  readonly subsidyPolicy: SubsidyPolicyData;
  /** The refusal grounds in force (issue 16); the domain's list v1 when the law has none recorded. */
  readonly refusalGrounds?: RefusalGroundList;
  /** The hearing terms in force (ADR 32); version 1 when the law has none recorded. */
  readonly hearingTerms?: HearingTerms;
  /** The complaint terms in force (ADR 32); version 1 when the law has none recorded. */
  readonly complaintTerms?: ComplaintTerms;
  /** How support is paid after arrival (ADR 33); version 1 when the law has none recorded. */
  readonly paymentTerms?: PaymentTerms;
}

/** What a reaction may read besides its event: the policy in force and the instant it runs at. */
export interface ProcessContext {
  readonly policy: ReviewProcessPolicy;
  readonly now: Date;
}

/** The review deadline of an application signed at `signedAt`, as the Application records it. */
export function scheduledDeadlineOf(signedAt: string, policy: ReviewProcessPolicy): ScheduledDeadline {
  return deadlineUnder(signedAt, policy.calendar, policy.slaPolicy);
}

/** The calendar, working hours and hearing terms in force: what a hearing's instants are counted with. */
export function hearingLawOf(policy: ReviewProcessPolicy): TermsLaw<HearingTerms> {
  return { calendar: policy.calendar, slaPolicy: policy.slaPolicy, terms: policy.hearingTerms ?? HEARING_TERMS_V1 };
}

/** The same for a complaint's term. */
export function complaintLawOf(policy: ReviewProcessPolicy): TermsLaw<ComplaintTerms> {
  return { calendar: policy.calendar, slaPolicy: policy.slaPolicy, terms: policy.complaintTerms ?? COMPLAINT_TERMS_V1 };
}

/** The payment terms in force (ADR 33). */
export function paymentTermsOf(policy: ReviewProcessPolicy): PaymentTerms {
  return policy.paymentTerms ?? PAYMENT_TERMS_V1;
}
