import type { Instant } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';
import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import type { NoticeContent, NoticeRecipient, NoticeTexts, TemplateRef } from './notice';

/**
 * A notice to the applicant was issued: appended to the application's notice stream, which is the
 * outbox (ADR 28). Its id derives from the event that caused it; it holds its texts in both
 * languages, the template they came from and the data they were rendered from.
 */
export type NoticeIssued = DomainEvent<
  'NoticeIssued',
  {
    readonly noticeId: string;
    readonly applicationId: string;
    readonly cause: { readonly eventId: string; readonly type: string };
    readonly template: TemplateRef;
    readonly texts: NoticeTexts;
    readonly recipient: NoticeRecipient;
    readonly issuedAt: Instant;
  } & NoticeContent
>;

/**
 * An attempt to deliver it is about to start, by one instance of the service: recorded before the
 * portal is called, at the stream's revision, so that of two instances that would post the same
 * notice at once only one can (the other's append meets the claim). `claimedUntil` is when another
 * instance may take the notice over if no outcome was recorded — the claimant died or hangs (ADR 35).
 */
export type NoticeDeliveryClaimed = DomainEvent<
  'NoticeDeliveryClaimed',
  {
    readonly noticeId: string;
    readonly applicationId: string;
    readonly attempt: number;
    /** The instance that posts it: the id kept in its read-models file. */
    readonly claimedBy: string;
    readonly claimedAt: Instant;
    readonly claimedUntil: Instant;
  }
>;

/** An attempt to deliver it failed; `nextAttemptAt` is when the next one may start (null: parked). */
export type NoticeDeliveryFailed = DomainEvent<
  'NoticeDeliveryFailed',
  {
    readonly noticeId: string;
    readonly applicationId: string;
    readonly attempt: number;
    readonly reason: string;
    readonly nextAttemptAt: Instant | null;
    readonly failedAt: Instant;
  }
>;

/** The portal acknowledged it (a 2xx): its effect is the portal's, once, by the notice id. */
export type NoticeDelivered = DomainEvent<
  'NoticeDelivered',
  {
    readonly noticeId: string;
    readonly applicationId: string;
    readonly attempt: number;
    readonly status: number;
    readonly deliveredAt: Instant;
  }
>;

/** Given up after the allowed attempts: an incident for operators; the application's next notices go on. */
export type NoticeParked = DomainEvent<
  'NoticeParked',
  {
    readonly noticeId: string;
    readonly applicationId: string;
    readonly attempts: number;
    readonly reason: string;
    readonly parkedAt: Instant;
  }
>;

/** An operator sent a parked notice back to the queue, with a fresh allowance of attempts. */
export type NoticeRedeliveryRequested = DomainEvent<
  'NoticeRedeliveryRequested',
  { readonly noticeId: string; readonly applicationId: string; readonly requestedAt: Instant }
>;

export type NoticeEvent =
  | NoticeIssued
  | NoticeDeliveryClaimed
  | NoticeDeliveryFailed
  | NoticeDelivered
  | NoticeParked
  | NoticeRedeliveryRequested;
export type NoticeEventType = NoticeEvent['type'];

export const NOTICE_EVENT_SCHEMAS: { readonly [T in NoticeEventType]: EventSchema } = {
  NoticeIssued: FIRST_VERSION,
  NoticeDeliveryClaimed: FIRST_VERSION,
  NoticeDeliveryFailed: FIRST_VERSION,
  NoticeDelivered: FIRST_VERSION,
  NoticeParked: FIRST_VERSION,
  NoticeRedeliveryRequested: FIRST_VERSION,
};
