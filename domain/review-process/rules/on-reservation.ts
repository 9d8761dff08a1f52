import { QUOTA_EXHAUSTED } from '../../application/refusal-grounds';
import type { SeatReservationDeclined, SeatsReserved } from '../../quota/events';
import { decisionFor } from '../../application/decision-number';
import { sendToApplication, sendToQuota, type Intent } from '../intents';
import type { ProcessContext } from '../process-policy';
import { APPLICATION_CLOSED } from './closed-application';

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

/** Reservation declined → a refusal on the quota-exhausted ground, saying how many seats were left. */
export function refuseOnReservationDeclined(event: SeatReservationDeclined, { now, policy }: ProcessContext): Intent[] {
  const { applicationId, persons, remaining, region, year, category, reason } = event.data;
  const explanation =
    reason === 'QUOTA_NOT_SET'
      ? `No ${category} quota is set for ${region} in ${year}`
      : `The ${category} quota of ${region} for ${year} has ${remaining} seat(s) left; the family counts ${persons}`;
  const decision = decisionFor('refusal', applicationId, year, now);
  const refusal = {
    type: 'RefuseApplication',
    applicationId,
    grounds: [QUOTA_EXHAUSTED],
    explanation,
    decision,
    groundsList: policy.refusalGrounds,
  } as const;
  return [sendToApplication('refuse-quota-exhausted', refusal, { codes: APPLICATION_CLOSED })];
}
