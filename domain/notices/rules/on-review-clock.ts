import type { ReviewDeadlineRescheduled, ReviewDeadlineScheduled, ReviewStarted } from '../../application/events';
import { localDateOf } from '../../shared/calendar-date';
import { issueNotice, noNotice, type NoticeIntent } from '../intents';
import type { NoticeContext } from '../notice-context';

/**
 * Accepted: the day the review clock started, and the day the decision is due. A reviewer may take
 * the application before its deadline is scheduled (the deadline saga runs behind the signing, the
 * more so after a restart); the start was then not told, so it is told now, right after the
 * acceptance: the applicant never learns the review began before learning the application was accepted.
 */
export function noticeOfAcceptance(event: ReviewDeadlineScheduled, { history }: NoticeContext): NoticeIntent[] {
  const { acceptedOn, dueOn, dueAt } = event.data;
  const accepted = issueNotice({ kind: 'application-accepted', data: { acceptedOn, dueOn, dueAt } });
  const startedEarlier = history.find((past): past is ReviewStarted => past.type === 'ReviewStarted');
  if (!startedEarlier) return [accepted];
  return [
    accepted,
    issueNotice({ kind: 'review-started', data: { startedOn: localDateOf(startedEarlier.data.startedAt), dueOn } }),
  ];
}

/** A reviewer took the application: the applicant learns the review began, and the due day again. */
export function noticeOfReviewStarted(event: ReviewStarted, { history }: NoticeContext): NoticeIntent[] {
  // The history ends with this event: an earlier start means the applicant was told already.
  if (history.filter((past) => past.type === 'ReviewStarted').length > 1)
    return [noNotice('NOTHING_THE_APPLICANT_SEES_CHANGED', 'The review had started already')];
  if (!history.some((past) => past.type === 'ReviewDeadlineScheduled'))
    return [
      noNotice('WAITING_FOR_THE_ACCEPTANCE', 'The start is told right after the acceptance, once it is scheduled'),
    ];
  return [
    issueNotice({
      kind: 'review-started',
      data: { startedOn: localDateOf(event.data.startedAt), dueOn: currentDueOn(history) },
    }),
  ];
}

/** A calendar amendment moved the due day: the applicant is told the new one, and why. */
export function noticeOfDeadlineMoved(event: ReviewDeadlineRescheduled): NoticeIntent[] {
  const { previous, deadline, amendment } = event.data;
  if (previous.dueOn === deadline.dueOn && previous.dueAt === deadline.dueAt)
    return [noNotice('NOTHING_THE_APPLICANT_SEES_CHANGED', 'The due day stands; only the at-risk point moved')];
  return [
    issueNotice({
      kind: 'review-deadline-moved',
      data: {
        previousDueOn: previous.dueOn,
        dueOn: deadline.dueOn,
        dueAt: deadline.dueAt,
        becauseOf: amendment?.legalBasis.title ?? null,
      },
    }),
  ];
}

/** The review's due day as the history last set it (null before it was scheduled). */
export function currentDueOn(history: NoticeContext['history']): string | null {
  for (const event of [...history].reverse()) {
    if (event.type === 'ReviewDeadlineRescheduled') return event.data.deadline.dueOn;
    if (event.type === 'ReviewDeadlineScheduled') return event.data.dueOn;
  }
  return null;
}
