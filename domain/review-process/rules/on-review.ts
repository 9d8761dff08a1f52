import type { ApplicationReviewed } from '../../application/events';
import { decisionFor } from '../../application/decision-number';
import { sendToApplication, sendToQuota, type Intent } from '../intents';
import type { ProcessContext } from '../process-policy';
import { APPLICATION_CLOSED } from './closed-application';

/**
 * An eligible review asks the region's quota for seats for the whole family; a not-eligible review
 * refuses on the reviewer's grounds, explained by the comment and the rejected documents.
 */
export function reserveOrRefuse(event: ApplicationReviewed, { now }: ProcessContext): Intent[] {
  const { applicationId, quota, personsMoving } = event.data;
  if (event.data.verdict === 'eligible') {
    return [sendToQuota('reserve-seats', { type: 'ReserveSeats', ...quota, applicationId, persons: personsMoving })];
  }
  const decision = decisionFor('refusal', applicationId, quota.year, now);
  const refusal = {
    type: 'RefuseApplication',
    applicationId,
    grounds: event.data.grounds,
    explanation: explanationOf(event),
    decision,
  } as const;
  return [sendToApplication('refuse-not-eligible', refusal, { codes: APPLICATION_CLOSED })];
}

function explanationOf({ data }: ApplicationReviewed): string {
  const rejected = data.findings
    .filter((f) => !f.accepted)
    .map((f) => `document ${f.documentIndex}${f.note ? `: ${f.note}` : ''}`);
  const parts = [data.comment, rejected.length > 0 ? `Rejected: ${rejected.join('; ')}` : undefined].filter(Boolean);
  return parts.join('. ') || `Refused on ${data.grounds.join(', ')}`;
}
