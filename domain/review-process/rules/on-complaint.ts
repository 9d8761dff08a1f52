import type { ComplaintBreached, DecisionRevoked } from '../../application/events';
import { localDateOf } from '../../shared/calendar-date';
import { SupportErrorCode } from '../../support/errors';
import { sendToApplication, sendToPersons, sendToQuota, sendToSupport, type Intent } from '../intents';
import { complaintLawOf, paymentTermsOf, scheduledDeadlineOf, type ProcessContext } from '../process-policy';
import { APPLICATION_CLOSED } from './closed-application';

/** No answer to a complaint by the end of its term: the supervisors take it over. */
export function escalateOnComplaintBreach(event: ComplaintBreached, context: ProcessContext): Intent[] {
  const { applicationId, complaintId, considerBy } = event.data;
  const { terms } = complaintLawOf(context.policy);
  const reason = `No answer to complaint ${complaintId} by ${considerBy} (${terms.providerConsiderationWorkingDays} working days)`;
  const command = { type: 'EscalateComplaint', applicationId, complaintId, reason } as const;
  return [sendToApplication('escalate-complaint', command)];
}

/**
 * A revoked decision is carried out (ADR 32). A revoked inclusion gives its seats and its persons
 * back first (its subsidies are stopped by the revocation itself), and stops the payments of its
 * support if the family had arrived (ADR 33). Then the remedy: back to review
 * with a fresh service term counted from the revocation, or eligible, the quota asked again (its
 * answer, if declined, is a final refusal: see `refuseOnReservationDeclined`).
 */
export function carryOutRevocation(event: DecisionRevoked, { policy }: ProcessContext): Intent[] {
  const { applicationId, quota, persons, revokedFrom, remedy, revokedAt } = event.data;
  const release =
    revokedFrom === 'included'
      ? [
          sendToQuota('release-seats-of-revoked-inclusion', {
            type: 'ReleaseSeats',
            ...quota,
            applicationId,
            reason: 'The inclusion was revoked',
            follows: 'revoked-inclusion',
          }),
          sendToPersons('release-persons-of-revoked-inclusion', {
            type: 'ReleasePersons',
            applicationId,
            reason: 'decision-revoked',
          }),
          // ADR 33: every instalment not yet paid stops; a family that never arrived has no support to stop.
          sendToSupport(
            'stop-support-of-revoked-inclusion',
            {
              type: 'StopSupport',
              applicationId,
              reason: 'inclusion-revoked',
              effectiveOn: localDateOf(revokedAt),
              terms: paymentTermsOf(policy),
            },
            { codes: [SupportErrorCode.NotOpen] },
          ),
        ]
      : [];
  if (remedy === 'include') {
    const reserve = { type: 'ReserveSeats', ...quota, applicationId, persons, askedAfter: 'revoked-decision' } as const;
    return [...release, sendToQuota('reserve-seats-after-revocation', reserve)];
  }
  const deadline = scheduledDeadlineOf(revokedAt, policy);
  const schedule = { type: 'ScheduleReviewDeadline', applicationId, deadline } as const;
  return [
    ...release,
    sendToApplication('schedule-review-deadline-after-revocation', schedule, { codes: APPLICATION_CLOSED }),
  ];
}
