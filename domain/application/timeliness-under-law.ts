import type { SlaPolicy } from '../calendar/sla-policy';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { instantMillis } from '../shared/calendar-date';
import { deadlineUnder, type ScheduledDeadline } from './review-deadline';

/** A decision as it was recorded: when the review clock started, when it was decided, and its verdict on time. */
export interface RecordedTimeliness {
  readonly signedAt: string;
  readonly decidedAt: string;
  /** The due instant the decision was judged against (null: none was scheduled). */
  readonly dueAt: string | null;
  readonly late: boolean;
}

/** The same decision judged under another law: its deadline, and whether it came after it. */
export interface TimelinessUnderLaw {
  readonly deadline: ScheduledDeadline;
  readonly late: boolean;
}

/**
 * How a decided application's timeliness reads under the law given (issue 16): the deadline is
 * computed again from the signing instant, and the decision is late when it came after the due
 * instant — the rule the Application applied when it decided. Its history stands; this only tells an
 * auditor whether the verdict "on time"/"late" would differ. Answers undefined when the verdict is the
 * same, or when no deadline was recorded to compare with.
 */
export function timelinessChangeUnder(
  recorded: RecordedTimeliness,
  calendar: WorkingDayCalendar,
  slaPolicy: SlaPolicy,
): TimelinessUnderLaw | undefined {
  if (recorded.dueAt === null) return undefined;
  const deadline = deadlineUnder(recorded.signedAt, calendar, slaPolicy);
  const late = instantMillis(recorded.decidedAt) > instantMillis(deadline.dueAt);
  return late === recorded.late ? undefined : { deadline, late };
}
