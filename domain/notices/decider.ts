import type { Instant } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import { decideClaim, type ClaimNoticeDelivery } from './delivery-claim';
import { NoticeError, NoticeErrorCode } from './errors';
import type { NoticeEvent, NoticeIssued } from './events';
import { evolveNoticeStream, initialNoticeStreamState, noticeIn, type NoticeStreamState } from './state';

/** Issue a notice: once per notice id (a redelivered cause issues nothing new). */
export interface IssueNotice {
  readonly type: 'IssueNotice';
  readonly applicationId: string;
  readonly notice: Omit<NoticeIssued['data'], 'issuedAt'>;
  readonly at: Instant;
}

/** An attempt failed; parked when it was the last one allowed. */
export interface RecordNoticeDeliveryFailure {
  readonly type: 'RecordNoticeDeliveryFailure';
  readonly applicationId: string;
  readonly noticeId: string;
  /** The instance whose claimed attempt failed: a claim since taken over makes its failure stale. */
  readonly claimant: string;
  readonly reason: string;
  readonly maxAttempts: number;
  /** When the next attempt may start, if one is left (the backoff is the caller's policy). */
  readonly nextAttemptAt: Instant;
  readonly at: Instant;
}

export interface RecordNoticeDelivered {
  readonly type: 'RecordNoticeDelivered';
  readonly applicationId: string;
  readonly noticeId: string;
  readonly status: number;
  readonly at: Instant;
}

export interface RequestNoticeRedelivery {
  readonly type: 'RequestNoticeRedelivery';
  readonly applicationId: string;
  readonly noticeId: string;
  readonly at: Instant;
}

export type { ClaimNoticeDelivery };

export type NoticeCommand =
  IssueNotice | ClaimNoticeDelivery | RecordNoticeDeliveryFailure | RecordNoticeDelivered | RequestNoticeRedelivery;

function pendingNotice(state: NoticeStreamState, noticeId: string) {
  const delivery = noticeIn(state, noticeId);
  if (!delivery) throw new NoticeError(NoticeErrorCode.NotFound, `No notice ${noticeId} in this stream`);
  return delivery;
}

export function decideNotice(command: NoticeCommand, state: NoticeStreamState): NoticeEvent[] {
  switch (command.type) {
    case 'IssueNotice':
      if (noticeIn(state, command.notice.noticeId)) return [];
      // Spreading a union loses which kind goes with which data; the command carried them together.
      return [{ type: 'NoticeIssued', data: { ...command.notice, issuedAt: command.at } as NoticeIssued['data'] }];
    case 'ClaimNoticeDelivery':
      return decideClaim(command, state);
    case 'RecordNoticeDeliveryFailure': {
      const delivery = pendingNotice(state, command.noticeId);
      // Only the attempt in flight fails: after a takeover the later claimant's outcome is the one that counts.
      if (delivery.status !== 'pending' || delivery.claim?.by !== command.claimant) return [];
      const { applicationId, noticeId, reason } = command;
      const attempt = delivery.failedAttempts + 1;
      const last = attempt >= command.maxAttempts;
      const failed: NoticeEvent = {
        type: 'NoticeDeliveryFailed',
        data: {
          noticeId,
          applicationId,
          attempt,
          reason,
          nextAttemptAt: last ? null : command.nextAttemptAt,
          failedAt: command.at,
        },
      };
      if (!last) return [failed];
      return [
        failed,
        { type: 'NoticeParked', data: { noticeId, applicationId, attempts: attempt, reason, parkedAt: command.at } },
      ];
    }
    case 'RecordNoticeDelivered': {
      const delivery = pendingNotice(state, command.noticeId);
      // Delivered already (a second worker, a redelivery after a crash): the portal's effect is one.
      if (delivery.status === 'delivered') return [];
      const { applicationId, noticeId, status } = command;
      const attempt = delivery.failedAttempts + 1;
      return [{ type: 'NoticeDelivered', data: { noticeId, applicationId, attempt, status, deliveredAt: command.at } }];
    }
    case 'RequestNoticeRedelivery': {
      const delivery = pendingNotice(state, command.noticeId);
      if (delivery.status !== 'parked')
        throw new NoticeError(
          NoticeErrorCode.NotParked,
          `Notice ${command.noticeId} is ${delivery.status}, not parked`,
        );
      const { applicationId, noticeId } = command;
      return [{ type: 'NoticeRedeliveryRequested', data: { noticeId, applicationId, requestedAt: command.at } }];
    }
    default:
      return assertNever(command, 'notice command');
  }
}

/** The notice stream of one application: the outbox its notices are delivered from, in order. */
export const noticeStreamDecider: Decider<NoticeCommand, NoticeEvent, NoticeStreamState> = {
  initialState: initialNoticeStreamState,
  evolve: evolveNoticeStream,
  decide: decideNotice,
};

export const NOTICE_STREAM_PREFIX = 'notices-';

export const noticeStreamId = (applicationId: string): string => `${NOTICE_STREAM_PREFIX}${applicationId}`;
