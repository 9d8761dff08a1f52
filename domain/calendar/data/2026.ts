import type { CalendarYearData } from '../calendar-year';

/** Kazakhstan, 2026, five-day working week. No transfer order for 2026 was found. */
export const CALENDAR_2026: CalendarYearData = {
  year: 2026,
  version: '2026.1',
  sources: [
    'Law of the RK «О праздниках в Республике Казахстан», art. 5 (holidays; weekend rule)',
    'Labour Code of the RK, art. 84 p.5 (Orthodox Christmas and Kurban Ait: non-working, not moved)',
    'Kurban Ait 2026 first day: 27 May (shared/domain/FACTS.md)',
    'Production calendar 2026: 246 working days on a five-day week (shared/domain/FACTS.md)',
  ],
  publicHolidays: [
    { date: '2026-01-01', name: 'New Year' },
    { date: '2026-01-02', name: 'New Year' },
    { date: '2026-03-08', name: "International Women's Day" },
    { date: '2026-03-21', name: 'Nauryz' },
    { date: '2026-03-22', name: 'Nauryz' },
    { date: '2026-03-23', name: 'Nauryz' },
    { date: '2026-05-01', name: "Kazakhstan People's Unity Day" },
    { date: '2026-05-07', name: 'Defender of the Fatherland Day' },
    { date: '2026-05-09', name: 'Victory Day' },
    { date: '2026-07-06', name: 'Capital Day' },
    { date: '2026-08-30', name: 'Constitution Day' },
    { date: '2026-10-25', name: 'Republic Day' },
    { date: '2026-12-16', name: 'Independence Day' },
  ],
  nonMovingDaysOff: [
    { date: '2026-01-07', name: 'Orthodox Christmas' },
    { date: '2026-05-27', name: 'Kurban Ait' },
  ],
  // Nauryz: Sat 21 and Sun 22 March move past Mon 23 (itself a holiday) to Tue 24 and Wed 25.
  movedDaysOff: [
    { from: '2026-03-08', to: '2026-03-09', holiday: "International Women's Day" },
    { from: '2026-03-21', to: '2026-03-24', holiday: 'Nauryz' },
    { from: '2026-03-22', to: '2026-03-25', holiday: 'Nauryz' },
    { from: '2026-05-09', to: '2026-05-11', holiday: 'Victory Day' },
    { from: '2026-08-30', to: '2026-08-31', holiday: 'Constitution Day' },
    { from: '2026-10-25', to: '2026-10-26', holiday: 'Republic Day' },
  ],
  transfers: [],
  expectedWorkingDays: 246,
};
