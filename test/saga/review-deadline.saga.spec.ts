import { DeadlineScheduler } from '@libs/workflow';
import { SagaHarness, START } from './support/saga-harness';
import { review, submitAndSign } from './support/scenario';

/**
 * The review's own clock, without the hearing notice's deadline that runs beside it (ADR 32; its
 * saga tests are test/saga/hearing-and-complaint.saga.spec.ts).
 */
const reviewClock = (types: string[]) => types.filter((type) => !type.startsWith('HearingNotice'));

describe('review saga: the SLA clock', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
  });
  afterEach(() => h.close());

  const deadlineOf = async (id: string) => {
    const events = await h.events(`application-${id}`);
    return events.find((e) => e.type === 'ReviewDeadlineScheduled')?.data;
  };

  it('schedules the deadline once, at signing: 14 working days after acceptance, pushed by 9 March and Nauryz', async () => {
    const id = await submitAndSign(h); // Mon 2 Mar 2026, 10:00 Astana: accepted that day
    await h.settle();
    // Without holidays the 14th working day would be Fri 20 Mar; the day off for 8 March (Mon 9 Mar)
    // and Nauryz (23–25 Mar) push it to Thu 26 Mar. At risk 3 working days before: Wed 18 Mar.
    expect(await deadlineOf(id)).toEqual({
      applicationId: id,
      acceptedOn: '2026-03-02',
      dueOn: '2026-03-26',
      dueAt: '2026-03-26T13:30:00.000Z',
      atRiskOn: '2026-03-18',
      atRiskAt: '2026-03-18T13:30:00.000Z',
      calendarVersion: expect.stringContaining('2026.2'),
      calendarProvisional: false,
    });
    await h.settle();
    expect((await h.typesOf(id)).filter((t) => t === 'ReviewDeadlineScheduled')).toHaveLength(1);
  });

  it('accepts an application signed after working hours on the next working day', async () => {
    h.clock.set('2026-03-06T14:00:00.000Z'); // Fri 6 Mar, 19:00 in Astana: after 18:30
    const id = await submitAndSign(h);
    await h.settle();
    // Next working day: Tue 10 Mar (Mon 9 Mar is the day off for 8 March).
    expect(await deadlineOf(id)).toMatchObject({ acceptedOn: '2026-03-10', dueOn: '2026-04-02' });
  });

  it('warns when the at-risk point passes with no decision, and only then', async () => {
    const id = await submitAndSign(h);
    await h.settle();
    await h.advanceTo('2026-03-18T13:29:59.000Z');
    expect(await h.typesOf(id)).not.toContain('ReviewSlaAtRisk');
    await h.advanceTo('2026-03-18T13:30:00.000Z');
    expect(reviewClock(await h.typesOf(id))).toEqual([
      'ApplicationSubmitted',
      'SigningCodeIssued',
      'ApplicationSigned',
      'ReviewDeadlineScheduled',
      'ReviewSlaAtRisk',
    ]);
  });

  it('records the breach at the due instant and moves the review to the supervisors, once', async () => {
    const id = await submitAndSign(h);
    await h.settle();
    await h.advanceTo('2026-03-26T13:30:01.000Z');
    await h.advanceTo('2026-03-27T05:00:00.000Z');
    expect(reviewClock(await h.typesOf(id))).toEqual([
      'ApplicationSubmitted',
      'SigningCodeIssued',
      'ApplicationSigned',
      'ReviewDeadlineScheduled',
      'ReviewSlaAtRisk',
      'ReviewSlaBreached',
      'ReviewEscalated',
    ]);
    const escalated = (await h.events(`application-${id}`)).find((e) => e.type === 'ReviewEscalated')!;
    expect(escalated.metadata).toMatchObject({ actor: { id: 'review-saga', role: 'system' } });
  });

  it('a decision cancels what is pending: nothing fires after it', async () => {
    const id = await submitAndSign(h);
    await h.settle();
    h.clock.set('2026-03-05T06:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();
    await h.advanceTo('2026-04-30T00:00:00.000Z');
    const types = await h.typesOf(id);
    expect(types).toContain('ApplicationIncluded');
    expect(types.filter((t) => t.startsWith('ReviewSla') || t === 'ReviewEscalated')).toEqual([]);
  });

  it('a decision after the due instant records that it was late', async () => {
    const id = await submitAndSign(h);
    await h.settle();
    await h.advanceTo('2026-03-27T05:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();
    const included = (await h.events(`application-${id}`)).find((e) => e.type === 'ApplicationIncluded');
    expect(included?.data).toMatchObject({
      late: true,
      dueAt: '2026-03-26T13:30:00.000Z',
      decidedAt: '2026-03-27T05:00:00.000Z',
    });
  });

  it('fires a deadline twice (two ticks before the read model moves) with no second effect', async () => {
    const id = await submitAndSign(h);
    await h.settle();
    const deadlines = h.runners.find((runner) => runner.name === 'pending-deadlines')!;
    await deadlines.stop(); // the read model will not see the first firing before the second tick
    h.clock.set('2026-03-18T14:00:00.000Z');
    const scheduler = h.app.get(DeadlineScheduler);
    // The review's at-risk point, and the hearing notice's warning and last instant (ADR 32).
    expect(await scheduler.fireDue()).toBe(3);
    expect(await scheduler.fireDue()).toBe(3);
    await deadlines.start();
    await h.settle();
    expect(await scheduler.fireDue()).toBe(0);
    expect((await h.typesOf(id)).filter((t) => t === 'ReviewSlaAtRisk')).toHaveLength(1);
  });

  it('keeps pending deadlines across a restart: they live in the store and its read model, not in timers', async () => {
    expect(h.clock.now().toISOString()).toBe(START);
    const id = await submitAndSign(h);
    await h.settle();
    h = await h.restart();
    await h.advanceTo('2026-03-26T13:30:00.000Z');
    expect(reviewClock(await h.typesOf(id)).slice(-3)).toEqual([
      'ReviewSlaAtRisk',
      'ReviewSlaBreached',
      'ReviewEscalated',
    ]);
  });
});
