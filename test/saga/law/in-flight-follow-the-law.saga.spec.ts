import type { ReviewDeadlineRescheduled } from '@domain/application';
import { acceptAugustThenAmend, NEW_CALENDAR, OLD_CALENDAR, under } from './reschedule-scenario';
import { runRescheduling } from './run-rescheduling';

describe('applications in flight follow the law: the amendment of 31 August 2026, on SQLite', () => {
  runRescheduling(() => acceptAugustThenAmend());
});

describe('the amended 2026 calendar', () => {
  it('has 247 working days, 31 August among them', () => {
    expect(OLD_CALENDAR.workingDaysIn(2026)).toBe(246);
    expect(NEW_CALENDAR.workingDaysIn(2026)).toBe(247);
    expect(NEW_CALENDAR.isWorkingDay('2026-08-31')).toBe(true);
    expect(under(NEW_CALENDAR, '2026-08-24T05:00:00.000Z').dueOn).toBe('2026-09-11');
    expect(under(OLD_CALENDAR, '2026-08-24T05:00:00.000Z').dueOn).toBe('2026-09-14');
  });
});

export type Rescheduled = ReviewDeadlineRescheduled['data'];
