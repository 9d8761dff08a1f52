import type { SubsidyPolicyData } from '../application/decisions/grant-subsidy';
import type { RefusalGroundList } from '../application/refusal-grounds';
import { deadlineUnder, type ScheduledDeadline } from '../application/review-deadline';
import type { SlaPolicy } from '../calendar/sla-policy';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** The administrator's data the process decides with: calendar, SLA policy, subsidy tables. */
export interface ReviewProcessPolicy {
  readonly calendar: WorkingDayCalendar;
  readonly slaPolicy: SlaPolicy;
  readonly subsidyPolicy: SubsidyPolicyData;
  /** The refusal grounds in force (issue 16); the domain's list v1 when the law has none recorded. */
  readonly refusalGrounds?: RefusalGroundList;
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
