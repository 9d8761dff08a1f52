import { slaClockAt, type SlaFacts } from '@domain/application';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, reviewDeadline, WorkingDayCalendar } from '@domain/calendar';

const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
const ZONE = 'Asia/Almaty';

/** Signed Monday 2 March 2026 at 10:00 in Almaty: due on the 14th working day after, across Nauryz (21–25 March). */
const deadline = reviewDeadline('2026-03-02T05:00:00.000Z', calendar, DEFAULT_SLA_POLICY);
const open: SlaFacts = {
  dueOn: deadline.dueOn,
  dueAt: deadline.dueAt,
  atRiskAt: deadline.atRiskAt,
  atRisk: false,
  breached: false,
  decision: null,
  late: false,
  withdrawn: false,
};
const clockAt = (now: string, facts: Partial<SlaFacts> = {}) => slaClockAt(now, { ...open, ...facts }, calendar, ZONE);

describe('the review clock at read time', () => {
  it('is due on Thursday 26 March at 18:30, at risk from Wednesday 18 March at 18:30', () => {
    expect([deadline.dueOn, deadline.dueAt, deadline.atRiskAt]).toEqual([
      '2026-03-26',
      '2026-03-26T13:30:00.000Z',
      '2026-03-18T13:30:00.000Z',
    ]);
  });

  it.each([
    ['2026-03-02T05:00:00.000Z', 'on-time', 14, 'the day of acceptance: the whole term is left'],
    ['2026-03-06T12:00:00.000Z', 'on-time', 10, 'Friday 6 March: Monday 9 March (for 8 March) is not counted'],
    ['2026-03-18T13:29:59.999Z', 'on-time', 3, 'a moment before the at-risk instant'],
    ['2026-03-18T13:30:00.000Z', 'at-risk', 3, 'the at-risk instant'],
    ['2026-03-20T06:00:00.000Z', 'at-risk', 1, 'Friday 20 March: six calendar days but one working day, across Nauryz'],
    ['2026-03-22T06:00:00.000Z', 'at-risk', 1, 'Sunday 22 March, inside the holiday'],
    ['2026-03-26T08:00:00.000Z', 'at-risk', 0, 'the due day, before its end'],
    ['2026-03-26T13:30:00.000Z', 'breached', 0, 'the due instant itself'],
    ['2026-03-27T04:00:00.000Z', 'breached', -1, 'the working day after'],
    ['2026-03-30T04:00:00.000Z', 'breached', -2, 'the Monday after: the weekend is not counted'],
  ])('at %s: %s, %i working days (%s)', (now, state, left) => {
    expect(clockAt(now)).toEqual({ state, workingDaysLeft: left });
  });

  it('takes the day in Almaty, not in UTC: 19:30 UTC on 25 March is already 26 March there', () => {
    expect(clockAt('2026-03-25T19:30:00.000Z').workingDaysLeft).toBe(0);
  });

  it('honours the flags the SLA steps recorded, even before their instants by this clock', () => {
    expect(clockAt('2026-03-03T05:00:00.000Z', { atRisk: true }).state).toBe('at-risk');
    expect(clockAt('2026-03-03T05:00:00.000Z', { breached: true }).state).toBe('breached');
  });

  it.each([
    [{ decision: 'included', late: false }, 'decided-on-time'],
    [{ decision: 'refused', late: true }, 'decided-late'],
    [{ withdrawn: true }, 'withdrawn'],
    [{ dueOn: null, dueAt: null, atRiskAt: null }, 'not-started'],
  ] as const)(
    'stops with the decision or the withdrawal, and has not started before signing: %o → %s',
    (facts, state) => {
      expect(clockAt('2026-03-27T04:00:00.000Z', facts)).toEqual({ state, workingDaysLeft: null });
    },
  );

  it('counts no working days across a year without calendar data, never guessing', () => {
    const farDue = { dueOn: '2028-01-10', dueAt: '2028-01-10T13:30:00.000Z', atRiskAt: '2028-01-05T13:30:00.000Z' };
    expect(clockAt('2027-12-20T05:00:00.000Z', farDue)).toEqual({ state: 'on-time', workingDaysLeft: null });
  });
});
