import { DomainError, type Violation } from '../shared/errors';

/** The working-day calendar's refusals; the code strings are stable. */
export const CalendarErrorCode = {
  /**
   * The calendar has no data for that year. Days off are set by law, by the yearly Kurban Ait date
   * and by ministerial transfer orders, so a missing year is never guessed (FACTS: "a year with no
   * calendar data must fail loudly").
   */
  YearNotAvailable: 'CALENDAR.YEAR_NOT_AVAILABLE',
  /** A year's data contradicts itself or the law (wrong moved days, wrong working-day count…). */
  DataInvalid: 'CALENDAR.DATA_INVALID',
  /** A calendar date or an instant given to the calendar is not in the expected ISO form. */
  InvalidInput: 'CALENDAR.INVALID_INPUT',
  /** The SLA policy (working hours, number of working days) is not usable. */
  SlaPolicyInvalid: 'CALENDAR.SLA_POLICY_INVALID',
} as const;

export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

/** The calendar cannot answer; `code` is stable, `violations` name the fields at fault. */
export class CalendarError extends DomainError {
  declare readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string, violations: readonly Violation[] = []) {
    super(code, message, violations);
  }
}
