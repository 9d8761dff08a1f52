import { DomainError, Violation } from '../shared/errors';

/** The RegionalQuota's refusals; the code strings are stable (clients and the HTTP edge rely on them). */
export const QuotaErrorCode = {
  /** A command with missing or malformed fields; `violations` names them. */
  InvalidCommand: 'QUOTA.INVALID_COMMAND',
  /** The capacity is not a whole number of persons ≥ 0. */
  InvalidCapacity: 'QUOTA.INVALID_CAPACITY',
  /** The seats asked for are not a whole number of persons ≥ 1. */
  InvalidPersons: 'QUOTA.INVALID_PERSONS',
  /** A new order may lower the capacity, but never below the seats already reserved. */
  CapacityBelowTaken: 'QUOTA.CAPACITY_BELOW_TAKEN',
  /** The command targets another region, year or category than the stream it was sent to. */
  WrongQuota: 'QUOTA.WRONG_QUOTA',
} as const;

export type QuotaErrorCode = (typeof QuotaErrorCode)[keyof typeof QuotaErrorCode];

/** A command the RegionalQuota aggregate refuses; `code` is stable, `violations` name the fields at fault. */
export class QuotaError extends DomainError {
  declare readonly code: QuotaErrorCode;

  constructor(code: QuotaErrorCode, message: string, violations: readonly Violation[] = []) {
    super(code, message, violations);
  }
}
