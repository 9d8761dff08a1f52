import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import type { ReviewProcessPolicy } from '@domain/review-process';

export { scheduledDeadlineOf } from '@domain/review-process';

/** The administrator's data the workflow decides with: calendar, SLA policy, subsidy tables. */
export type WorkflowConfig = ReviewProcessPolicy;

export const WORKFLOW_CONFIG = Symbol('WorkflowConfig');

export function defaultWorkflowConfig(): WorkflowConfig {
  return {
    calendar: WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS),
    slaPolicy: DEFAULT_SLA_POLICY,
    subsidyPolicy: {},
  };
}
