import {
  calendarYearDecider,
  type CalendarYearAmended,
  type CalendarYearCommand,
  type RecordCalendarYear,
} from '@domain/law';
import { WorkingDayCalendar } from '@domain/calendar';
import { AMENDMENT, amended, initial } from './law-fixtures';

const decide = (history: readonly CalendarYearAmended[], command: CalendarYearCommand) =>
  calendarYearDecider.decide(command, history.reduce(calendarYearDecider.evolve, calendarYearDecider.initialState()));

const as2026Published = () => decide([], initial<RecordCalendarYear>('calendar:2026:as-published'))[0]!;
const as2027Published = () => decide([], initial<RecordCalendarYear>('calendar:2027:as-published'))[0]!;

describe('the calendar of a year, amended as the law changes', () => {
  it('given no calendar of 2026, when the year is recorded as published, then 2026.1 has 246 working days and 31 August off', () => {
    const event = as2026Published();
    expect(amended(event)).toEqual({ version: '2026.1', workingDays: 246, daysOffAdded: [], daysOffRemoved: [] });
    expect(WorkingDayCalendar.fromYears([event.data.calendar]).isWorkingDay('2026-08-31')).toBe(false);
  });

  it('given 2026 as published, when 31 August is declared worked, then 30 August is no longer a holiday and 2026 has 247 working days', () => {
    const [event] = decide([as2026Published()], {
      type: 'DeclareWorkedDay',
      year: 2026,
      date: '2026-08-31',
      ...AMENDMENT,
    });
    expect(amended(event!)).toEqual({
      version: '2026.2',
      workingDays: 247,
      daysOffAdded: [],
      daysOffRemoved: ['2026-08-31'],
    });
    expect(event!.data.calendar.publicHolidays.some((h) => h.date === '2026-08-30')).toBe(false);
    expect(event!.data.legalBasis).toEqual(AMENDMENT.legalBasis);
  });

  it('given 2026 as published, when the Constitution Day correction of the baseline is recorded, then 2026.2 has 247 working days', () => {
    const [event] = decide([as2026Published()], initial('calendar:2026:constitution-day-15-march'));
    expect(amended(event!)).toEqual({
      version: '2026.2',
      workingDays: 247,
      daysOffAdded: [],
      daysOffRemoved: ['2026-08-31'],
    });
  });

  it('given 2027 as published, when the correction is recorded, then 15 March is off, 30 August worked, Kurban Ait still provisional', () => {
    const [event] = decide([as2027Published()], initial('calendar:2027:constitution-day-15-march'));
    expect(amended(event!)).toEqual({
      version: '2027.2',
      workingDays: 247,
      daysOffAdded: ['2027-03-15'],
      daysOffRemoved: ['2027-08-30'],
    });
    expect(event!.data.calendar.provisional).toBe(true);
  });

  it('given 2027, when a holiday is declared on a weekday, then the day is off and the count drops by one', () => {
    const [event] = decide([as2027Published()], {
      type: 'DeclareDayOff',
      year: 2027,
      date: '2027-05-17',
      kind: 'non-moving',
      name: 'Kurban Ait',
      ...AMENDMENT,
    });
    expect(amended(event!)).toMatchObject({ workingDays: 246, daysOffAdded: ['2027-05-17'] });
  });

  it('given 2027, when a non-moving day is withdrawn and the year confirmed, then it is no longer provisional', () => {
    const withdrawn = decide([as2027Published()], {
      type: 'WithdrawDayOff',
      year: 2027,
      date: '2027-05-16',
      ...AMENDMENT,
    })[0]!;
    const [confirmed] = decide([as2027Published(), withdrawn], {
      type: 'ConfirmCalendarYear',
      year: 2027,
      ...AMENDMENT,
    });
    expect(confirmed!.data.calendar.provisional).toBe(false);
    expect(confirmed!.data.version).toBe('2027.3');
  });

  it('given 2026 (confirmed), when it is confirmed again, then LAW.YEAR_ALREADY_CONFIRMED', () => {
    expect(() => decide([as2026Published()], { type: 'ConfirmCalendarYear', year: 2026, ...AMENDMENT })).toThrow(
      expect.objectContaining({ code: 'LAW.YEAR_ALREADY_CONFIRMED' }),
    );
  });

  it('given 2026, when a transfer order works a Saturday for a Friday off, then the Saturday is worked and the count stays', () => {
    const [event] = decide([as2026Published()], {
      type: 'DeclareWorkedDay',
      year: 2026,
      date: '2026-12-19',
      dayOff: '2026-12-18',
      ...AMENDMENT,
    });
    expect(amended(event!)).toMatchObject({
      workingDays: 246,
      daysOffAdded: ['2026-12-18'],
      daysOffRemoved: ['2026-12-19'],
    });
  });

  it('refuses a day both off and worked: a day off on a weekend day a transfer order works', () => {
    const transfer = decide([as2026Published()], {
      type: 'DeclareWorkedDay',
      year: 2026,
      date: '2026-12-19',
      dayOff: '2026-12-18',
      ...AMENDMENT,
    })[0]!;
    expect(() =>
      decide([as2026Published(), transfer], {
        type: 'DeclareDayOff',
        year: 2026,
        date: '2026-12-19',
        kind: 'holiday',
        name: 'x',
        ...AMENDMENT,
      }),
    ).toThrow(expect.objectContaining({ code: 'LAW.DAY_BOTH_OFF_AND_WORKED' }));
  });

  it('refuses a weekend day worked without the weekday given off, and a working day declared worked (LAW.DAY_INVALID)', () => {
    const history = [as2026Published()];
    expect(() => decide(history, { type: 'DeclareWorkedDay', year: 2026, date: '2026-12-19', ...AMENDMENT })).toThrow(
      expect.objectContaining({ code: 'LAW.DAY_INVALID', violations: [expect.objectContaining({ field: 'dayOff' })] }),
    );
    expect(() => decide(history, { type: 'DeclareWorkedDay', year: 2026, date: '2026-12-17', ...AMENDMENT })).toThrow(
      expect.objectContaining({ code: 'LAW.DAY_INVALID' }),
    );
    expect(() => decide(history, { type: 'WithdrawDayOff', year: 2027, date: '2026-12-17', ...AMENDMENT })).toThrow(
      expect.objectContaining({ code: 'LAW.DAY_INVALID' }),
    );
  });

  it('refuses a day-level change of a year never recorded (LAW.YEAR_NOT_RECORDED)', () => {
    expect(() => decide([], { type: 'WithdrawDayOff', year: 2024, date: '2024-01-01', ...AMENDMENT })).toThrow(
      expect.objectContaining({ code: 'LAW.YEAR_NOT_RECORDED' }),
    );
  });

  it('refuses a count that is not the one the change gives (CALENDAR.DATA_INVALID), and a year recorded again unchanged', () => {
    expect(() =>
      decide([as2026Published()], {
        type: 'DeclareWorkedDay',
        year: 2026,
        date: '2026-08-31',
        expectedWorkingDays: 246,
        ...AMENDMENT,
      }),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR.DATA_INVALID' }));
    expect(() => decide([as2026Published()], initial('calendar:2026:as-published'))).toThrow(
      expect.objectContaining({ code: 'LAW.NOTHING_CHANGED' }),
    );
  });
});
