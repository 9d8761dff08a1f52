import { DateTime } from 'luxon';
import type { CalendarDate } from '../shared/calendar-date';
import {
  CivilDate,
  civilDateOf,
  civilDateOfEpochDay,
  epochDayOf,
  formatCivilDate,
  isoWeekdayOf,
} from '../shared/civil-time';
import { CalendarError, CalendarErrorCode } from './calendar-errors';

/**
 * A calendar day as `yyyy-MM-dd`. The calendar works on days, not instants: a day off is the
 * same day everywhere, so these strings carry no zone. Instants become days only in
 * review-deadline.ts, through the zone of the SLA policy.
 */
export type IsoDate = CalendarDate;

/** Day arithmetic counts days, with no zone, so that no zone transition can shift a day. */
function civil(date: IsoDate, field: string): CivilDate {
  const parsed = typeof date === 'string' ? civilDateOf(date) : undefined;
  if (!parsed) {
    const reason = `not a calendar date yyyy-MM-dd: ${JSON.stringify(date)}`;
    throw new CalendarError(CalendarErrorCode.InvalidInput, `${field}: ${reason}`, [{ field, reason }]);
  }
  return parsed;
}

export function assertIsoDate(date: IsoDate, field = 'date'): void {
  civil(date, field);
}

export function yearOf(date: IsoDate): number {
  return civil(date, 'date').year;
}

export function plusDays(date: IsoDate, days: number): IsoDate {
  const moved = formatCivilDate(civilDateOfEpochDay(epochDayOf(civil(date, 'date')) + days));
  return moved ?? (DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as IsoDate);
}

/** Saturday and Sunday: the weekend of a five-day working week (Labour Code art. 84). */
export function isWeekend(date: IsoDate): boolean {
  return isoWeekdayOf(epochDayOf(civil(date, 'date'))) >= 6;
}

/** Every day of a year, 1 January to 31 December. */
export function daysOfYear(year: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = `${String(year).padStart(4, '0')}-01-01`; yearOf(day) === year; day = plusDays(day, 1)) days.push(day);
  return days;
}
