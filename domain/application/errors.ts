import { DomainError, ErrorDetails, Violation } from '../shared/errors';

export const ApplicationErrorCode = {
  NotSubmitted: 'APPLICATION.NOT_SUBMITTED',
  AlreadySubmitted: 'APPLICATION.ALREADY_SUBMITTED',
  InvalidSubmission: 'APPLICATION.INVALID_SUBMISSION',
  RegionHasNoQuota: 'APPLICATION.REGION_HAS_NO_QUOTA',
  AlreadySigned: 'APPLICATION.ALREADY_SIGNED',
  SignerNotApplicant: 'APPLICATION.SIGNER_NOT_APPLICANT',
  DigestMismatch: 'APPLICATION.DIGEST_MISMATCH',
  SignatureInvalid: 'APPLICATION.SIGNATURE_INVALID',
  OtpUnknown: 'APPLICATION.OTP_UNKNOWN',
  OtpWrong: 'APPLICATION.OTP_WRONG',
  OtpExpired: 'APPLICATION.OTP_EXPIRED',
  OtpUsed: 'APPLICATION.OTP_USED',
  OtpLocked: 'APPLICATION.OTP_LOCKED',
  NotSigned: 'APPLICATION.NOT_SIGNED',
  ReviewAlreadyStarted: 'APPLICATION.REVIEW_ALREADY_STARTED',
  ReviewNotStarted: 'APPLICATION.REVIEW_NOT_STARTED',
  NotAssignedReviewer: 'APPLICATION.NOT_ASSIGNED_REVIEWER',
  AlreadyReviewed: 'APPLICATION.ALREADY_REVIEWED',
  InvalidReview: 'APPLICATION.INVALID_REVIEW',
  NotReviewedEligible: 'APPLICATION.NOT_REVIEWED_ELIGIBLE',
  PersonsMismatch: 'APPLICATION.PERSONS_MISMATCH',
  AlreadyDecided: 'APPLICATION.ALREADY_DECIDED',
  InvalidRefusal: 'APPLICATION.INVALID_REFUSAL',
  RefusalContradictsReview: 'APPLICATION.REFUSAL_CONTRADICTS_REVIEW',
  NotIncluded: 'APPLICATION.NOT_INCLUDED',
  SubsidyAlreadyGranted: 'APPLICATION.SUBSIDY_ALREADY_GRANTED',
  Withdrawn: 'APPLICATION.WITHDRAWN',
  DeadlineNotScheduled: 'APPLICATION.DEADLINE_NOT_SCHEDULED',
  SlaNotDue: 'APPLICATION.SLA_NOT_DUE',
  NotBreached: 'APPLICATION.SLA_NOT_BREACHED',
  InvalidCommand: 'APPLICATION.INVALID_COMMAND',
  RefusalProposed: 'APPLICATION.REFUSAL_PROPOSED',
  NoRefusalProposed: 'APPLICATION.NO_REFUSAL_PROPOSED',
  HearingAlreadyHeld: 'APPLICATION.HEARING_ALREADY_HELD',
  HearingWindowOpen: 'APPLICATION.HEARING_WINDOW_OPEN',
  NothingToComplainOf: 'APPLICATION.NOTHING_TO_COMPLAIN_OF',
  ComplaintPeriodOver: 'APPLICATION.COMPLAINT_PERIOD_OVER',
  ComplaintAlreadyOpen: 'APPLICATION.COMPLAINT_ALREADY_OPEN',
  ComplaintNotOpen: 'APPLICATION.COMPLAINT_NOT_OPEN',
  NotDecided: 'APPLICATION.NOT_DECIDED',
  /** An included family's arrival is recorded once (ADR 33); a different one is refused. */
  AlreadyArrived: 'APPLICATION.ALREADY_ARRIVED',
  /** The family arrived after the limit the payment terms set (version 1 sets none). */
  ArrivalTooLate: 'APPLICATION.ARRIVAL_TOO_LATE',
  /**
   * The family arrived under an inclusion since revoked, and is included again: how its support goes
   * on (the first schedule carried on, or a second) is for the ministry to decide (ADR 33), not guessed.
   */
  SupportToBeDecided: 'APPLICATION.SUPPORT_TO_BE_DECIDED',
  /** The inclusion's subsidies are still being granted (a moment after the decision): asked again, it succeeds. */
  SubsidiesPending: 'APPLICATION.SUBSIDIES_PENDING',
} as const;

export type ApplicationErrorCode = (typeof ApplicationErrorCode)[keyof typeof ApplicationErrorCode];

/** A command the Application aggregate refuses; `code` is stable, `violations` name the fields at fault. */
export class ApplicationError extends DomainError {
  declare readonly code: ApplicationErrorCode;

  constructor(
    code: ApplicationErrorCode,
    message: string,
    violations: readonly Violation[] = [],
    details: ErrorDetails = {},
  ) {
    super(code, message, violations, details);
  }
}
