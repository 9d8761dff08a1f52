import { SubsidyPolicyData } from '@domain/application';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, SlaPolicy, WorkingDayCalendar } from '@domain/calendar';

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
