import type { ReviewDeadlineRescheduled, ReviewDeadlineScheduled, ReviewStarted } from '../../application/events';
import { localDateOf } from '../../shared/calendar-date';
import { issueNotice, noNotice, type NoticeIntent } from '../intents';
import type { NoticeContext } from '../notice-context';

/** Accepted: the day the review clock started, and the day the decision is due. */
export function noticeOfAcceptance(event: ReviewDeadlineScheduled): NoticeIntent[] {
  const { acceptedOn, dueOn, dueAt } = event.data;
  return [issueNotice({ kind: 'application-accepted', data: { acceptedOn, dueOn, dueAt } })];
}

/** A reviewer took the application: the applicant learns the review began, and the due day again. */
export function noticeOfReviewStarted(event: ReviewStarted, { history }: NoticeContext): NoticeIntent[] {
  // The history ends with this event: an earlier start means the applicant was told already.
  if (history.filter((past) => past.type === 'ReviewStarted').length > 1)
    return [noNotice('NOTHING_THE_APPLICANT_SEES_CHANGED', 'The review had started already')];
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

function currentDueOn(history: NoticeContext['history']): string | null {
  for (const event of [...history].reverse()) {
    if (event.type === 'ReviewDeadlineRescheduled') return event.data.deadline.dueOn;
    if (event.type === 'ReviewDeadlineScheduled') return event.data.dueOn;
  }
  return null;
}
