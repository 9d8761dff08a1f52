import { reviewDeadline } from '../calendar/review-deadline';
import type { SlaPolicy } from '../calendar/sla-policy';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { CalendarDate, instantMillis, Instant } from '../shared/calendar-date';

/**
 * The review deadline as computed once, at signing, from the working-day calendar (domain/calendar)
 * and recorded in `ReviewDeadlineScheduled`: a replay never recomputes it, so a later change of the
 * calendar data cannot move a deadline that was already promised.
 */
export interface ScheduledDeadline {
  readonly acceptedOn: CalendarDate;
  readonly dueOn: CalendarDate;
  readonly dueAt: Instant;
  readonly atRiskOn: CalendarDate;
  readonly atRiskAt: Instant;
  readonly calendarVersion: string;
  /**
   * True when a year between acceptance and the due date has only provisional calendar data (e.g. a
   * Kurban Ait date not yet published): the promised date may have to be revisited. Schema v2.
   */
  readonly calendarProvisional: boolean;
}

/**
 * Schema v1 of ReviewDeadlineScheduled had no `calendarProvisional`. It is derived from what v1 did
 * record: the calendar version names each year's data (`2026.1+2027.0-provisional`), and the years
 * that matter are those from the acceptance day to the due day.
 */
export function provisionalFromCalendarVersion(
  deadline: Pick<ScheduledDeadline, 'calendarVersion' | 'acceptedOn' | 'dueOn'>,
): boolean {
  const provisional = deadline.calendarVersion
    .split('+')
    .filter((part) => part.includes('provisional'))
    .map((part) => Number(part.slice(0, 4)));
  const first = Number(deadline.acceptedOn.slice(0, 4));
  const last = Number(deadline.dueOn.slice(0, 4));
  return provisional.some((year) => year >= first && year <= last);
}

/** The review deadline of an application signed at `signedAt` under a calendar and an SLA policy. */
export function deadlineUnder(signedAt: string, calendar: WorkingDayCalendar, slaPolicy: SlaPolicy): ScheduledDeadline {
  const deadline = reviewDeadline(signedAt, calendar, slaPolicy);
  const { acceptedOn, dueOn, dueAt, atRiskOn, atRiskAt, calendarVersion, calendarProvisional } = deadline;
  return { acceptedOn, dueOn, dueAt, atRiskOn, atRiskAt, calendarVersion, calendarProvisional };
}

/** Whether two deadlines promise the same: the acceptance day and the two instants (not the versions). */
export function sameDeadline(a: ScheduledDeadline, b: ScheduledDeadline): boolean {
  return (
    a.acceptedOn === b.acceptedOn &&
    instantMillis(a.dueAt) === instantMillis(b.dueAt) &&
    instantMillis(a.atRiskAt) === instantMillis(b.atRiskAt)
  );
}
