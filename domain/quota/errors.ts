import { DomainError, Violation } from '../shared/errors';
import { QuotaKey } from './quota-key';

export const QUOTA_ERROR_CODES = {
  invalidCommand: 'QUOTA.INVALID_COMMAND',
  invalidCapacity: 'QUOTA.INVALID_CAPACITY',
  invalidPersons: 'QUOTA.INVALID_PERSONS',
  capacityBelowTaken: 'QUOTA.CAPACITY_BELOW_TAKEN',
  wrongQuota: 'QUOTA.WRONG_QUOTA',
} as const;

/** A command with missing or malformed fields; `violations` names them. */
export class InvalidQuotaCommandError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(QUOTA_ERROR_CODES.invalidCommand, 'The quota command is invalid', violations);
  }
}

/** The capacity is not a whole number of persons ≥ 0. */
export class InvalidCapacityError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(QUOTA_ERROR_CODES.invalidCapacity, 'The quota capacity must be a whole number of persons, 0 or more', violations);
  }
}

/** The seats asked for are not a whole number of persons ≥ 1. */
export class InvalidPersonsError extends DomainError {
  constructor(violations: readonly Violation[]) {
    super(QUOTA_ERROR_CODES.invalidPersons, 'An application reserves a whole number of persons, 1 or more', violations);
  }
}

/** A new order may lower the capacity, but never below the seats already reserved. */
export class CapacityBelowTakenError extends DomainError {
  constructor(
    readonly requested: number,
    readonly seatsTaken: number,
  ) {
    super(QUOTA_ERROR_CODES.capacityBelowTaken, `Capacity ${requested} is below the ${seatsTaken} seats already taken`, [
      { field: 'capacity', reason: `must be at least the ${seatsTaken} seats already taken` },
    ]);
  }
}

/** The command targets another region, year or category than the stream it was sent to. */
export class WrongQuotaError extends DomainError {
  constructor(
    readonly stream: QuotaKey,
    readonly commanded: QuotaKey,
  ) {
    super(
      QUOTA_ERROR_CODES.wrongQuota,
      `Command for ${commanded.region}/${commanded.year}/${commanded.category} sent to quota ${stream.region}/${stream.year}/${stream.category}`,
    );
  }
}
