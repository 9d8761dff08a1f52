import { DomainError, Violation } from '../shared/errors';

export const SUBSIDY_ERROR_CODES = {
  invalidInput: 'SUBSIDY.INVALID_INPUT',
  mciNotAvailable: 'SUBSIDY.MCI_NOT_AVAILABLE',
  invalidMciTable: 'SUBSIDY.INVALID_MCI_TABLE',
  rentRateOutOfRange: 'SUBSIDY.RENT_RATE_OUT_OF_RANGE',
  rentRateNotSet: 'SUBSIDY.RENT_RATE_NOT_SET',
  invalidRentRateTable: 'SUBSIDY.INVALID_RENT_RATE_TABLE',
} as const;

/** A calculation's input is missing or malformed; `violations` names the fields. */
export class InvalidSubsidyInputError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(SUBSIDY_ERROR_CODES.invalidInput, 'The subsidy calculation input is invalid', violations);
  }
}

/** No MCI is recorded for the date's year: an administrator must add it; it is never guessed. */
export class MciNotAvailableError extends DomainError {
  constructor(readonly date: string) {
    super(SUBSIDY_ERROR_CODES.mciNotAvailable, `No MCI is recorded for ${date}: an administrator must add that year's MCI`);
  }
}

export class InvalidMciTableError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(SUBSIDY_ERROR_CODES.invalidMciTable, 'The MCI table is invalid', violations);
  }
}

/** A rent rate outside 15–30 MCI a month, or not a whole number of MCI. */
export class RentRateOutOfRangeError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(SUBSIDY_ERROR_CODES.rentRateOutOfRange, 'Rent subsidy rates must be whole numbers of MCI from 15 to 30', violations);
  }
}

/** The rate table names a region or settlement kind that does not exist. */
export class InvalidRentRateTableError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(SUBSIDY_ERROR_CODES.invalidRentRateTable, 'The rent rate table is invalid', violations);
  }
}

/** The rate table has no rate for this region and settlement kind: an administrator must set one. */
export class RentRateNotSetError extends DomainError {
  constructor(
    readonly region: string,
    readonly settlementKind: string,
  ) {
    super(SUBSIDY_ERROR_CODES.rentRateNotSet, `No rent subsidy rate is set for ${region} (${settlementKind})`);
  }
}
