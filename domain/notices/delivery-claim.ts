import type { Instant } from '../shared/calendar-date';
import { NoticeError, NoticeErrorCode } from './errors';
import type { NoticeDeliveryClaimed } from './events';
import { noticeIn, type DeliveryClaim, type NoticeStreamState } from './state';

/**
 * Claim the next attempt at a notice, before the portal is called (ADR 35). Several instances of the
 * service run the delivery worker on one store; each would post the same notice. The claim is
 * appended at the revision the claimant loaded, so of two claimants only one is stored: the other
 * reloads, finds the claim, and is given nothing to send.
 */
export interface ClaimNoticeDelivery {
  readonly type: 'ClaimNoticeDelivery';
  readonly applicationId: string;
  readonly noticeId: string;
  /** The claiming instance (its id is kept in its read-models file, so a restart is the same instance). */
  readonly claimant: string;
  /** How long the claim keeps other instances off without an outcome: beyond the post's timeout. */
  readonly holdForMs: number;
  readonly at: Instant;
}

/**
 * The claim, or nothing when the notice is not the claimant's to send now: already delivered or
 * parked, behind an earlier notice of the application still owed (the order of issue is kept),
 * waiting for its next attempt, or claimed by another instance whose claim still holds. A claim of
 * the claimant's own is taken over at once: one process serves a read-models file, so a claim of
 * its own left without an outcome is a run that died.
 */
export function decideClaim(command: ClaimNoticeDelivery, state: NoticeStreamState): NoticeDeliveryClaimed[] {
  const { applicationId, noticeId, claimant, at } = command;
  const delivery = noticeIn(state, noticeId);
  if (!delivery) throw new NoticeError(NoticeErrorCode.NotFound, `No notice ${noticeId} in this stream`);
  const firstOwed = state.notices.find((notice) => notice.status === 'pending');
  if (firstOwed !== delivery) return [];
  if (delivery.nextAttemptAt !== null && Date.parse(delivery.nextAttemptAt) > Date.parse(at)) return [];
  if (heldByAnother(delivery.claim, claimant, at)) return [];
  const claimedUntil = new Date(Date.parse(at) + command.holdForMs).toISOString();
  return [
    {
      type: 'NoticeDeliveryClaimed',
      data: {
        noticeId,
        applicationId,
        attempt: delivery.failedAttempts + 1,
        claimedBy: claimant,
        claimedAt: at,
        claimedUntil,
      },
    },
  ];
}

/** True when another instance's claim still keeps `claimant` off at `at`. */
function heldByAnother(claim: DeliveryClaim | null, claimant: string, at: Instant): boolean {
  return claim !== null && claim.by !== claimant && Date.parse(claim.until) > Date.parse(at);
}
