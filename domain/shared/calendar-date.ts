import { DateTime } from 'luxon';

/** A calendar date without time, `yyyy-MM-dd` (ISO 8601). */
export type CalendarDate = string;

/** An instant, ISO 8601 with a zone designator (`2026-03-02T04:00:00.000Z`). */
export type Instant = string;

export const KAZAKHSTAN_ZONE = 'Asia/Almaty';

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function isInstant(value: unknown): value is Instant {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    DateTime.fromISO(value).isValid
  );
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** The date an instant falls on in Kazakhstan (IANA zone data: UTC+6 until March 2024, UTC+5 after). */
export function localDateOf(instant: Instant, zone = KAZAKHSTAN_ZONE): CalendarDate {
  return DateTime.fromISO(instant, { zone }).toISODate()!;
}

export function instantMillis(instant: Instant): number {
  return DateTime.fromISO(instant).toMillis();
}

/** Whole years from `from` to `to` (both calendar dates), as an age is counted. */
export function yearsBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.floor(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'years').years);
}

export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'months').months;
}
