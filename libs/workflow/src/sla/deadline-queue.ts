/**
 * A deadline waiting to fire: the at-risk warning or the due instant of one application's review,
 * of the notice of a preliminary refusal, or of its open complaint (ADR 32); or the instant an
 * instalment of the family's support is ordered (ADR 33).
 */
export interface PendingDeadline {
  readonly applicationId: string;
  readonly kind:
    'at-risk' | 'due' | 'notice-at-risk' | 'notice-due' | 'complaint-at-risk' | 'complaint-due' | 'instalment';
  readonly fireAt: string;
  /** The ReviewDeadlineScheduled event it comes from: the fired command's id derives from it. */
  readonly scheduledEventId: string;
  readonly correlationId: string;
  /** The calendar version the deadline was computed under: the scheduler compares it with the law in force. */
  readonly calendarVersion: string;
  /** The complaint a complaint deadline is of, the instalment an instalment's is; null for the others. */
  readonly subject: string | null;
}

/** The pending-deadlines read model, as the scheduler queries it. */
export interface DeadlineQueue {
  /** Deadlines whose instant is at or before `now`, earliest first. */
  due(now: Date, limit: number): PendingDeadline[];
  /** How many deadlines are pending (observability). */
  pendingCount(): number;
}

export const DEADLINE_QUEUE = Symbol('DeadlineQueue');
