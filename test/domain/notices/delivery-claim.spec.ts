import { noticeStreamDecider, type NoticeEvent, type NoticeIssued } from '@domain/notices';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID as id, DEADLINE } from '../application/fixtures';

/**
 * ADR 35: every instance of the service runs the delivery worker on one store; a notice is posted
 * only by the instance whose claim the stream holds.
 */
describe('claiming a notice’s delivery: one instance posts it', () => {
  const stream = deciderSpecification(noticeStreamDecider);
  const at = '2026-03-02T05:00:00.000Z';
  /** A minute and ten seconds: the post's timeout and the margin, as the service sets it. */
  const holdForMs = 70_000;
  const until = '2026-03-02T05:01:10.000Z';
  const issued = (noticeId: string): NoticeIssued => ({
    type: 'NoticeIssued',
    data: {
      noticeId,
      applicationId: id,
      cause: { eventId: `cause-${noticeId}`, type: 'ReviewDeadlineScheduled' },
      kind: 'application-accepted',
      data: { acceptedOn: DEADLINE.acceptedOn, dueOn: DEADLINE.dueOn, dueAt: DEADLINE.dueAt },
      template: { id: 'application-accepted', version: 1 },
      texts: { kk: 'kk', ru: 'ru' },
      recipient: { channel: 'personal-cabinet', submittedBy: { id: 'egov', role: 'portal' } },
      issuedAt: at,
    },
  });
  const claim = (claimant: string, when = at, noticeId = 'n-1') =>
    ({ type: 'ClaimNoticeDelivery', applicationId: id, noticeId, claimant, holdForMs, at: when }) as const;
  const claimed = (claimedBy: string, attempt = 1, claimedAt = at, claimedUntil = until): NoticeEvent => ({
    type: 'NoticeDeliveryClaimed',
    data: { noticeId: 'n-1', applicationId: id, attempt, claimedBy, claimedAt, claimedUntil },
  });
  const failed: NoticeEvent = {
    type: 'NoticeDeliveryFailed',
    data: {
      noticeId: 'n-1',
      applicationId: id,
      attempt: 1,
      reason: 'HTTP 500',
      nextAttemptAt: '2026-03-02T05:00:05.000Z',
      failedAt: at,
    },
  };

  it('claims the first notice owed, for as long as the post may take, naming the attempt', () => {
    stream
      .given([issued('n-1')])
      .when(claim('instance-a'))
      .then([claimed('instance-a')]);
  });

  it('refuses a second instance while the claim holds, and lets it take the notice over once it has expired', () => {
    stream
      .given([issued('n-1'), claimed('instance-a')])
      .when(claim('instance-b'))
      .thenNothingHappened();
    const expired = '2026-03-02T05:01:10.001Z';
    stream
      .given([issued('n-1'), claimed('instance-a')])
      .when(claim('instance-b', expired))
      .then([claimed('instance-b', 1, expired, '2026-03-02T05:02:20.001Z')]);
  });

  it('lets an instance take over its own claim at once: a restart finds the claim of the run that died', () => {
    stream
      .given([issued('n-1'), claimed('instance-a')])
      .when(claim('instance-a'))
      .then([claimed('instance-a')]);
  });

  it('claims nothing delivered, nothing before its next attempt, and nothing behind an earlier notice still owed', () => {
    const delivered: NoticeEvent = {
      type: 'NoticeDelivered',
      data: { noticeId: 'n-1', applicationId: id, attempt: 1, status: 200, deliveredAt: at },
    };
    stream
      .given([issued('n-1'), claimed('instance-a'), delivered])
      .when(claim('instance-b'))
      .thenNothingHappened();
    stream
      .given([issued('n-1'), claimed('instance-a'), failed])
      .when(claim('instance-b'))
      .thenNothingHappened();
    stream
      .given([issued('n-1'), claimed('instance-a'), failed])
      .when(claim('instance-b', '2026-03-02T05:00:05.000Z'))
      .then([claimed('instance-b', 2, '2026-03-02T05:00:05.000Z', '2026-03-02T05:01:15.000Z')]);
    stream
      .given([issued('n-1'), issued('n-2')])
      .when(claim('instance-a', at, 'n-2'))
      .thenNothingHappened();
    stream.given([]).when(claim('instance-a')).thenThrows({ code: 'NOTICE.NOT_FOUND' });
  });

  it('records the failure of the attempt in flight only: a claimant taken over by another records nothing', () => {
    const failure = {
      type: 'RecordNoticeDeliveryFailure',
      applicationId: id,
      noticeId: 'n-1',
      reason: 'timeout',
      maxAttempts: 8,
      nextAttemptAt: '2026-03-02T05:02:30.000Z',
      at: '2026-03-02T05:02:25.000Z',
    } as const;
    const takenOver = claimed('instance-b', 1, '2026-03-02T05:01:20.000Z', '2026-03-02T05:02:30.000Z');
    stream
      .given([issued('n-1'), claimed('instance-a'), takenOver])
      .when({ ...failure, claimant: 'instance-a' })
      .thenNothingHappened();
    stream
      .given([issued('n-1'), claimed('instance-a'), takenOver])
      .when({ ...failure, claimant: 'instance-b' })
      .then([
        {
          type: 'NoticeDeliveryFailed',
          data: {
            noticeId: 'n-1',
            applicationId: id,
            attempt: 1,
            reason: 'timeout',
            nextAttemptAt: failure.nextAttemptAt,
            failedAt: failure.at,
          },
        },
      ]);
  });
});
