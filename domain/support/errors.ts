import { DomainError, type Violation } from '../shared/errors';

/** The support stream's refusals; the code strings are stable (clients and the HTTP edge rely on them). */
export const SupportErrorCode = {
  /** A command with missing or malformed fields; `violations` names them. */
  InvalidCommand: 'SUPPORT.INVALID_COMMAND',
  /** No support is open for the family (no arrival recorded yet). */
  NotOpen: 'SUPPORT.NOT_OPEN',
  /** Support was stopped: nothing more is ordered, re-issued or corrected. */
  Stopped: 'SUPPORT.STOPPED',
  /** The schedule has no such instalment. */
  UnknownInstalment: 'SUPPORT.UNKNOWN_INSTALMENT',
  /** An instalment's order is issued at its instant, not before. */
  NotDueYet: 'SUPPORT.NOT_DUE_YET',
  /** No order of the family has that id. */
  UnknownOrder: 'SUPPORT.UNKNOWN_ORDER',
  /** The bank's answer contradicts the one recorded (paid, then returned), or the order was cancelled. */
  OrderAlreadyAnswered: 'SUPPORT.ORDER_ALREADY_ANSWERED',
  /** Only a returned order is paid again, once its account was corrected, and no more often than the terms allow. */
  NotReissuable: 'SUPPORT.NOT_REISSUABLE',
} as const;

export type SupportErrorCode = (typeof SupportErrorCode)[keyof typeof SupportErrorCode];

export class SupportError extends DomainError {
  declare readonly code: SupportErrorCode;

  constructor(code: SupportErrorCode, message: string, violations: readonly Violation[] = []) {
    super(code, message, violations);
  }
}
