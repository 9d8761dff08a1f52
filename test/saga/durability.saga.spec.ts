import { CHECKPOINT_STORE } from '@libs/event-sourcing-nest';
import type { CheckpointStore } from '@libs/event-sourcing';
import { DurableSagaRunner } from '@libs/event-sourcing-nest';
import { SagaHarness } from './support/saga-harness';
import { confirmAfterHearingWindow, family, review, submitAndSign } from './support/scenario';

/** Every path at least once: included, refused as not eligible, refused for want of seats, breached and escalated, withdrawn. */
async function everyPath(h: SagaHarness): Promise<void> {
  await h.openQuota('pavlodar', 2026, 'kandas', 5);
  const [included, notEligible, noSeats, late, withdrawn] = [
    await submitAndSign(h),
    await submitAndSign(h),
    await submitAndSign(h),
    await submitAndSign(h),
    await submitAndSign(h, family()),
  ];
  await h.settle();
  await review(h, included, 'eligible');
  await review(h, notEligible, 'not-eligible');
  await h.settle();
  await review(h, noSeats, 'eligible');
  await h.apply(
    { type: 'WithdrawApplication', applicationId: withdrawn, reason: 'The family stays' },
    { id: 'egov', role: 'portal' },
  );
  await h.settle();
  // Refusals are proposed, the applicants not heard, and confirmed once the hearings' time ran out (ADR 32).
  await confirmAfterHearingWindow(h, notEligible);
  await confirmAfterHearingWindow(h, noSeats);
  await h.advanceTo('2026-03-27T05:00:00.000Z');
  await review(h, late, 'not-eligible');
  await h.settle();
  await confirmAfterHearingWindow(h, late);
}

const typesOf = async (h: SagaHarness) => (await h.allEvents()).map((e) => `${e.streamId.split('-')[0]}:${e.type}`);

describe('review saga: exactly-once effects on at-least-once delivery', () => {
  let h: SagaHarness;
  afterEach(() => h.close());

  it('replaying the whole history from position 0 through every consumer adds no event', async () => {
    h = await SagaHarness.start();
    await everyPath(h);
    const before = await typesOf(h);
    expect(
      before.filter(
        (t) =>
          t.endsWith('ApplicationIncluded') ||
          t.endsWith('ApplicationRefused') ||
          t.endsWith('ReviewEscalated') ||
          t.endsWith('SubsidyGranted'),
      ),
    ).toHaveLength(1 + 3 + 1 + 2);

    const checkpoints = h.app.get<CheckpointStore>(CHECKPOINT_STORE);
    for (const runner of h.runners) await checkpoints.reset(runner.name);
    h = await h.restart();
    await h.settle();
    await h.advanceTo('2026-04-30T05:00:00.000Z');

    expect(await typesOf(h)).toEqual(before);
  });

  it('a crash between the saga’s append and its checkpoint redelivers the event, and nothing is done twice', async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const id = await submitAndSign(h);
    await h.settle();
    const saga = h.runners.find((runner) => runner.name === 'review-saga')!;
    await saga.stop();
    await review(h, id, 'eligible');
    const reviewed = (await h.events(`application-${id}`)).find((e) => e.type === 'ApplicationReviewed')!;
    const checkpoints = h.app.get<CheckpointStore>(CHECKPOINT_STORE);
    const commit = checkpoints.commit.bind(checkpoints);
    jest.spyOn(checkpoints, 'commit').mockImplementation(async (consumer, position, work) => {
      if (consumer === 'review-saga' && position >= reviewed.position)
        throw new Error('the process died before the checkpoint was written');
      return commit(consumer, position, work);
    });
    await saga.start();
    await expect(saga.waitFor(reviewed.position)).rejects.toThrow('the process died');
    // The saga's command was appended (seats reserved), but its checkpoint still points before the review.
    expect((await h.quotaEvents('pavlodar', 2026, 'kandas')).map((e) => e.type)).toEqual([
      'QuotaCapacitySet',
      'SeatsReserved',
    ]);
    expect(await checkpoints.load('review-saga')).toBeLessThan(reviewed.position);

    h = await h.restart();
    await h.settle();
    const types = await h.typesOf(id);
    expect(types.filter((t) => t === 'ApplicationIncluded')).toHaveLength(1);
    expect(types.filter((t) => t === 'SubsidyGranted')).toHaveLength(2);
    expect((await h.quotaEvents('pavlodar', 2026, 'kandas')).filter((e) => e.type === 'SeatsReserved')).toHaveLength(1);
  });

  it('the same event delivered twice has one effect', async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const id = await submitAndSign(h);
    await review(h, id, 'eligible');
    await h.settle();
    const included = (await h.events(`application-${id}`)).find((e) => e.type === 'ApplicationIncluded')!;
    const head = await h.head();

    const saga = h.app.get(DurableSagaRunner);
    await saga.handle(included);
    await saga.handle(included);

    expect(await h.head()).toBe(head);
  });
});
