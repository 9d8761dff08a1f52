import { DateTime } from 'luxon';
import { civilDateOf, formatCivilDate, instantMillisOf, zonedTimeOf } from './civil-time';

/** A calendar date without time, `yyyy-MM-dd` (ISO 8601). */
export type CalendarDate = string;

/** An instant, ISO 8601 with a zone designator (`2026-03-02T04:00:00.000Z`). */
export type Instant = string;

export const KAZAKHSTAN_ZONE = 'Asia/Almaty';

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && civilDateOf(value) !== undefined;
}

/** The plain arithmetic answers for every ordinary instant; luxon has the last word on the rest. */
export function isInstant(value: unknown): value is Instant {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    (instantMillisOf(value) !== undefined || DateTime.fromISO(value).isValid)
  );
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** The date an instant falls on in Kazakhstan (IANA zone data: UTC+6 until March 2024, UTC+5 after). */
export function localDateOf(instant: Instant, zone = KAZAKHSTAN_ZONE): CalendarDate {
  return zonedDateTimeOf(instant, zone).date;
}

export function instantMillis(instant: Instant): number {
  return instantMillisOf(instant) ?? DateTime.fromISO(instant).toMillis();
}

/** An instant's day, and milliseconds into that day, on the wall clock of `zone`. */
export function zonedDateTimeOf(
  instant: Instant,
  zone: string,
): { readonly date: CalendarDate; readonly msOfDay: number } {
  const millis = instantMillisOf(instant);
  if (millis !== undefined) {
    const local = zonedTimeOf(millis, zone);
    const date = formatCivilDate(local.date);
    if (date !== undefined) return { date, msOfDay: local.msOfDay };
  }
  const local = DateTime.fromISO(instant, { zone });
  return {
    date: local.toISODate()!,
    msOfDay: ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond,
  };
}

/** Whole years from `from` to `to` (both calendar dates), as an age is counted. */
export function yearsBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.floor(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'years').years);
}

export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'months').months;
}
