import { DateTime } from 'luxon';
import type { WorkingDayCalendar } from '../calendar';
import { KAZAKHSTAN_ZONE, type CalendarDate, type Instant } from '../shared/calendar-date';
import type { PaymentTerms } from './payment-terms';

/** `relocation`, or `rent-01` … `rent-12`: an instalment's name in its schedule, stable for ever. */
export type InstalmentKey = 'relocation' | `rent-${string}`;

/** One payment a family is due: what, on which working day, and the day the rule gave before moving it. */
export interface Instalment {
  readonly key: InstalmentKey;
  readonly kind: 'relocation' | 'rent';
  /** Rent: the instalment's number, 1–12; null for the relocation payment. */
  readonly month: number | null;
  /** The day the rule gives (the registration day; the due day of the month). */
  readonly scheduledOn: CalendarDate;
  /** The working day it is paid on: `scheduledOn`, or the first working day after it. */
  readonly dueOn: CalendarDate;
  /** When its order is issued: the start of `dueOn` in Astana (the deadline scheduler fires then). */
  readonly dueAt: Instant;
}

export const rentKey = (month: number): InstalmentKey => `rent-${String(month).padStart(2, '0')}`;

/**
 * The schedule of a family's support (ADR 33): the relocation payment on the day the family is
 * registered at its address in the region; the rent instalments on the terms' due day of each month
 * from the month after arrival (by the terms); a day that is not a working day moves to the next
 * working day on the calendar in force. The calendar lacking a year fails (CALENDAR.YEAR_NOT_AVAILABLE):
 * a day off is never guessed.
 */
export function supportSchedule(
  arrival: { readonly arrivedOn: CalendarDate; readonly registeredOn: CalendarDate },
  terms: PaymentTerms,
  calendar: WorkingDayCalendar,
): Instalment[] {
  const onWorkingDay = (scheduledOn: CalendarDate) =>
    calendar.isWorkingDay(scheduledOn) ? scheduledOn : calendar.nextWorkingDay(scheduledOn);
  const instalment = (key: InstalmentKey, month: number | null, scheduledOn: CalendarDate): Instalment => {
    const dueOn = onWorkingDay(scheduledOn);
    return { key, kind: month === null ? 'relocation' : 'rent', month, scheduledOn, dueOn, dueAt: startOfDay(dueOn) };
  };
  const arrivalMonth = DateTime.fromISO(arrival.arrivedOn, { zone: 'utc' }).startOf('month');
  const rent = Array.from({ length: terms.rentInstalments }, (_, index) => {
    const month = index + 1;
    const scheduledOn = arrivalMonth
      .plus({ months: terms.firstRentMonthAfterArrival + index })
      .set({ day: terms.rentDueDay })
      .toISODate()!;
    return instalment(rentKey(month), month, scheduledOn);
  });
  return [instalment('relocation', null, arrival.registeredOn), ...rent];
}

function startOfDay(date: CalendarDate): Instant {
  return DateTime.fromISO(date, { zone: KAZAKHSTAN_ZONE }).startOf('day').toUTC().toISO()!;
}
