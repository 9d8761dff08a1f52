import { DomainError, type Violation } from '../shared/errors';

/** Why an amendment of the law is refused; the code strings are stable. */
export const LawErrorCode = {
  /** The legal basis or the effective date is missing or malformed (field and reason say which). */
  BasisInvalid: 'LAW.BASIS_INVALID',
  /** The change takes effect on a day already past at recording time: a retroactive change says why. */
  ReasonRequired: 'LAW.REASON_REQUIRED',
  /** The amendment would leave the table exactly as it is: nothing to record. */
  NothingChanged: 'LAW.NOTHING_CHANGED',
  /** A day-level change of a year whose calendar was never recorded (record the whole year first). */
  YearNotRecorded: 'LAW.YEAR_NOT_RECORDED',
  /** The change names a day that is not what it must be (a day off already, a working day already…). */
  DayInvalid: 'LAW.DAY_INVALID',
  /** A day would be both off and worked (a transfer order working a holiday, a day off on a worked weekend). */
  DayBothOffAndWorked: 'LAW.DAY_BOTH_OFF_AND_WORKED',
  /** Confirming a year that is not provisional. */
  YearAlreadyConfirmed: 'LAW.YEAR_ALREADY_CONFIRMED',
  /** An MCI row is not a date and a positive whole number of tenge. */
  MciInvalid: 'LAW.MCI_INVALID',
  /** The refusal-ground list is malformed (codes, labels). */
  GroundsInvalid: 'LAW.GROUNDS_INVALID',
  /** A ground once listed was left out: decisions recorded on it must keep their meaning, so it is retired instead. */
  GroundRemoved: 'LAW.GROUND_REMOVED',
  /** A table of the law was asked for before any amendment recorded it. */
  TableNotRecorded: 'LAW.TABLE_NOT_RECORDED',
} as const;

export type LawErrorCode = (typeof LawErrorCode)[keyof typeof LawErrorCode];

export class LawError extends DomainError {
  declare readonly code: LawErrorCode;

  constructor(code: LawErrorCode, message: string, violations: readonly Violation[] = []) {
    super(code, message, violations);
  }
}
