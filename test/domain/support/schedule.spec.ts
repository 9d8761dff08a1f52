import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { PAYMENT_TERMS_V1, supportSchedule } from '@domain/support';

const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);

/** The schedule of a family's support (ADR 33) on Kazakhstan's working-day calendar. */
describe('the schedule of a family arrived on Friday 20 November 2026, registered on Saturday the 21st', () => {
  const schedule = supportSchedule({ arrivedOn: '2026-11-20', registeredOn: '2026-11-21' }, PAYMENT_TERMS_V1, calendar);
  const day = (key: string) => schedule.find((instalment) => instalment.key === key)!;

  it('holds the relocation payment and twelve rent instalments, the 10th of each month from December', () => {
    expect(schedule.map((i) => i.key)).toEqual([
      'relocation',
      ...Array.from({ length: 12 }, (_, k) => `rent-${String(k + 1).padStart(2, '0')}`),
    ]);
    expect(schedule.filter((i) => i.kind === 'rent').map((i) => i.scheduledOn)).toEqual([
      '2026-12-10',
      '2027-01-10',
      '2027-02-10',
      '2027-03-10',
      '2027-04-10',
      '2027-05-10',
      '2027-06-10',
      '2027-07-10',
      '2027-08-10',
      '2027-09-10',
      '2027-10-10',
      '2027-11-10',
    ]);
  });

  it('pays on the next working day when the day is off: a Saturday, a Sunday, Victory Day moved to Monday', () => {
    expect(day('relocation')).toMatchObject({ scheduledOn: '2026-11-21', dueOn: '2026-11-23' });
    expect(day('rent-02')).toMatchObject({ scheduledOn: '2027-01-10', dueOn: '2027-01-11' });
    expect(calendar.nonWorkingReason('2027-05-10')).toMatch(/Victory Day/);
    expect(day('rent-06')).toMatchObject({ scheduledOn: '2027-05-10', dueOn: '2027-05-11' });
    expect(day('rent-01')).toMatchObject({ scheduledOn: '2026-12-10', dueOn: '2026-12-10' });
  });

  it('issues each order at the start of its due day in Astana (UTC+5)', () => {
    expect(day('relocation').dueAt).toBe('2026-11-22T19:00:00.000Z');
    expect(day('rent-06').dueAt).toBe('2027-05-10T19:00:00.000Z');
  });

  it('fails rather than guess a day off of a year the calendar does not hold', () => {
    expect(() =>
      supportSchedule({ arrivedOn: '2027-11-20', registeredOn: '2027-11-20' }, PAYMENT_TERMS_V1, calendar),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR.YEAR_NOT_AVAILABLE' }));
  });
});
