import { AwaitedData, DomainError, Violation } from '../shared/errors';

/** The subsidy calculation's refusals; the code strings are stable. */
export const SubsidyErrorCode = {
  /** A calculation's input is missing or malformed; `violations` names the fields. */
  InvalidInput: 'SUBSIDY.INVALID_INPUT',
  /** No MCI is recorded for the date's year: an administrator must add it; it is never guessed. */
  MciNotAvailable: 'SUBSIDY.MCI_NOT_AVAILABLE',
  InvalidMciTable: 'SUBSIDY.INVALID_MCI_TABLE',
  /** A rent rate outside 15–30 MCI a month, or not a whole number of MCI. */
  RentRateOutOfRange: 'SUBSIDY.RENT_RATE_OUT_OF_RANGE',
  /** The rate table has no rate for this region and settlement kind: an administrator must set one. */
  RentRateNotSet: 'SUBSIDY.RENT_RATE_NOT_SET',
  /** The rate table names a region or settlement kind that does not exist. */
  InvalidRentRateTable: 'SUBSIDY.INVALID_RENT_RATE_TABLE',
} as const;

export type SubsidyErrorCode = (typeof SubsidyErrorCode)[keyof typeof SubsidyErrorCode];

/** A subsidy that cannot be calculated; `code` is stable, `violations` name the fields at fault. */
export class SubsidyError extends DomainError {
  declare readonly code: SubsidyErrorCode;

  constructor(code: SubsidyErrorCode, message: string, violations: readonly Violation[] = [], awaiting?: AwaitedData) {
    super(code, message, violations, {}, awaiting);
  }
}
