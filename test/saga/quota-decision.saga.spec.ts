import { SagaHarness } from './support/saga-harness';
import { confirmAfterHearingWindow, family, proposalOf, review, submitAndSign } from './support/scenario';

describe('review saga: from the review to the decision and the subsidies', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
  });
  afterEach(() => h.close());

  it('eligible → seats for the whole family → inclusion → relocation and rent subsidies at the 2026 MCI', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const id = await submitAndSign(h);
    await h.settle();
    h.clock.set('2026-03-10T06:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();

    expect((await h.quotaEvents('pavlodar', 2026, 'kandas')).map((e) => [e.type, e.data])).toEqual([
      ['QuotaCapacitySet', expect.objectContaining({ capacity: 977 })],
      ['SeatsReserved', expect.objectContaining({ applicationId: id, persons: 3, seatsTaken: 3, remaining: 974 })],
    ]);
    const events = await h.events(`application-${id}`);
    expect(events.map((e) => e.type)).toEqual([
      'ApplicationSubmitted',
      'SigningCodeIssued',
      'ApplicationSigned',
      'ReviewDeadlineScheduled',
      'HearingNoticeDeadlineScheduled',
      'ReviewStarted',
      'ApplicationReviewed',
      'ApplicationIncluded',
      'SubsidyGranted',
      'SubsidyGranted',
    ]);
    const included = events.find((e) => e.type === 'ApplicationIncluded')!;
    expect(included.data).toMatchObject({ persons: 3, late: false, decision: { date: '2026-03-10' } });
    const subsidies = events.filter((e) => e.type === 'SubsidyGranted').map((e) => e.data);
    expect(subsidies).toEqual([
      expect.objectContaining({
        kind: 'relocation',
        amount: 70 * 4325 * 3,
        mci: { value: 4325, year: 2026, validFrom: '2026-01-01' },
      }),
      expect.objectContaining({ kind: 'rent', amount: 20 * 4325 * 12 }),
    ]);
    // Each step says who caused it: the saga, in reaction to the event before.
    expect(included.metadata).toMatchObject({
      actor: { id: 'review-saga', role: 'system' },
      correlationId: expect.any(String),
    });
  });

  it('not eligible → a refusal proposed on the reviewer’s grounds, the applicant heard, then refused; no seat taken', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const id = await submitAndSign(h);
    await review(h, id, 'not-eligible');
    await h.settle();
    expect(await h.typesOf(id)).not.toContain('ApplicationRefused');
    expect(await proposalOf(h, id)).toMatchObject({ grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'] });
    await confirmAfterHearingWindow(h, id);
    const refused = (await h.events(`application-${id}`)).find((e) => e.type === 'ApplicationRefused');
    expect(refused?.data).toMatchObject({
      grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
      explanation: expect.stringContaining('passport copy unreadable'),
    });
    expect((await h.quotaEvents('pavlodar', 2026, 'kandas')).map((e) => e.type)).toEqual(['QuotaCapacitySet']);
  });

  it('a quota that cannot hold the family → a refusal proposed on the quota-exhausted ground, explained, then confirmed', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 2);
    const id = await submitAndSign(h);
    await review(h, id, 'eligible');
    await h.settle();
    expect(await h.events(`application-${id}`)).toContainEqual(
      expect.objectContaining({
        type: 'RefusalProposed',
        data: expect.objectContaining({ source: 'quota', seats: { remaining: 2, persons: 3 } }),
      }),
    );
    await confirmAfterHearingWindow(h, id);
    const refused = (await h.events(`application-${id}`)).find((e) => e.type === 'ApplicationRefused');
    expect(refused?.data).toMatchObject({
      grounds: ['QUOTA_EXHAUSTED'],
      explanation: 'The kandas quota of pavlodar for 2026 has 2 seat(s) left; the family counts 3',
    });
    expect((await h.quotaEvents('pavlodar', 2026, 'kandas')).map((e) => e.type)).toEqual([
      'QuotaCapacitySet',
      'SeatReservationDeclined',
    ]);
  });

  it('two applications racing for the last seats: exactly one gets them, the other is proposed a refusal', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 4);
    const [a, b] = [await submitAndSign(h), await submitAndSign(h)];
    await Promise.all([review(h, a, 'eligible', 'reviewer-a'), review(h, b, 'eligible', 'reviewer-b')]);
    await h.settle();
    const outcomes = await Promise.all(
      [a, b].map(async (id) =>
        (await h.typesOf(id)).find((t) => t === 'ApplicationIncluded' || t === 'RefusalProposed'),
      ),
    );
    expect(outcomes.sort()).toEqual(['ApplicationIncluded', 'RefusalProposed']);
    const quota = await h.quotaEvents('pavlodar', 2026, 'kandas');
    expect(quota.filter((e) => e.type === 'SeatsReserved')).toHaveLength(1);
    expect(quota.at(-1)!.data).toMatchObject({ remaining: 1 });
  });

  it('a withdrawal racing the inclusion gives the reserved seats back, and the inclusion decides nothing', async () => {
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const id = await submitAndSign(h, family());
    await h.settle();
    const saga = h.runners.find((runner) => runner.name === 'review-saga')!;
    await saga.stop(); // the review and the withdrawal are both stored before the saga sees either
    await review(h, id, 'eligible');
    await h.apply(
      { type: 'WithdrawApplication', applicationId: id, reason: 'The family stays' },
      { id: 'egov', role: 'portal' },
    );
    await saga.start();
    await h.settle();

    expect((await h.typesOf(id)).slice(-2)).toEqual(['ApplicationReviewed', 'ApplicationWithdrawn']);
    const quota = await h.quotaEvents('pavlodar', 2026, 'kandas');
    expect(quota.map((e) => e.type)).toEqual(['QuotaCapacitySet', 'SeatsReserved', 'SeatsReleased']);
    expect(quota.at(-1)!.data).toMatchObject({ applicationId: id, persons: 3, seatsTaken: 0, remaining: 977 });
  });
});
