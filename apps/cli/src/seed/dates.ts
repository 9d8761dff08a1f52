import { DateTime } from 'luxon';

/** Calendar arithmetic for the generator, on `yyyy-MM-dd` strings (UTC dates, no zone involved). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate()!;
}

export function addYears(date: string, years: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ years }).toISODate()!;
}

/** Whole years from `from` to `to`. */
export function ageOn(birthDate: string, on: string): number {
  return Math.floor(
    DateTime.fromISO(on, { zone: 'utc' }).diff(DateTime.fromISO(birthDate, { zone: 'utc' }), 'years').years,
  );
}

/** The instant of a local time (minutes after midnight) on a date in Kazakhstan (Asia/Almaty), as UTC ISO. */
export function almatyInstant(date: string, minuteOfDay: number): string {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  return DateTime.fromISO(date, { zone: 'Asia/Almaty' })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toUTC()
    .toISO()!;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}
