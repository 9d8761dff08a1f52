import type { SlaPolicy } from '../../calendar/sla-policy';
import type { WorkingDayCalendar } from '../../calendar/working-day-calendar';
import type { AmendmentRef } from '../../law/amendment-ref';
import { instantMillis } from '../../shared/calendar-date';
import type { CorrectedSlaFlag, ReviewDeadlineRescheduled } from '../events';
import { Folds, withSla } from '../fold';
import { deadlineUnder, sameDeadline } from '../review-deadline';
import type { ApplicationState, ApplicationStatus, StateOf } from '../state';

type OpenReview = 'signed' | 'under-review' | 'reviewed' | 'refusal-proposed';
/** A review still to be decided: a proposed refusal keeps the review's service term running (ADR 32). */
const OPEN_REVIEW: readonly ApplicationStatus[] = ['signed', 'under-review', 'reviewed', 'refusal-proposed'];
import type { TimedCommand } from './timed-command';

/**
 * The law changed (a calendar year, the SLA policy): recompute this review's deadline from its
 * signing instant under the law now in force (ADR 23). The law comes in with the command, like the
 * subsidy tables with GrantSubsidy, so the decision stays pure and a replay gives the same answer.
 */
export interface RescheduleReviewDeadline extends TimedCommand {
  readonly type: 'RescheduleReviewDeadline';
  readonly calendar: WorkingDayCalendar;
  readonly slaPolicy: SlaPolicy;
  /** The amendment that asks for it; null when the scheduler found a stale deadline at fire time. */
  readonly amendment: AmendmentRef | null;
}

/**
 * The term is counted from the signing, or from the revocation that sent the application back to
 * review (ADR 32). Nothing when the review is decided or withdrawn (its history stands), has no deadline yet (it will
 * be scheduled under the law in force), or when the deadline promises the same days and instants.
 * Otherwise the move is recorded with both deadlines; a flag fired already that the new deadline
 * would not have fired yet at `at` is recorded as corrected, and fires again at its new instant.
 */
export function rescheduleDeadline(
  command: RescheduleReviewDeadline,
  state: ApplicationState,
): ReviewDeadlineRescheduled[] {
  if (!OPEN_REVIEW.includes(state.status)) return [];
  const open = state as StateOf<OpenReview>;
  const previous = open.sla.deadline;
  if (!previous) return [];
  const from = open.reviewClockFrom ?? open.signature.signedAt;
  const deadline = deadlineUnder(from, command.calendar, command.slaPolicy);
  if (sameDeadline(previous, deadline)) return [];
  const now = instantMillis(command.at);
  const corrected: CorrectedSlaFlag[] = [];
  if (open.sla.atRisk && instantMillis(deadline.atRiskAt) > now) corrected.push('at-risk');
  if (open.sla.breached && instantMillis(deadline.dueAt) > now) corrected.push('breach');
  const escalationStands = corrected.includes('breach') && open.sla.escalated;
  return [
    {
      type: 'ReviewDeadlineRescheduled',
      data: {
        applicationId: command.applicationId,
        previous,
        deadline,
        amendment: command.amendment,
        corrected,
        escalationStands,
        rescheduledAt: command.at,
      },
    },
  ];
}

export const rescheduleFolds: Folds<'ReviewDeadlineRescheduled'> = {
  ReviewDeadlineRescheduled: (state, event) => {
    const { deadline, corrected } = event.data;
    const change = {
      deadline,
      ...(corrected.includes('at-risk') ? { atRisk: false } : {}),
      ...(corrected.includes('breach') ? { breached: false } : {}),
    };
    return withSla(state, event.type, change);
  },
};
