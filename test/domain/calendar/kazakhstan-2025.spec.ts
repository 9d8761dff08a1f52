import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';

/** 2025 as FACTS gives it; every date here was worked out from a wall calendar, not the code. */
describe('Kazakhstan working-day calendar, 2025', () => {
  const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
  const offDays = (dates: string[]) => dates.filter((d) => calendar.isWorkingDay(d));

  it('has 246 working days on a five-day week (derived: 261 weekdays − 16 days off + Sun 5 Jan)', () => {
    expect(calendar.workingDaysIn(2025)).toBe(246);
  });

  it('New Year: 1–2 Jan off, Fri 3 Jan off by transfer, Sun 5 Jan worked instead', () => {
    expect(offDays(['2025-01-01', '2025-01-02', '2025-01-03'])).toEqual([]);
    expect(calendar.nonWorkingReason('2025-01-01')).toBe('holiday: New Year');
    expect(calendar.nonWorkingReason('2025-01-03')).toBe('transferred day off: from 2025-01-05');
    expect(calendar.isWorkingDay('2025-01-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-05')).toBe(true);
    expect(calendar.nonWorkingReason('2025-01-05')).toBeNull();
  });

  it('Orthodox Christmas: Tue 7 Jan off', () => {
    expect(calendar.nonWorkingReason('2025-01-07')).toBe('non-working day: Orthodox Christmas');
  });

  it('8 March is a Saturday: Mon 10 March is the day off', () => {
    expect(calendar.nonWorkingReason('2025-03-08')).toBe("holiday: International Women's Day");
    expect(calendar.nonWorkingReason('2025-03-10')).toBe("moved day off: International Women's Day of 2025-03-08");
    expect(calendar.isWorkingDay('2025-03-11')).toBe(true);
  });

  it('Nauryz Fri 21 – Sun 23 March: off from 21 to 25 March, back to work Wed 26', () => {
    expect(offDays(['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-03-25'])).toEqual([]);
    expect(calendar.nonWorkingReason('2025-03-24')).toBe('moved day off: Nauryz of 2025-03-22');
    expect(calendar.nonWorkingReason('2025-03-25')).toBe('moved day off: Nauryz of 2025-03-23');
    expect(calendar.isWorkingDay('2025-03-26')).toBe(true);
  });

  it('May holidays fall on weekdays: 1, 7 and 9 May off, 2, 5, 6, 8 May worked', () => {
    expect(offDays(['2025-05-01', '2025-05-07', '2025-05-09'])).toEqual([]);
    expect(['2025-05-02', '2025-05-05', '2025-05-06', '2025-05-08'].every((d) => calendar.isWorkingDay(d))).toBe(true);
  });

  it('Kurban Ait: Fri 6 June off', () => {
    expect(calendar.nonWorkingReason('2025-06-06')).toBe('non-working day: Kurban Ait');
  });

  it('weekend holidays of the second half move to the Monday: 6 Jul → 7 Jul, 30 Aug → 1 Sep, 25 Oct → 27 Oct', () => {
    expect(calendar.nonWorkingReason('2025-07-07')).toBe('moved day off: Capital Day of 2025-07-06');
    expect(calendar.nonWorkingReason('2025-09-01')).toBe('moved day off: Constitution Day of 2025-08-30');
    expect(calendar.nonWorkingReason('2025-10-27')).toBe('moved day off: Republic Day of 2025-10-25');
    expect(['2025-07-08', '2025-09-02', '2025-10-28'].every((d) => calendar.isWorkingDay(d))).toBe(true);
  });

  it('Independence Day: Tue 16 Dec off; 31 Dec is a working day', () => {
    expect(calendar.nonWorkingReason('2025-12-16')).toBe('holiday: Independence Day');
    expect(calendar.isWorkingDay('2025-12-17')).toBe(true);
    expect(calendar.isWorkingDay('2025-12-31')).toBe(true);
  });
});
