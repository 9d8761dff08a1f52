/** One notice's delivery as operators see it. */
export interface NoticeDeliveryRow {
  readonly noticeId: string;
  readonly applicationId: string;
  readonly kind: string;
  readonly issuedAt: string;
  readonly status: 'pending' | 'delivered' | 'parked';
  readonly failedAttempts: number;
  readonly lastError: string | null;
  readonly parkedAt: string | null;
}

/** The figures of `/metrics` and of readiness. */
export interface NoticeDeliveryStats {
  readonly issued: number;
  readonly pending: number;
  readonly delivered: number;
  readonly parked: number;
  readonly failedAttempts: number;
  /** When the oldest notice not yet delivered (nor parked) was issued; null when none waits. */
  readonly oldestPendingIssuedAtMs: number | null;
}

/** The delivery read model (infra: `NoticeDeliveriesProjection`), as the worker and the operators use it. */
export interface NoticeQueue {
  /** Applications with a notice whose next attempt is due, the longest waiting first. */
  applicationsDue(now: Date, limit: number): string[];
  parked(after: string, limit: number): NoticeDeliveryRow[];
  find(noticeId: string): NoticeDeliveryRow | undefined;
  stats(): NoticeDeliveryStats;
}

export const NOTICE_QUEUE = Symbol('NoticeQueue');
