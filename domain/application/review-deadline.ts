import { CalendarDate, Instant } from '../shared/calendar-date';

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
}
