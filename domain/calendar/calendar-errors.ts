import { DomainError, type Violation } from '../shared/errors';

export const CALENDAR_ERROR_CODES = {
  yearNotAvailable: 'CALENDAR.YEAR_NOT_AVAILABLE',
  dataInvalid: 'CALENDAR.DATA_INVALID',
  invalidInput: 'CALENDAR.INVALID_INPUT',
  slaPolicyInvalid: 'CALENDAR.SLA_POLICY_INVALID',
} as const;

/**
 * The calendar has no data for that year. Days off are set by law, by the yearly Kurban Ait date
 * and by ministerial transfer orders, so a missing year is never guessed (FACTS: "a year with no
 * calendar data must fail loudly").
 */
export class CalendarYearNotAvailableError extends DomainError {
  constructor(readonly year: number) {
    super(CALENDAR_ERROR_CODES.yearNotAvailable, `No working-day calendar data for ${year}`);
  }
}

/** A year's data contradicts itself or the law (wrong moved days, wrong working-day count…). */
export class CalendarDataInvalidError extends DomainError {
  constructor(year: number, violations: readonly Violation[]) {
    super(CALENDAR_ERROR_CODES.dataInvalid, `Calendar data for ${year} is invalid`, violations);
  }
}

/** A calendar date or an instant given to the calendar is not in the expected ISO form. */
export class InvalidCalendarInputError extends DomainError {
  constructor(field: string, reason: string) {
    super(CALENDAR_ERROR_CODES.invalidInput, `${field}: ${reason}`, [{ field, reason }]);
  }
}

/** The SLA policy (working hours, number of working days) is not usable. */
export class SlaPolicyInvalidError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(CALENDAR_ERROR_CODES.slaPolicyInvalid, 'SLA policy is invalid', violations);
  }
}
