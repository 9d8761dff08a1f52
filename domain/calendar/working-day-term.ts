import { isInstant, zonedDateTimeOf } from '../shared/calendar-date';
import { CalendarError, CalendarErrorCode } from './calendar-errors';
import type { IsoDate } from './iso-date';
import { acceptanceOf, endOfWorkingHours } from './review-deadline';
import type { SlaPolicy } from './sla-policy';
import type { WorkingDayCalendar } from './working-day-calendar';

/** A day and the instant it ends for the office: the end of working hours on that day. */
export interface WorkingDayPoint {
  readonly on: IsoDate;
  readonly at: string;
}

/**
 * A term of `workingDays` counted from something that arrives at `from` (a notice, a complaint),
 * with the application's acceptance rule: received after working hours or on a day off, it is taken
 * on the next working day, which is not counted. Due at the end of working hours of the last day.
 */
export function termFrom(
  from: string,
  workingDays: number,
  calendar: WorkingDayCalendar,
  policy: SlaPolicy,
): WorkingDayPoint & { readonly startsOn: IsoDate } {
  if (!isInstant(from)) {
    const reason = `not an ISO instant with an offset: ${JSON.stringify(from)}`;
    throw new CalendarError(CalendarErrorCode.InvalidInput, `from: ${reason}`, [{ field: 'from', reason }]);
  }
  const { acceptedOn } = acceptanceOf(zonedDateTimeOf(from, policy.zone), calendar, policy);
  const on = calendar.addWorkingDays(acceptedOn, workingDays);
  return { startsOn: acceptedOn, on, at: endOfWorkingHours(on, policy) };
}

/** The working day `workingDays` before `date` (not counted), ending at the end of its working hours. */
export function workingDaysBefore(
  date: IsoDate,
  workingDays: number,
  calendar: WorkingDayCalendar,
  policy: SlaPolicy,
): WorkingDayPoint {
  const on = calendar.subtractWorkingDays(date, workingDays);
  return { on, at: endOfWorkingHours(on, policy) };
}
