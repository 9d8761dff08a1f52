import type { RefusalSource } from '../../application/events';
import type {
  HearingNoticeBreached,
  ReviewDeadlineRescheduled,
  ReviewDeadlineScheduled,
  ReviewReopenedAsEligible,
} from '../../application/events';
import { hearingNoticeDeadlineOf, offeredHearing } from '../../application/hearing-deadline';
import type { ScheduledDeadline } from '../../application/review-deadline';
import type { Untimed } from '../intents';
import type { ProposeRefusal } from '../../application/decisions/refusal-proposal';
import { sendToApplication, sendToQuota, type Intent } from '../intents';
import { hearingLawOf, type ProcessContext } from '../process-policy';
import { APPLICATION_CLOSED } from './closed-application';

/** The system proposes on the review's, or the quota's, behalf; a supervisor's proposal names the supervisor. */
export const REVIEW_PROCESS_ACTOR = 'review-process';

/**
 * The notice of a preliminary refusal is due 3 working days before the review (ADR 32): derived
 * from the review's deadline each time it is scheduled or moved, on the calendar in force.
 */
function noticeDeadlineFor(applicationId: string, review: Pick<ScheduledDeadline, 'dueOn'>, context: ProcessContext) {
  const deadline = hearingNoticeDeadlineOf(review, hearingLawOf(context.policy));
  const command = { type: 'ScheduleHearingNoticeDeadline', applicationId, deadline } as const;
  return [sendToApplication('schedule-hearing-notice-deadline', command, { codes: APPLICATION_CLOSED })];
}

export const scheduleNoticeDeadline = (event: ReviewDeadlineScheduled, context: ProcessContext): Intent[] =>
  noticeDeadlineFor(event.data.applicationId, event.data, context);

export const moveNoticeDeadline = (event: ReviewDeadlineRescheduled, context: ProcessContext): Intent[] =>
  noticeDeadlineFor(event.data.applicationId, event.data.deadline, context);

/** The notice can no longer reach the applicant in time: the supervisors take the application over. */
export function escalateOnNoticeBreach(event: HearingNoticeBreached, context: ProcessContext): Intent[] {
  const { applicationId, noticeDueBy } = event.data;
  const { terms } = hearingLawOf(context.policy);
  const reason = `No refusal can now be notified in time: the notice was due by ${noticeDueBy} (${terms.noticeWorkingDaysBeforeDue} working days before the review is due)`;
  return [sendToApplication('escalate-hearing-notice', { type: 'EscalateHearingNotice', applicationId, reason })];
}

/** A proposed refusal not confirmed: the quota is asked again, as after an eligible review. */
export function reserveOnReopened(event: ReviewReopenedAsEligible): Intent[] {
  const { applicationId, quota, persons } = event.data;
  const reserve = { type: 'ReserveSeats', ...quota, applicationId, persons, askedAfter: 'reopened-review' } as const;
  return [sendToQuota('reserve-seats-reopened', reserve)];
}

/**
 * A proposal: the hearing counted from the instant it is made (the process's cause, or the
 * supervisor's request), on the law in force. The process proposes as itself; a supervisor by name.
 */
export function proposal(
  source: RefusalSource,
  fields: Pick<ProposeRefusal, 'applicationId' | 'grounds' | 'explanation' | 'seats'>,
  { now, policy }: ProcessContext,
  proposedBy = REVIEW_PROCESS_ACTOR,
): Untimed<ProposeRefusal> {
  const law = hearingLawOf(policy);
  return {
    type: 'ProposeRefusal',
    source,
    proposedBy,
    ...fields,
    hearing: offeredHearing(now.toISOString(), law),
    termsVersion: law.terms.version,
    ...(policy.refusalGrounds ? { groundsList: policy.refusalGrounds } : {}),
  };
}
