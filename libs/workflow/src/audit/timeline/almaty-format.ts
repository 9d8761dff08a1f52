import { DateTime } from 'luxon';
import { KAZAKHSTAN_ZONE } from '@domain/shared/calendar-date';

/**
 * How the timeline writes instants, days and money: on the Almaty wall clock (the events store UTC
 * instants: `13:30Z` is 18:30 in Almaty), dates as Kazakh and Russian documents write them
 * (`06.12.2026`), amounts in whole tenge grouped by thousands (`1 234 567 ₸`). The same in every
 * language, so a sentence and the JSON beside it show the same figures.
 */
export function almatyDateTime(instant: string): string {
  return DateTime.fromISO(instant, { setZone: true }).setZone(KAZAKHSTAN_ZONE).toFormat('dd.MM.yyyy HH:mm');
}

/** A calendar day (`yyyy-MM-dd`, already a day in Kazakhstan) as `dd.MM.yyyy`. */
export function almatyDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/** The local instant with its offset (`2026-12-06T18:30:00.000+05:00`), for answers read by programs. */
export function almatyIso(instant: string): string {
  return DateTime.fromISO(instant, { setZone: true }).setZone(KAZAKHSTAN_ZONE).toISO()!;
}

/** Whole tenge with spaces between thousands: `1 234 567 ₸`. */
export function formatTenge(amount: number): string {
  const digits = String(Math.trunc(Math.abs(amount)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${amount < 0 ? '-' : ''}${grouped} ₸`;
}
