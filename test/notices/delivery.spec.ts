import { noticeStreamId } from '@domain/notices';
import { SeededRandom } from '@libs/seeded-random';
import { NoticeDeliveryWorker, NoticeOperations, SERVICE_SIGNING_KEY } from '@libs/workflow';
import type { ServiceSigningKey } from '@libs/auth';
import { NOTICE_DELIVERY } from '@apps/composition-root';
import { SagaHarness } from '../saga/support/saga-harness';
import { hearAndConfirm, review, submitAndSign } from '../saga/support/scenario';
import { MisbehavingPortal, type Behaviour } from './support/misbehaving-portal';

const SEED = Number(process.env.KANDAS_TEST_SEED ?? 18);

/** A portal that misbehaves at random, about half the time, in every way a network can. */
function unreliable(random: () => number): () => Behaviour {
  return () => {
    const draw = random();
    if (draw < 0.5) return 'ok';
    if (draw < 0.65) return 'error';
    if (draw < 0.72) return 'hang';
    if (draw < 0.85) return 'drop';
    return 'lose-answer';
  };
}

async function startWith(next: () => Behaviour, maxAttempts: number) {
  const clock = () => h.clock.now();
  // The key is the service's own (made once beside the read models): the receiver needs its public half.
  let h = await SagaHarness.start({ random: new SeededRandom(SEED).next });
  const key = h.app.get<ServiceSigningKey>(SERVICE_SIGNING_KEY);
  const receiver = await MisbehavingPortal.start(key.publicKeyPem, clock, next);
  h = await h.restart({
    random: new SeededRandom(SEED).next,
    env: {
      KANDAS_PORTAL_NOTICES_URL: receiver.url,
      KANDAS_NOTICE_MAX_ATTEMPTS: String(maxAttempts),
      KANDAS_NOTICE_TIMEOUT_MS: '300',
    },
  });
  return { h, receiver };
}

describe('notices reach the personal cabinet through the outbox, exactly once in effect, in order', () => {
  it('against a portal that answers 500, hangs, drops the connection and loses its answers: every notice is applied once, in issue order per application', async () => {
    const random = new SeededRandom(SEED + 1).next;
    const { h, receiver } = await startWith(unreliable(random), 50);
    try {
      await h.openQuota('pavlodar', 2026, 'kandas', 977);
      const included = [];
      for (let i = 0; i < 5; i++) included.push(await submitAndSign(h));
      const refused = [];
      for (let i = 0; i < 5; i++) refused.push(await submitAndSign(h));
      await h.settle();
      h.clock.set('2026-03-10T06:00:00.000Z');
      for (const id of included) await review(h, id, 'eligible');
      for (const id of refused) {
        await review(h, id, 'not-eligible');
        await hearAndConfirm(h, id);
      }
      await h.settle();

      const worker = h.app.get<NoticeDeliveryWorker>(NOTICE_DELIVERY);
      let rounds = 0;
      let attempts = 0;
      for (; rounds < 200; rounds++) {
        const round = await worker.deliverDue();
        attempts += round.attempts;
        await h.settle();
        const pending = (await noticesOf(h, [...included, ...refused])).filter(
          (n) => n.delivery.status !== 'delivered',
        );
        if (pending.length === 0) break;
        h.clock.advance({ hours: 1 });
      }

      const operations = h.app.get(NoticeOperations);
      const issued = await noticesOf(h, [...included, ...refused]);
      for (const id of [...included, ...refused]) {
        const ofApplication = (await operations.ofApplication(id)).map((n) => n.noticeId);
        expect(receiver.portal.effectsOf(id).map((n) => n.noticeId)).toEqual(ofApplication);
      }
      expect(receiver.portal.effects.map((n) => n.kind).sort()).toEqual(
        [
          ...included.flatMap(() => ['application-accepted', 'review-started', 'application-included']),
          // A not-eligible review proposes the refusal (ADR 32): the applicant is told it and the hearing's
          // record before the final refusal.
          ...refused.flatMap(() => [
            'application-accepted',
            'review-started',
            'refusal-proposed',
            'hearing-recorded',
            'application-refused',
          ]),
        ].sort(),
      );
      expect(issued.every((n) => n.delivery.status === 'delivered')).toBe(true);
      expect(receiver.refused).toBe(0);
      expect(receiver.portal.duplicates).toBeGreaterThan(0);
      const failures = Object.entries(receiver.seen)
        .filter(([b]) => b !== 'ok')
        .reduce((n, [, c]) => n + c, 0);
      expect(failures).toBeGreaterThan(0);

      const figures = {
        seed: SEED,
        notices: issued.length,
        requestsSent: receiver.requests,
        attemptsRecorded: attempts,
        retries: receiver.requests - issued.length,
        answers: receiver.seen,
        duplicatesReceived: receiver.portal.duplicates,
        effectsApplied: receiver.portal.effects.length,
        rounds: rounds + 1,
      };
      console.log(`notice delivery against a misbehaving portal: ${JSON.stringify(figures)}`);
      expect(figures.effectsApplied).toBe(figures.notices);
    } finally {
      await receiver.close();
      await h.close();
    }
  }, 60_000);

  it('a notice refused on every attempt is parked after KANDAS_NOTICE_MAX_ATTEMPTS, the next one goes on, and an operator sends it back to be delivered', async () => {
    let behaviour: Behaviour = 'error';
    const { h, receiver } = await startWith(() => behaviour, 3);
    try {
      await h.openQuota('pavlodar', 2026, 'kandas', 977);
      const id = await submitAndSign(h);
      await h.settle();
      h.clock.set('2026-03-10T06:00:00.000Z');
      await h.apply({ type: 'StartReview', applicationId: id, reviewerId: 'reviewer-1' });
      await h.settle();
      const worker = h.app.get<NoticeDeliveryWorker>(NOTICE_DELIVERY);

      for (let round = 0; round < 3; round++) {
        await worker.deliverDue();
        await h.settle();
        h.clock.advance({ hours: 1 });
      }
      const [accepted] = await h.app.get(NoticeOperations).ofApplication(id);
      const ofAccepted = (await h.events(noticeStreamId(id))).filter(
        (e) => (e.data as { noticeId: string }).noticeId === accepted!.noticeId,
      );
      // Each attempt claimed before it is made (ADR 35), its failure recorded after.
      expect(ofAccepted.map((e) => e.type)).toEqual([
        'NoticeIssued',
        'NoticeDeliveryClaimed',
        'NoticeDeliveryFailed',
        'NoticeDeliveryClaimed',
        'NoticeDeliveryFailed',
        'NoticeDeliveryClaimed',
        'NoticeDeliveryFailed',
        'NoticeParked',
      ]);
      const failed = ofAccepted.filter((e) => e.type === 'NoticeDeliveryFailed');
      const waited = failed.map((e) => {
        const { nextAttemptAt, failedAt } = e.data as { nextAttemptAt: string | null; failedAt: string };
        return nextAttemptAt === null ? null : Date.parse(nextAttemptAt) - Date.parse(failedAt);
      });
      // Exponential with equal jitter: 2.5–5 s after the first failure, 5–10 s after the second; parked after the third.
      expect(waited[0]).toBeGreaterThanOrEqual(2_500);
      expect(waited[0]).toBeLessThanOrEqual(5_000);
      expect(waited[1]).toBeGreaterThanOrEqual(5_000);
      expect(waited[1]).toBeLessThanOrEqual(10_000);
      expect(waited[2]).toBeNull();

      // The acceptance notice is parked; the review-started one is not held behind it.
      behaviour = 'ok';
      await worker.deliverDue();
      await h.settle();
      expect(receiver.portal.effectsOf(id).map((n) => n.kind)).toEqual(['review-started']);

      const [parked] = await h.app.get(NoticeOperations).ofApplication(id);
      expect(parked!.delivery.status).toBe('parked');
      await h.app
        .get(NoticeOperations)
        .retry(parked!.noticeId, { id: 'operator-1', role: 'operator' }, 'retry-1-command', 'retry-1');
      await h.settle();
      await worker.deliverDue();
      await h.settle();
      expect(receiver.portal.effectsOf(id).map((n) => n.kind)).toEqual(['review-started', 'application-accepted']);
      expect((await h.app.get(NoticeOperations).ofApplication(id)).map((n) => n.delivery.status)).toEqual([
        'delivered',
        'delivered',
      ]);
    } finally {
      await receiver.close();
      await h.close();
    }
  }, 30_000);
});

async function noticesOf(h: SagaHarness, ids: readonly string[]) {
  const operations = h.app.get(NoticeOperations);
  return (await Promise.all(ids.map((id) => operations.ofApplication(id)))).flat();
}
