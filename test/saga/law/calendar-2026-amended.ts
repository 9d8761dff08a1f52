import { KAZAKHSTAN_CALENDAR_YEARS, type CalendarYearData } from '@domain/calendar';

const PUBLISHED = KAZAKHSTAN_CALENDAR_YEARS.find((y) => y.year === 2026)!;

/**
 * 2026 as amended (FACTS: 30 August is no longer a holiday from 2026, so 31 August is worked; 247
 * working days). The event-sourced baseline of branch i16-law records the same correction; this
 * test builds it from the calendar as published so it does not depend on that baseline.
 */
export const CALENDAR_2026_AS_PUBLISHED_WITHOUT_31_AUGUST: CalendarYearData = {
  ...PUBLISHED,
  version: '2026.2',
  publicHolidays: PUBLISHED.publicHolidays.filter((h) => h.date !== '2026-08-30'),
  movedDaysOff: PUBLISHED.movedDaysOff.filter((m) => m.from !== '2026-08-30'),
  expectedWorkingDays: 247,
};
