import type { ApplicationSigned } from '../../application/events';
import { sendToApplication, type Intent } from '../intents';
import { scheduledDeadlineOf, type ProcessContext } from '../process-policy';

/**
 * Signing accepts the application: its review deadline is computed once, from the working-day
 * calendar (14 working days, the acceptance day not counted — FACTS.md, "The SLA clock"), and
 * recorded by the Application, never recomputed on replay.
 */
export function scheduleReviewDeadline(event: ApplicationSigned, { policy }: ProcessContext): Intent[] {
  const { applicationId, signedAt } = event.data;
  const deadline = scheduledDeadlineOf(signedAt, policy);
  return [sendToApplication('schedule-review-deadline', { type: 'ScheduleReviewDeadline', applicationId, deadline })];
}
