import { complaintLawOf } from '@domain/review-process';
import { supportStreamId, type SupportOpened, type SupportStopped } from '@domain/support';
import { LAW_IN_FORCE, type LawInForce } from '@libs/workflow';
import { SagaHarness } from './support/saga-harness';
import { arrive, family, review, submitAndSign } from './support/scenario';

const PORTAL = { id: 'egov', role: 'portal' };

/**
 * The family arrives after its inclusion (ADR 33): the saga opens its support stream with the schedule
 * of the calendar in force — once, however often the arrival is redelivered.
 */
describe('review saga: the support opens on the family’s arrival', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
  });
  afterEach(() => h.close());

  it('an included family arrives: its support opens with the relocation payment and twelve rent instalments', async () => {
    h.clock.set('2026-03-02T05:00:00.000Z');
    const id = await submitAndSign(h, family());
    await h.settle();
    await review(h, id, 'eligible');
    await h.settle();
    expect((await h.typesOf(id)).slice(-3)).toEqual(['ApplicationIncluded', 'SubsidyGranted', 'SubsidyGranted']);

    h.clock.set('2026-04-02T06:00:00.000Z');
    await arrive(h, id, { arrivedOn: '2026-03-28' });
    await arrive(h, id, { arrivedOn: '2026-03-28' }); // the portal sends it again: nothing new anywhere

    expect((await h.typesOf(id)).filter((type) => type === 'FamilyArrived')).toHaveLength(1);
    const support = await h.events(supportStreamId(id));
    expect(support.map((e) => e.type)).toEqual(['SupportOpened']);
    const opened = support[0]!.data as SupportOpened['data'];
    expect(opened).toMatchObject({ applicationId: id, persons: expect.any(Number), termsVersion: '1' });
    expect(opened.schedule.map((i) => [i.key, i.dueOn])).toEqual([
      ['relocation', '2026-03-30'],
      ['rent-01', '2026-04-10'],
      ['rent-02', '2026-05-12'], // Sunday the 10th, then Victory Day (Saturday the 9th) moved to Monday the 11th
      ['rent-03', '2026-06-10'],
      ['rent-04', '2026-07-10'],
      ['rent-05', '2026-08-10'],
      ['rent-06', '2026-09-10'],
      ['rent-07', '2026-10-12'],
      ['rent-08', '2026-11-10'],
      ['rent-09', '2026-12-10'],
      ['rent-10', '2027-01-11'],
      ['rent-11', '2027-02-10'],
      ['rent-12', '2027-03-10'],
    ]);
    expect(support[0]!.metadata.causationId).toBeDefined();
  });

  it('an inclusion revoked after the relocation was paid: the rest stops, the paid amount is listed for recovery', async () => {
    h.clock.set('2026-03-02T05:00:00.000Z');
    const id = await submitAndSign(h, family());
    await h.settle();
    await review(h, id, 'eligible');
    await h.settle();
    h.clock.set('2026-04-02T06:00:00.000Z');
    await arrive(h, id, { arrivedOn: '2026-04-01' }, 'officer');
    await h.advanceTo('2026-04-02T07:00:00.000Z'); // the relocation payment was due on the 1st
    const [relocation] = (await h.events(supportStreamId(id))).filter((e) => e.type === 'PaymentOrderIssued');
    const orderId = (relocation!.data as { orderId: string; amount: number }).orderId;
    await h.applyToSupport({
      type: 'RecordPaymentPaid',
      applicationId: id,
      orderId,
      paidOn: '2026-04-03',
      bankReference: 'HB-1',
    });

    h.clock.set('2026-04-06T05:00:00.000Z');
    await h.apply(
      {
        type: 'FileComplaint',
        applicationId: id,
        complaintId: 'c-1',
        against: 'inclusion-amounts',
        text: 'The family counts four, not three',
        law: complaintLawOf(h.app.get<LawInForce>(LAW_IN_FORCE).current()),
      },
      PORTAL,
    );
    await h.apply(
      {
        type: 'SatisfyComplaint',
        applicationId: id,
        complaintId: 'c-1',
        remedy: 'return-to-review',
        reason: 'The family is to be reviewed again',
        supervisorId: 'supervisor-1',
      },
      { id: 'supervisor-1', role: 'supervisor' },
    );
    await h.settle();
    await h.advanceTo('2026-06-01T05:00:00.000Z');

    const support = await h.events(supportStreamId(id));
    expect(support.map((e) => e.type)).toEqual([
      'SupportOpened',
      'PaymentOrderIssued',
      'PaymentPaid',
      'SupportStopped',
    ]);
    const stopped = support.at(-1)!.data as SupportStopped['data'];
    const paid = (relocation!.data as { amount: number }).amount;
    expect(stopped).toMatchObject({
      reason: 'inclusion-revoked',
      effectiveOn: '2026-04-06',
      cancelledInstalments: Array.from({ length: 12 }, (_, k) => `rent-${String(k + 1).padStart(2, '0')}`),
      cancelledOrders: [],
      recovery: { scope: 'all-paid', items: [expect.objectContaining({ orderId, amount: paid })], total: paid },
    });
  });
});
