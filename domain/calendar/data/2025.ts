import type { CalendarYearData } from '../calendar-year';

/** Kazakhstan, 2025, five-day working week. */
export const CALENDAR_2025: CalendarYearData = {
  year: 2025,
  version: '2025.1',
  sources: [
    'Law of the RK «О праздниках в Республике Казахстан», art. 5 (holidays; weekend rule)',
    'Labour Code of the RK, art. 84 p.5 (Orthodox Christmas and Kurban Ait: non-working, not moved)',
    'Order of the Minister of Labour and Social Protection: day off moved from Sun 5 Jan to Fri 3 Jan 2025',
    'Kurban Ait 2025 first day: 6 June (shared/domain/FACTS.md)',
  ],
  publicHolidays: [
    { date: '2025-01-01', name: 'New Year' },
    { date: '2025-01-02', name: 'New Year' },
    { date: '2025-03-08', name: "International Women's Day" },
    { date: '2025-03-21', name: 'Nauryz' },
    { date: '2025-03-22', name: 'Nauryz' },
    { date: '2025-03-23', name: 'Nauryz' },
    { date: '2025-05-01', name: "Kazakhstan People's Unity Day" },
    { date: '2025-05-07', name: 'Defender of the Fatherland Day' },
    { date: '2025-05-09', name: 'Victory Day' },
    { date: '2025-07-06', name: 'Capital Day' },
    { date: '2025-08-30', name: 'Constitution Day' },
    { date: '2025-10-25', name: 'Republic Day' },
    { date: '2025-12-16', name: 'Independence Day' },
  ],
  nonMovingDaysOff: [
    { date: '2025-01-07', name: 'Orthodox Christmas' },
    { date: '2025-06-06', name: 'Kurban Ait' },
  ],
  movedDaysOff: [
    { from: '2025-03-08', to: '2025-03-10', holiday: "International Women's Day" },
    { from: '2025-03-22', to: '2025-03-24', holiday: 'Nauryz' },
    { from: '2025-03-23', to: '2025-03-25', holiday: 'Nauryz' },
    { from: '2025-07-06', to: '2025-07-07', holiday: 'Capital Day' },
    { from: '2025-08-30', to: '2025-09-01', holiday: 'Constitution Day' },
    { from: '2025-10-25', to: '2025-10-27', holiday: 'Republic Day' },
  ],
  transfers: [{ workingDay: '2025-01-05', dayOff: '2025-01-03', source: 'Order of the Minister of Labour and Social Protection (transfer of days off in 2025)' }],
  // Derived, not published: 261 weekdays − 16 weekdays off + 1 worked Sunday (5 Jan) = 246.
  // Press reports of 119 days of rest in 2025 (365 − 119 = 246) agree.
  expectedWorkingDays: 246,
};
