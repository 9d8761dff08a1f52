import { MCI_TABLE, type MciRow } from '@domain/subsidy';
import { PAYMENT_TERMS_V1, supportStreamId, type PaymentOrderIssued, type SupportStopped } from '@domain/support';
import { defaultWorkflowConfig } from '@libs/workflow';
import { AmendableLaw, amendMci } from '../support/amendable-law';
import { SagaHarness, type HarnessOptions } from '../support/saga-harness';
import { arrive, family, review, submitAndSign, TEST_IBAN } from '../support/scenario';

/** FACTS: the 2027 MCI is not published; the test records one of its own, as an administrator will. */
export const MCI_2027_OF_THIS_TEST: MciRow = { validFrom: '2027-01-01', value: 4500 };
export const IBAN = TEST_IBAN;
export const CORRECTED_IBAN = 'KZ75125KZT2069100100';

/** The orders of a family's support, in the order issued. */
export async function ordersOf(h: SagaHarness, id: string): Promise<PaymentOrderIssued['data'][]> {
  return (await h.events(supportStreamId(id)))
    .filter((e) => e.type === 'PaymentOrderIssued')
    .map((e) => e.data as PaymentOrderIssued['data']);
}

export interface YearOfSupport {
  readonly h: SagaHarness;
  readonly id: string;
  /** What the scenario saw on the way, each at the instant the calendar gave. */
  readonly seen: {
    readonly ordersBeforeArrival: number;
    readonly waitingForTheMci: number;
    readonly rentBeforeVictoryDayMoved: readonly string[];
    readonly stop: SupportStopped['data'];
    readonly ordersAfterStop: number;
  };
}

/**
 * A year of one family's support with the clock moved by hand (issue 21): included in March 2026,
 * arrived on Friday 20 November, registered on Saturday the 21st; the relocation payment on Monday
 * the 23rd, rent from 10 December; January waits for the 2027 MCI, then pays with it; January's
 * payment comes back, the account is corrected and it is paid again; May's due day is Victory Day
 * moved to Monday the 10th, so it is paid on the 11th; the family leaves in June — month 7 — and
 * everything after stops.
 */
export async function yearOfSupport(options: HarnessOptions = {}): Promise<YearOfSupport> {
  const law = new AmendableLaw(defaultWorkflowConfig());
  const h = await SagaHarness.start({ ...options, law });
  await h.openQuota('pavlodar', 2026, 'kandas', 977);
  h.clock.set('2026-03-02T05:00:00.000Z');
  const id = await submitAndSign(h, family());
  await h.settle();
  await review(h, id, 'eligible');
  await h.settle();

  h.clock.set('2026-11-21T08:00:00.000Z');
  await arrive(h, id, { arrivedOn: '2026-11-20', registeredOn: '2026-11-21' });
  await h.advanceTo('2026-11-22T18:59:59.000Z'); // Sunday evening in Astana: nothing is due yet
  const ordersBeforeArrival = (await ordersOf(h, id)).length;

  const pay = async (orderId: string, paidOn: string) => {
    await h.applyToSupport({
      type: 'RecordPaymentPaid',
      applicationId: id,
      orderId,
      paidOn,
      bankReference: `HB-${orderId}`,
    });
    await h.settle();
  };
  const last = async () => (await ordersOf(h, id)).at(-1)!;

  await h.advanceTo('2026-11-23T04:00:00.000Z'); // Monday 09:00 in Astana
  await pay((await last()).orderId, '2026-11-24');
  await h.advanceTo('2026-12-10T04:00:00.000Z');
  await pay((await last()).orderId, '2026-12-11');

  // January 2027: due on Monday the 11th, and no 2027 MCI recorded — the order waits for it.
  await h.advanceTo('2027-01-11T04:00:00.000Z');
  const waitingForTheMci = (await ordersOf(h, id)).length;
  await amendMci(h, law, [...MCI_TABLE, MCI_2027_OF_THIS_TEST], MCI_2027_OF_THIS_TEST);
  await h.advanceTo('2027-01-11T05:00:00.000Z');
  const january = await last();
  h.clock.set('2027-01-14T05:00:00.000Z');
  await h.applyToSupport({
    type: 'RecordPaymentReturned',
    applicationId: id,
    orderId: january.orderId,
    returnedOn: '2027-01-14',
    reason: 'The account is closed',
  });
  await h.applyToSupport({ type: 'CorrectRecipient', applicationId: id, iban: CORRECTED_IBAN });
  await h.applyToSupport({
    type: 'ReissuePaymentOrder',
    applicationId: id,
    orderId: january.orderId,
    terms: PAYMENT_TERMS_V1,
  });
  await h.settle();
  await pay((await last()).orderId, '2027-01-15');

  for (const instant of ['2027-02-10T04:00:00.000Z', '2027-03-10T04:00:00.000Z', '2027-04-12T04:00:00.000Z']) {
    await h.advanceTo(instant);
    await pay((await last()).orderId, instant.slice(0, 10));
  }
  await h.advanceTo('2027-05-10T18:00:00.000Z'); // Monday the 10th, a day off: May's rent is not due
  const rentBeforeVictoryDayMoved = (await ordersOf(h, id)).map((order) => order.instalment);
  await h.advanceTo('2027-05-11T04:00:00.000Z');
  await pay((await last()).orderId, '2027-05-11');

  // Month 7: June's order is issued, then the family leaves the region before the bank pays it.
  await h.advanceTo('2027-06-10T04:00:00.000Z');
  h.clock.set('2027-06-15T05:00:00.000Z');
  await h.applyToSupport({
    type: 'StopSupport',
    applicationId: id,
    reason: 'departed',
    effectiveOn: '2027-06-01',
    terms: PAYMENT_TERMS_V1,
  });
  await h.settle();
  const stop = (await h.events(supportStreamId(id))).at(-1)!.data as SupportStopped['data'];
  const ordersBefore = (await ordersOf(h, id)).length;
  await h.advanceTo('2027-12-01T04:00:00.000Z');
  const ordersAfterStop = (await ordersOf(h, id)).length - ordersBefore;
  return { h, id, seen: { ordersBeforeArrival, waitingForTheMci, rentBeforeVictoryDayMoved, stop, ordersAfterStop } };
}
