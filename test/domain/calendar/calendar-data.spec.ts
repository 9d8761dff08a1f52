import {
  deriveMovedDaysOff,
  KAZAKHSTAN_CALENDAR_YEARS,
  WorkingDayCalendar,
  type CalendarYearData,
} from '@domain/calendar';
import { thrownBy } from './thrown';

/** Law «О праздниках» art. 5, as month-day: the holidays every year's data must list. */
const ART_5_HOLIDAYS = [
  '01-01',
  '01-02',
  '03-08',
  '03-21',
  '03-22',
  '03-23',
  '05-01',
  '05-07',
  '05-09',
  '07-06',
  '08-30',
  '10-25',
  '12-16',
];

/**
 * The moves by the weekend rule (holiday date → day off): 2025 and 2026 exactly as FACTS lists
 * them; 2027 (not in FACTS) worked out by hand from a wall calendar and the law.
 */
const EXPECTED_MOVES: Record<number, [string, string][]> = {
  2025: [
    ['2025-03-08', '2025-03-10'],
    ['2025-03-22', '2025-03-24'],
    ['2025-03-23', '2025-03-25'],
    ['2025-07-06', '2025-07-07'],
    ['2025-08-30', '2025-09-01'],
    ['2025-10-25', '2025-10-27'],
  ],
  2026: [
    ['2026-03-08', '2026-03-09'],
    ['2026-03-21', '2026-03-24'],
    ['2026-03-22', '2026-03-25'],
    ['2026-05-09', '2026-05-11'],
    ['2026-08-30', '2026-08-31'],
    ['2026-10-25', '2026-10-26'],
  ],
  2027: [
    ['2027-01-02', '2027-01-04'],
    ['2027-03-21', '2027-03-24'],
    ['2027-05-01', '2027-05-03'],
    ['2027-05-09', '2027-05-10'],
  ],
};

/** 2025 and 2026 from FACTS; 2027 is not published yet: the estimate the provisional data uses. */
const KURBAN_AIT: Record<number, string> = { 2025: '2025-06-06', 2026: '2026-05-27', 2027: '2027-05-16' };

/** Years whose data is final; any other year in the data must be flagged provisional. */
const CONFIRMED_YEARS = [2025, 2026];

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe.each(KAZAKHSTAN_CALENDAR_YEARS.map((data) => [data.year, data] as const))(
  'calendar data for %i',
  (year, data) => {
    const calendar = WorkingDayCalendar.fromYears([data]);

    it('lists exactly the moved days off that the weekend rule derives', () => {
      const pairs = (moves: readonly { from: string; to: string }[]) => moves.map(({ from, to }) => [from, to]).sort();
      expect(pairs(data.movedDaysOff)).toEqual(pairs(deriveMovedDaysOff(data)));
    });

    it('lists the expected moves (FACTS for 2025–2026), each from a weekend holiday to a day that is off', () => {
      expect(data.movedDaysOff.map(({ from, to }) => [from, to])).toEqual(EXPECTED_MOVES[year]);
      for (const { from, to } of data.movedDaysOff) {
        expect(isWeekend(from)).toBe(true);
        expect(data.publicHolidays.map((h) => h.date)).toContain(from);
        expect(calendar.isWorkingDay(to)).toBe(false);
      }
    });

    it('every holiday of Law art. 5 that falls on a weekend is moved, and no other', () => {
      const onWeekend = data.publicHolidays.filter((h) => isWeekend(h.date)).map((h) => h.date);
      expect(data.movedDaysOff.map((m) => m.from)).toEqual(onWeekend);
    });

    it('has the public holidays of Law art. 5', () => {
      expect(data.publicHolidays.map((h) => h.date)).toEqual(ART_5_HOLIDAYS.map((md) => `${year}-${md}`));
    });

    it('has Orthodox Christmas and the first day of Kurban Ait as non-moving days off', () => {
      expect(data.nonMovingDaysOff.map((d) => d.date)).toEqual([`${year}-01-07`, KURBAN_AIT[year]]);
    });

    it('names its sources and a version; a year not confirmed is provisional and says so in its version', () => {
      expect(data.sources.length).toBeGreaterThan(0);
      const confirmed = CONFIRMED_YEARS.includes(year);
      expect(data.provisional === true).toBe(!confirmed);
      expect(data.version).toMatch(new RegExp(confirmed ? `^${year}\\.\\d+$` : `^${year}\\.\\d+-provisional$`));
      expect(calendar.version).toBe(data.version);
      expect(calendar.provisional).toBe(!confirmed);
    });
  },
);

describe('building a calendar checks the data, it does not trust it', () => {
  const [data2025, data2026] = KAZAKHSTAN_CALENDAR_YEARS as [CalendarYearData, CalendarYearData];

  it('refuses a year whose working-day count differs from the expected one', () => {
    const error = thrownBy(() => WorkingDayCalendar.fromYears([{ ...data2026, expectedWorkingDays: 247 }]));
    expect(error.code).toBe('CALENDAR.DATA_INVALID');
    expect(error.violations).toEqual([{ field: 'expectedWorkingDays', reason: 'expected 247, counted 246' }]);
  });

  it('refuses moved days off that the weekend rule does not give', () => {
    const withoutNauryzMove = { ...data2026, movedDaysOff: data2026.movedDaysOff.filter((m) => m.to !== '2026-03-25') };
    const error = thrownBy(() => WorkingDayCalendar.fromYears([withoutNauryzMove]));
    expect(error.code).toBe('CALENDAR.DATA_INVALID');
    expect(error.violations[0]?.field).toBe('movedDaysOff');
  });

  it('refuses dates outside the year or not real', () => {
    const bad = {
      ...data2026,
      nonMovingDaysOff: [{ date: '2026-02-30', name: 'Kurban Ait' }],
      transfers: [{ workingDay: '2027-01-02', dayOff: '2026-12-31', source: 'x' }],
    };
    const error = thrownBy(() => WorkingDayCalendar.fromYears([bad]));
    expect(error.code).toBe('CALENDAR.DATA_INVALID');
    expect(error.violations.map((v) => v.field)).toEqual(['nonMovingDaysOff[0].date', 'transfers[0].workingDay']);
  });

  it('refuses a transfer whose worked day is not a weekend day', () => {
    const bad = { ...data2025, transfers: [{ workingDay: '2025-01-06', dayOff: '2025-01-03', source: 'x' }] };
    expect(thrownBy(() => WorkingDayCalendar.fromYears([bad])).violations).toContainEqual({
      field: 'transfers[0].workingDay',
      reason: '2025-01-06 is not a Saturday or Sunday',
    });
  });

  it('refuses the same year twice', () => {
    expect(thrownBy(() => WorkingDayCalendar.fromYears([data2026, data2026])).code).toBe('CALENDAR.DATA_INVALID');
  });

  it('exposes a provisional year, and combines the versions of all years', () => {
    const calendar = WorkingDayCalendar.fromYears([{ ...data2026, provisional: true }, data2025]);
    expect(calendar.provisional).toBe(true);
    expect(calendar.provisionalYears).toEqual([2026]);
    expect(calendar.version).toBe('2025.1+2026.1');
    expect(calendar.years).toEqual([2025, 2026]);
    expect(WorkingDayCalendar.fromYears([data2025, data2026]).provisional).toBe(false);
    // 2027 is in the data as a provisional year (Kurban Ait date estimated, no transfer order known).
    expect(WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS).provisionalYears).toEqual([2027]);
  });
});
