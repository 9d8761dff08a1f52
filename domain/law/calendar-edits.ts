import type { CalendarYearData } from '../calendar/calendar-year';
import { isWeekend, type IsoDate } from '../calendar/iso-date';
import { deriveMovedDaysOff } from '../calendar/weekend-rule';
import { YearDays } from '../calendar/year-days';
import { LawError, LawErrorCode } from './errors';

/**
 * The changes an administrator makes to one year, as pure edits of its data. Moved days off are
 * never edited by hand: they follow from the holidays by the weekend rule, so every edit derives
 * them again, and the year is then checked as any year is (validate-calendar-year.ts).
 */
export type DayOffKind = 'holiday' | 'non-moving' | 'transfer';
export const DAY_OFF_KINDS: readonly DayOffKind[] = ['holiday', 'non-moving', 'transfer'];

export interface DayOffDeclared {
  readonly date: IsoDate;
  readonly kind: DayOffKind;
  /** The holiday's or the day's name; for a transfer, the order that sets it. */
  readonly name: string;
  /** For a transfer only: the Saturday or Sunday worked instead. */
  readonly workingDay?: IsoDate;
}

export function withDayOff(data: CalendarYearData, day: DayOffDeclared): CalendarYearData {
  const days = new YearDays(data);
  if (workedWeekendDays(data).has(day.date))
    throw bothOffAndWorked('date', `${day.date} is a weekend day worked by a transfer order`);
  if (listedDayOff(data, day.date))
    throw dayInvalid('date', `${day.date} is already a day off (${days.nonWorkingReason(day.date)})`);
  switch (day.kind) {
    case 'holiday':
      return rederived({ ...data, publicHolidays: [...data.publicHolidays, { date: day.date, name: day.name }] });
    case 'non-moving':
      return rederived({ ...data, nonMovingDaysOff: [...data.nonMovingDaysOff, { date: day.date, name: day.name }] });
    case 'transfer':
      return rederived({ ...data, transfers: [...data.transfers, transferOf(data, day)] });
  }
}

function transferOf(data: CalendarYearData, day: DayOffDeclared) {
  const workingDay = day.workingDay;
  if (workingDay === undefined) throw dayInvalid('workingDay', 'a transfer names the weekend day worked instead');
  if (!isWeekend(workingDay)) throw dayInvalid('workingDay', `${workingDay} is not a Saturday or Sunday`);
  if (isWeekend(day.date)) throw dayInvalid('date', `${day.date} is already a weekend day`);
  if (listedDayOff(data, workingDay) || workedWeekendDays(data).has(workingDay))
    throw bothOffAndWorked('workingDay', `${workingDay} is already a holiday, a day off or a worked day`);
  return { workingDay, dayOff: day.date, source: day.name };
}

/** Takes back a listed day off: a holiday (and the day it moved), a non-moving day, or a transfer. */
export function withoutDayOff(data: CalendarYearData, date: IsoDate): CalendarYearData {
  if (data.publicHolidays.some((h) => h.date === date))
    return rederived({ ...data, publicHolidays: data.publicHolidays.filter((h) => h.date !== date) });
  if (data.nonMovingDaysOff.some((d) => d.date === date))
    return rederived({ ...data, nonMovingDaysOff: data.nonMovingDaysOff.filter((d) => d.date !== date) });
  if (data.transfers.some((t) => t.dayOff === date))
    return rederived({ ...data, transfers: data.transfers.filter((t) => t.dayOff !== date) });
  const moved = data.movedDaysOff.find((m) => m.to === date);
  if (moved)
    throw dayInvalid(
      'date',
      `${date} is off because ${moved.holiday} of ${moved.from} moved there: withdraw ${moved.from}`,
    );
  throw dayInvalid('date', `${date} is not a listed day off of ${data.year}`);
}

/**
 * Makes a day worked. A weekday off loses its cause: its holiday (for a moved day off, the holiday
 * that moved there — 31 August 2026 is worked because 30 August is no longer a holiday), its
 * non-moving day or its transfer. A Saturday or Sunday is worked only by a transfer order, which
 * gives a weekday off in exchange (`dayOff`).
 */
export function withWorkedDay(data: CalendarYearData, date: IsoDate, dayOff?: IsoDate, order = ''): CalendarYearData {
  if (new YearDays(data).isWorkingDay(date)) throw dayInvalid('date', `${date} is already a working day`);
  if (isWeekend(date) && !listedDayOff(data, date)) {
    if (dayOff === undefined)
      throw dayInvalid('dayOff', `${date} is a weekend day: a transfer order works it and gives a weekday off instead`);
    return withDayOff(data, { date: dayOff, kind: 'transfer', name: order, workingDay: date });
  }
  if (isWeekend(date)) throw bothOffAndWorked('date', `${date} is a holiday on a weekend: withdraw the holiday first`);
  const moved = data.movedDaysOff.find((m) => m.to === date);
  return withoutDayOff(data, moved && !listedDayOff(data, date) ? moved.from : date);
}

/** The days off the data lists itself (holidays, non-moving days, transfer days off), not moved ones. */
function listedDayOff(data: CalendarYearData, date: IsoDate): boolean {
  return (
    data.publicHolidays.some((h) => h.date === date) ||
    data.nonMovingDaysOff.some((d) => d.date === date) ||
    data.transfers.some((t) => t.dayOff === date)
  );
}

function workedWeekendDays(data: CalendarYearData): ReadonlySet<IsoDate> {
  return new Set(data.transfers.map((t) => t.workingDay));
}

function rederived(data: CalendarYearData): CalendarYearData {
  const byDate = <T extends { date: IsoDate }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.date.localeCompare(b.date));
  return {
    ...data,
    publicHolidays: byDate(data.publicHolidays),
    nonMovingDaysOff: byDate(data.nonMovingDaysOff),
    movedDaysOff: deriveMovedDaysOff(data),
    transfers: [...data.transfers].sort((a, b) => a.dayOff.localeCompare(b.dayOff)),
  };
}

function dayInvalid(field: string, reason: string): LawError {
  return new LawError(LawErrorCode.DayInvalid, `The calendar change is not possible: ${reason}`, [{ field, reason }]);
}

function bothOffAndWorked(field: string, reason: string): LawError {
  return new LawError(LawErrorCode.DayBothOffAndWorked, 'A day cannot be both off and worked', [{ field, reason }]);
}
