import {
  DEFAULT_SLA_POLICY,
  KAZAKHSTAN_CALENDAR_YEARS,
  reviewDeadline,
  validateSlaPolicy,
  WorkingDayCalendar,
  type SlaPolicy,
} from '@domain/calendar';
import { thrownBy } from './thrown';

describe('SlaPolicy', () => {
  const faultsOf = (changes: Partial<SlaPolicy>) =>
    thrownBy(() => validateSlaPolicy({ ...DEFAULT_SLA_POLICY, ...changes })).violations;

  it('the default is Asia/Almaty, 09:00–18:30, 14 working days, at risk 3 days before', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({
      zone: 'Asia/Almaty',
      workdayStart: '09:00',
      workdayEnd: '18:30',
      reviewWorkingDays: 14,
      atRiskWorkingDaysBeforeDue: 3,
    });
    expect(() => validateSlaPolicy(DEFAULT_SLA_POLICY)).not.toThrow();
  });

  it.each(['Asia/Nowhere', 'UTC+5', '+05:00', ''])('refuses zone %j: only IANA zones, never a fixed offset', (zone) => {
    expect(faultsOf({ zone }).map((v) => v.field)).toEqual(['zone']);
  });

  it.each(['9:00', '24:00', '09:60', 'nine'])('refuses workdayStart %j', (workdayStart) => {
    expect(faultsOf({ workdayStart }).map((v) => v.field)).toEqual(['workdayStart']);
  });

  it('refuses a working day that ends before it starts, or at the same time', () => {
    expect(faultsOf({ workdayStart: '18:30', workdayEnd: '09:00' })).toEqual([
      { field: 'workdayEnd', reason: 'must be after workdayStart' },
    ]);
    expect(faultsOf({ workdayStart: '09:00', workdayEnd: '09:00' }).map((v) => v.field)).toEqual(['workdayEnd']);
  });

  it.each([0, -14, 14.5, Number.NaN])('refuses %s review working days', (reviewWorkingDays) => {
    expect(faultsOf({ reviewWorkingDays }).map((v) => v.field)).toContain('reviewWorkingDays');
  });

  it('refuses an at-risk point that is not a positive whole number below the review days', () => {
    expect(faultsOf({ atRiskWorkingDaysBeforeDue: 0 }).map((v) => v.field)).toEqual(['atRiskWorkingDaysBeforeDue']);
    expect(faultsOf({ atRiskWorkingDaysBeforeDue: 2.5 }).map((v) => v.field)).toEqual(['atRiskWorkingDaysBeforeDue']);
    expect(faultsOf({ atRiskWorkingDaysBeforeDue: 14 })).toEqual([
      { field: 'atRiskWorkingDaysBeforeDue', reason: 'must be fewer than reviewWorkingDays' },
    ]);
  });

  it('reports every fault at once, under the stable code CALENDAR.SLA_POLICY_INVALID', () => {
    const error = thrownBy(() =>
      validateSlaPolicy({
        zone: 'UTC+5',
        workdayStart: '18:00',
        workdayEnd: '09:00',
        reviewWorkingDays: 0,
        atRiskWorkingDaysBeforeDue: 3,
      }),
    );
    expect(error.code).toBe('CALENDAR.SLA_POLICY_INVALID');
    expect(error.violations.map((v) => v.field)).toEqual([
      'zone',
      'workdayEnd',
      'reviewWorkingDays',
      'atRiskWorkingDaysBeforeDue',
    ]);
  });

  it('reviewDeadline refuses an invalid policy before computing anything', () => {
    const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
    const error = thrownBy(() =>
      reviewDeadline('2026-01-05T05:00:00Z', calendar, { ...DEFAULT_SLA_POLICY, workdayEnd: '08:00' }),
    );
    expect(error.code).toBe('CALENDAR.SLA_POLICY_INVALID');
  });
});
