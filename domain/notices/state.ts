import type { Instant } from '../shared/calendar-date';
import { assertNever } from '../shared/decider';
import type { NoticeEvent, NoticeIssued } from './events';

export type DeliveryStatus = 'pending' | 'delivered' | 'parked';

/** One notice of the stream and where its delivery stands. */
export interface NoticeDelivery {
  readonly notice: NoticeIssued['data'];
  readonly status: DeliveryStatus;
  /** Failed attempts since it was issued or last sent back to the queue. */
  readonly failedAttempts: number;
  /** When the next attempt may start (pending only). */
  readonly nextAttemptAt: Instant | null;
  readonly lastError: string | null;
  /** The attempt in flight, if one was claimed and its outcome not recorded yet (ADR 35). */
  readonly claim: DeliveryClaim | null;
}

/** Who is posting the notice now, and until when no one else may. */
export interface DeliveryClaim {
  readonly by: string;
  readonly until: Instant;
}

/** An application's notices in the order they were issued: the order they are delivered in. */
export interface NoticeStreamState {
  readonly notices: readonly NoticeDelivery[];
}

export const initialNoticeStreamState = (): NoticeStreamState => ({ notices: [] });

export function noticeIn(state: NoticeStreamState, noticeId: string): NoticeDelivery | undefined {
  return state.notices.find((delivery) => delivery.notice.noticeId === noticeId);
}

function updated(
  state: NoticeStreamState,
  noticeId: string,
  change: (delivery: NoticeDelivery) => NoticeDelivery,
): NoticeStreamState {
  return {
    notices: state.notices.map((delivery) => (delivery.notice.noticeId === noticeId ? change(delivery) : delivery)),
  };
}

export function evolveNoticeStream(state: NoticeStreamState, event: NoticeEvent): NoticeStreamState {
  switch (event.type) {
    case 'NoticeIssued':
      return {
        notices: [
          ...state.notices,
          {
            notice: event.data,
            status: 'pending',
            failedAttempts: 0,
            nextAttemptAt: event.data.issuedAt,
            lastError: null,
            claim: null,
          },
        ],
      };
    case 'NoticeDeliveryClaimed':
      return updated(state, event.data.noticeId, (delivery) => ({
        ...delivery,
        claim: { by: event.data.claimedBy, until: event.data.claimedUntil },
      }));
    case 'NoticeDeliveryFailed':
      return updated(state, event.data.noticeId, (delivery) => ({
        ...delivery,
        failedAttempts: delivery.failedAttempts + 1,
        nextAttemptAt: event.data.nextAttemptAt,
        lastError: event.data.reason,
        claim: null,
      }));
    case 'NoticeDelivered':
      return updated(state, event.data.noticeId, (delivery) => ({
        ...delivery,
        status: 'delivered',
        nextAttemptAt: null,
        claim: null,
      }));
    case 'NoticeParked':
      return updated(state, event.data.noticeId, (delivery) => ({
        ...delivery,
        status: 'parked',
        nextAttemptAt: null,
        claim: null,
      }));
    case 'NoticeRedeliveryRequested':
      return updated(state, event.data.noticeId, (delivery) => ({
        ...delivery,
        status: 'pending',
        failedAttempts: 0,
        nextAttemptAt: event.data.requestedAt,
        claim: null,
      }));
    default:
      return assertNever(event, 'notice event');
  }
}
