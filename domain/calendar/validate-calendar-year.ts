import { ViolationCollector } from '../shared/errors';
import { CalendarError, CalendarErrorCode } from './calendar-errors';
import type { CalendarYearData } from './calendar-year';
import { isWeekend, yearOf, type IsoDate } from './iso-date';
import { deriveMovedDaysOff } from './weekend-rule';
import { YearDays } from './year-days';

/**
 * Checks one year's data before any date is computed from it, and returns its classified days.
 * The data is checked, not trusted: the moved days off must be exactly those the weekend rule
 * derives, and the working-day count must equal the published (or derived) number.
 */
export function validateCalendarYear(data: CalendarYearData): YearDays {
  const found = new ViolationCollector();
  checkShape(data, found);
  checkDates(data, found);
  found.throwIfAny(
    (v) => new CalendarError(CalendarErrorCode.DataInvalid, `Calendar data for ${data.year} is invalid`, v),
  );

  checkTransfers(data, found);
  const derived = deriveMovedDaysOff(data);
  const listed = [...data.movedDaysOff].sort((a, b) => a.from.localeCompare(b.from));
  found.check(
    JSON.stringify(listed.map(({ from, to }) => ({ from, to }))) ===
      JSON.stringify(derived.map(({ from, to }) => ({ from, to }))),
    'movedDaysOff',
    `differs from the weekend rule, which gives ${derived.map((m) => `${m.from}→${m.to}`).join(', ') || 'none'}`,
  );
  found.throwIfAny(
    (v) => new CalendarError(CalendarErrorCode.DataInvalid, `Calendar data for ${data.year} is invalid`, v),
  );

  const days = new YearDays(data);
  const counted = days.countWorkingDays();
  found.check(
    counted === data.expectedWorkingDays,
    'expectedWorkingDays',
    `expected ${data.expectedWorkingDays}, counted ${counted}`,
  );
  found.throwIfAny(
    (v) => new CalendarError(CalendarErrorCode.DataInvalid, `Calendar data for ${data.year} is invalid`, v),
  );
  return days;
}

function checkShape(data: CalendarYearData, found: ViolationCollector): void {
  found.check(Number.isInteger(data.year) && data.year >= 1992, 'year', 'must be a whole year of the Republic');
  found.check(data.version.trim().length > 0, 'version', 'must not be empty');
  found.check(data.sources.length > 0, 'sources', 'must name at least one source');
  found.check(
    Number.isInteger(data.expectedWorkingDays) && data.expectedWorkingDays > 0,
    'expectedWorkingDays',
    'must be a positive integer',
  );
}

/** Every date is a real day of this year, and no day is listed as off twice. */
function checkDates(data: CalendarYearData, found: ViolationCollector): void {
  const daysOff: [string, IsoDate][] = [
    ...data.publicHolidays.map((h, i): [string, IsoDate] => [`publicHolidays[${i}].date`, h.date]),
    ...data.nonMovingDaysOff.map((d, i): [string, IsoDate] => [`nonMovingDaysOff[${i}].date`, d.date]),
    ...data.movedDaysOff.map((m, i): [string, IsoDate] => [`movedDaysOff[${i}].to`, m.to]),
    ...data.transfers.map((t, i): [string, IsoDate] => [`transfers[${i}].dayOff`, t.dayOff]),
  ];
  const other: [string, IsoDate][] = [
    ...data.movedDaysOff.map((m, i): [string, IsoDate] => [`movedDaysOff[${i}].from`, m.from]),
    ...data.transfers.map((t, i): [string, IsoDate] => [`transfers[${i}].workingDay`, t.workingDay]),
  ];
  const seen = new Set<IsoDate>();
  for (const [field, date] of [...daysOff, ...other]) {
    if (!isDateOfYear(date, data.year)) found.add(field, `${JSON.stringify(date)} is not a date of ${data.year}`);
  }
  for (const [field, date] of daysOff) {
    if (seen.has(date)) found.add(field, `${date} is listed as a day off twice`);
    seen.add(date);
  }
}

function isDateOfYear(date: IsoDate, year: number): boolean {
  try {
    return yearOf(date) === year;
  } catch {
    return false;
  }
}

/** A transfer order makes a weekend day worked and gives a weekday off instead. */
function checkTransfers(data: CalendarYearData, found: ViolationCollector): void {
  data.transfers.forEach((t, i) => {
    found.check(isWeekend(t.workingDay), `transfers[${i}].workingDay`, `${t.workingDay} is not a Saturday or Sunday`);
    found.check(!isWeekend(t.dayOff), `transfers[${i}].dayOff`, `${t.dayOff} is already a weekend day`);
  });
}
