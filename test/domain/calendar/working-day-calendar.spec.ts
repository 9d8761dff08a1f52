import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { thrownBy } from './thrown';

describe('WorkingDayCalendar', () => {
  const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);

  describe('nextWorkingDay is strictly after the date', () => {
    it.each([
      ['2026-01-05', '2026-01-06', 'a Monday gives the Tuesday'],
      ['2026-01-06', '2026-01-08', 'Christmas Wed 7 Jan is skipped'],
      ['2026-01-09', '2026-01-12', 'a Friday gives the Monday'],
      ['2026-03-20', '2026-03-26', 'Nauryz 2026 skips Sat 21 to Wed 25'],
      ['2025-03-20', '2025-03-26', 'Nauryz 2025 skips Fri 21 to Tue 25'],
      ['2025-12-31', '2026-01-05', 'New Year crosses into 2026'],
      ['2025-01-02', '2025-01-05', 'the worked Sunday 5 Jan 2025 counts'],
    ])('%s → %s (%s)', (date, next) => {
      expect(calendar.nextWorkingDay(date)).toBe(next);
    });
  });

  describe('addWorkingDays does not count the date itself', () => {
    it('Mon 5 Jan 2026 + 14 = Mon 26 Jan (Christmas skipped)', () => {
      expect(calendar.addWorkingDays('2026-01-05', 14)).toBe('2026-01-26');
    });

    it('from a day off, the first working day after it is day 1: Sat 10 Jan 2026 + 1 = Mon 12 Jan', () => {
      expect(calendar.addWorkingDays('2026-01-10', 1)).toBe('2026-01-12');
    });

    it('Fri 13 Mar 2026 + 14 = Tue 7 Apr (Nauryz 23–25 Mar skipped)', () => {
      expect(calendar.addWorkingDays('2026-03-13', 14)).toBe('2026-04-07');
    });
  });

  describe('subtractWorkingDays does not count the date itself', () => {
    it('Mon 26 Jan 2026 − 3 = Wed 21 Jan', () => {
      expect(calendar.subtractWorkingDays('2026-01-26', 3)).toBe('2026-01-21');
    });

    it('Thu 26 Mar 2026 − 1 = Fri 20 Mar (back across Nauryz)', () => {
      expect(calendar.subtractWorkingDays('2026-03-26', 1)).toBe('2026-03-20');
    });

    it('undoes addWorkingDays from a working day', () => {
      expect(calendar.subtractWorkingDays(calendar.addWorkingDays('2025-06-05', 20), 20)).toBe('2025-06-05');
    });
  });

  describe('workingDaysAfter counts the working days after a date up to and including another', () => {
    it.each([
      ['2026-03-20', '2026-03-26', 1, 'Fri 20 Mar to Thu 26 Mar: Nauryz 21–25 Mar is not worked'],
      ['2026-01-05', '2026-01-26', 14, 'what addWorkingDays(14) walked'],
      ['2026-03-26', '2026-03-26', 0, 'the same day'],
      ['2026-03-27', '2026-03-26', 0, 'a day before the first'],
      ['2025-12-31', '2026-01-05', 1, 'across New Year'],
    ])('%s → %s: %i (%s)', (from, to, count) => {
      expect(calendar.workingDaysAfter(from, to)).toBe(count);
    });
  });

  describe('a year without data is never guessed', () => {
    it.each([
      ['isWorkingDay', () => calendar.isWorkingDay('2028-01-04')],
      ['nonWorkingReason', () => calendar.nonWorkingReason('2024-12-31')],
      ['addWorkingDays into 2028', () => calendar.addWorkingDays('2027-12-30', 2)],
      ['subtractWorkingDays into 2024', () => calendar.subtractWorkingDays('2025-01-02', 1)],
      ['workingDaysIn', () => calendar.workingDaysIn(2028)],
      ['workingDaysAfter into 2028', () => calendar.workingDaysAfter('2027-12-30', '2028-01-04')],
    ])('%s throws CALENDAR.YEAR_NOT_AVAILABLE', (_, call) => {
      expect(thrownBy(call).code).toBe('CALENDAR.YEAR_NOT_AVAILABLE');
    });

    it('walking up to the last day with data is fine: Thu 30 Dec 2027 + 1 = Fri 31 Dec', () => {
      expect(calendar.addWorkingDays('2027-12-30', 1)).toBe('2027-12-31');
    });
  });

  describe('refuses malformed input', () => {
    it.each(['2026-02-30', '2026-1-5', '05.01.2026', '2026-01-05T10:00'])('date %s', (date) => {
      expect(thrownBy(() => calendar.isWorkingDay(date)).code).toBe('CALENDAR.INVALID_INPUT');
    });

    it.each([0, -1, 1.5, Number.NaN])('a count of %s working days', (n) => {
      expect(thrownBy(() => calendar.addWorkingDays('2026-01-05', n)).code).toBe('CALENDAR.INVALID_INPUT');
    });
  });
});
