import type { CalendarYearData, MovedDayOff } from './calendar-year';
import { isWeekend, plusDays, type IsoDate } from './iso-date';

type RuleInput = Pick<CalendarYearData, 'publicHolidays' | 'nonMovingDaysOff' | 'transfers'>;

/**
 * The days off that the weekend rule moves (Law «О праздниках» art. 5: "при совпадении
 * праздничного дня с выходным днём следующий после праздничного дня рабочий день является
 * выходным днём"). Holidays are taken in date order, and each moved day off takes the first
 * working day after its holiday that is still free: so Nauryz 2026 (Sat 21, Sun 22, Mon 23 March)
 * gives days off on 23, 24 and 25 March. Non-moving days off (Labour Code art. 84 p.5) never move
 * but are not working days either, so a moved day off skips them.
 */
export function deriveMovedDaysOff(year: RuleInput): MovedDayOff[] {
  const workedWeekendDays = new Set(year.transfers.map((t) => t.workingDay));
  const notWorking = new Set<IsoDate>([
    ...year.publicHolidays.map((h) => h.date),
    ...year.nonMovingDaysOff.map((d) => d.date),
    ...year.transfers.map((t) => t.dayOff),
  ]);
  const isFreeWorkingDay = (date: IsoDate) =>
    !notWorking.has(date) && (!isWeekend(date) || workedWeekendDays.has(date));

  const moved: MovedDayOff[] = [];
  const holidaysInOrder = [...year.publicHolidays].sort((a, b) => a.date.localeCompare(b.date));
  for (const holiday of holidaysInOrder) {
    if (!isWeekend(holiday.date)) continue;
    let to = plusDays(holiday.date, 1);
    while (!isFreeWorkingDay(to)) to = plusDays(to, 1);
    notWorking.add(to);
    moved.push({ from: holiday.date, to, holiday: holiday.name });
  }
  return moved;
}
