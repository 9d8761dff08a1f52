import type { ReviewSlaBreached } from '../../application/events';
import { sendToApplication, type Intent } from '../intents';

/** No decision by the due instant: the review goes to the supervisors' queue. */
export function escalateOnBreach(event: ReviewSlaBreached): Intent[] {
  const { applicationId, dueAt } = event.data;
  const reason = `No decision by the due instant ${dueAt} (14 working days)`;
  return [sendToApplication('escalate-review', { type: 'EscalateReview', applicationId, reason })];
}
