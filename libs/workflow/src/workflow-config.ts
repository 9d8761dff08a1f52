import { SubsidyPolicyData } from '@domain/application';
import type { ScheduledDeadline } from '@domain/application';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, reviewDeadline, SlaPolicy, WorkingDayCalendar } from '@domain/calendar';

/** The administrator's data the workflow decides with: calendar, SLA policy, subsidy tables. */
export interface WorkflowConfig {
  readonly calendar: WorkingDayCalendar;
  readonly slaPolicy: SlaPolicy;
  readonly subsidyPolicy: SubsidyPolicyData;
}

export const WORKFLOW_CONFIG = Symbol('WorkflowConfig');

export function defaultWorkflowConfig(): WorkflowConfig {
  return { calendar: WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS), slaPolicy: DEFAULT_SLA_POLICY, subsidyPolicy: {} };
}

/** The review deadline of an application signed at `signedAt`, as the domain records it. */
export function scheduledDeadlineOf(signedAt: string, config: WorkflowConfig): ScheduledDeadline {
  const { acceptedOn, dueOn, dueAt, atRiskOn, atRiskAt, calendarVersion, calendarProvisional } = reviewDeadline(signedAt, config.calendar, config.slaPolicy);
  return { acceptedOn, dueOn, dueAt, atRiskOn, atRiskAt, calendarVersion, calendarProvisional };
}
