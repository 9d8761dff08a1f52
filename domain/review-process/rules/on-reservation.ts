import { QUOTA_EXHAUSTED } from '../../application/refusal-grounds';
import type { SeatReservationDeclined, SeatsReserved } from '../../quota/events';
import { decisionFor } from '../../application/decision-number';
import { sendToApplication, sendToQuota, type Intent } from '../intents';
import type { ProcessContext } from '../process-policy';
import { APPLICATION_CLOSED } from './closed-application';
import { proposal } from './on-hearing';
import { quotaFullExplanation, quotaNotSetExplanation } from '../process-explanation';

/**
 * Seats reserved → the inclusion. Should the application have closed meanwhile, the inclusion is
 * moot and the seats reserved for nothing are given back (the compensation).
 */
export function includeOnSeatsReserved(event: SeatsReserved, { now }: ProcessContext): Intent[] {
  const { applicationId, persons, region, year, category } = event.data;
  const decision = decisionFor('inclusion', applicationId, year, now);
  const reason = 'The application was closed before its inclusion';
  const giveBack = sendToQuota('release-unused-seats', {
    type: 'ReleaseSeats',
    region,
    year,
    category,
    applicationId,
    reason,
  });
  const inclusion = { type: 'IncludeInQuota', applicationId, persons, decision } as const;
  return [sendToApplication('include-in-quota', inclusion, { codes: APPLICATION_CLOSED, compensation: giveBack })];
}

/**
 * Reservation declined → a refusal on the quota-exhausted ground, saying how many seats were left:
 * proposed, and the applicant heard (ADR 32); final at once when the question was asked again after
 * a revoked decision, for the complaint that revoked it already heard the applicant. Numbered then by
 * the application, apart from the decision revoked.
 */
export function refuseOnReservationDeclined(event: SeatReservationDeclined, context: ProcessContext): Intent[] {
  const { applicationId, persons, remaining, region, year, category, reason } = event.data;
  const quota = { category, region, year };
  const explanation =
    reason === 'QUOTA_NOT_SET' ? quotaNotSetExplanation(quota) : quotaFullExplanation(quota, remaining, persons);
  const grounds = [QUOTA_EXHAUSTED];
  if (event.data.askedAfter === 'revoked-decision') {
    const { policy } = context;
    const refusal = {
      type: 'RefuseApplication',
      applicationId,
      grounds,
      explanation,
      groundsList: policy.refusalGrounds,
    } as const;
    return [sendToApplication('refuse-quota-exhausted-after-revocation', refusal, { codes: APPLICATION_CLOSED })];
  }
  const seats = { remaining, persons };
  const proposed = proposal('quota', { applicationId, grounds, explanation, seats }, context);
  return [sendToApplication('propose-refusal-quota-exhausted', proposed, { codes: APPLICATION_CLOSED })];
}
