import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';

/** 2026 as FACTS gives it; every date here was worked out from a wall calendar, not the code. */
describe('Kazakhstan working-day calendar, 2026', () => {
  const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
  const offDays = (dates: string[]) => dates.filter((d) => calendar.isWorkingDay(d));

  it('has exactly 246 working days on a five-day week (published)', () => {
    expect(calendar.workingDaysIn(2026)).toBe(246);
  });

  it('New Year Thu 1 – Fri 2 Jan off; no transfer, so Mon 5 and Tue 6 Jan are worked', () => {
    expect(offDays(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'])).toEqual([]);
    expect(calendar.isWorkingDay('2026-01-05')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-06')).toBe(true);
  });

  it('Orthodox Christmas: Wed 7 Jan off', () => {
    expect(calendar.nonWorkingReason('2026-01-07')).toBe('non-working day: Orthodox Christmas');
  });

  it('8 March is a Sunday: Mon 9 March is the day off', () => {
    expect(calendar.nonWorkingReason('2026-03-09')).toBe("moved day off: International Women's Day of 2026-03-08");
  });

  it('Nauryz Sat 21 – Mon 23 March: days off 23, 24, 25 March (21 and 22 move past the holiday Monday)', () => {
    expect(offDays(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25'])).toEqual([]);
    expect(calendar.nonWorkingReason('2026-03-23')).toBe('holiday: Nauryz');
    expect(calendar.nonWorkingReason('2026-03-24')).toBe('moved day off: Nauryz of 2026-03-21');
    expect(calendar.nonWorkingReason('2026-03-25')).toBe('moved day off: Nauryz of 2026-03-22');
    expect(calendar.isWorkingDay('2026-03-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-26')).toBe(true);
  });

  it('May: Fri 1 and Thu 7 May off; 9 May is a Saturday, so Mon 11 May is off; Kurban Ait Wed 27 May', () => {
    expect(offDays(['2026-05-01', '2026-05-07', '2026-05-11', '2026-05-27'])).toEqual([]);
    expect(calendar.nonWorkingReason('2026-05-09')).toBe('holiday: Victory Day');
    expect(calendar.nonWorkingReason('2026-05-11')).toBe('moved day off: Victory Day of 2026-05-09');
    expect(calendar.nonWorkingReason('2026-05-27')).toBe('non-working day: Kurban Ait');
    expect(['2026-05-08', '2026-05-12', '2026-05-26', '2026-05-28'].every((d) => calendar.isWorkingDay(d))).toBe(true);
  });

  it('Capital Day Mon 6 Jul off, not moved', () => {
    expect(calendar.nonWorkingReason('2026-07-06')).toBe('holiday: Capital Day');
    expect(calendar.isWorkingDay('2026-07-07')).toBe(true);
  });

  it('30 Aug and 25 Oct are Sundays: Mon 31 Aug and Mon 26 Oct are off', () => {
    expect(calendar.nonWorkingReason('2026-08-31')).toBe('moved day off: Constitution Day of 2026-08-30');
    expect(calendar.nonWorkingReason('2026-10-26')).toBe('moved day off: Republic Day of 2026-10-25');
  });

  it('Independence Day: Wed 16 Dec off', () => {
    expect(calendar.nonWorkingReason('2026-12-16')).toBe('holiday: Independence Day');
  });

  it('an ordinary Saturday reads as the weekend', () => {
    expect(calendar.nonWorkingReason('2026-02-14')).toBe('weekend');
    expect(calendar.nonWorkingReason('2026-02-13')).toBeNull();
  });
});
