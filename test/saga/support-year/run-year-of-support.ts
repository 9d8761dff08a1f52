import { supportStreamId } from '@domain/support';
import { CORRECTED_IBAN, IBAN, ordersOf, type YearOfSupport } from './year-of-support';

/** The year's specification, the same on every store. */
export function runYearOfSupport(scenario: () => Promise<YearOfSupport>): void {
  let year: YearOfSupport;
  beforeAll(async () => {
    year = await scenario();
  }, 120_000);
  afterAll(() => year?.h.close());

  it('orders nothing before the relocation payment’s working day, then each instalment on its day', async () => {
    expect(year.seen.ordersBeforeArrival).toBe(0);
    const orders = await ordersOf(year.h, year.id);
    expect(orders.map((o) => [o.instalment, o.dueOn, o.issuedAt])).toEqual([
      ['relocation', '2026-11-23', '2026-11-23T04:00:00.000Z'],
      ['rent-01', '2026-12-10', '2026-12-10T04:00:00.000Z'],
      ['rent-02', '2027-01-11', '2027-01-11T05:00:00.000Z'],
      ['rent-02', '2027-01-11', '2027-01-14T05:00:00.000Z'],
      ['rent-03', '2027-02-10', '2027-02-10T04:00:00.000Z'],
      ['rent-04', '2027-03-10', '2027-03-10T04:00:00.000Z'],
      ['rent-05', '2027-04-12', '2027-04-12T04:00:00.000Z'],
      ['rent-06', '2027-05-11', '2027-05-11T04:00:00.000Z'],
      ['rent-07', '2027-06-10', '2027-06-10T04:00:00.000Z'],
    ]);
  });

  it('pays across the new year with two MCIs: 2026’s until December, the 2027 one once recorded', async () => {
    expect(year.seen.waitingForTheMci).toBe(2); // the relocation payment and December's: January waits
    const orders = await ordersOf(year.h, year.id);
    const persons = orders[0]!.basis.kind === 'relocation' ? orders[0]!.basis.persons : 0;
    expect(orders[0]).toMatchObject({ amount: 70 * persons * 4325, mci: { value: 4325 } });
    const rate = orders[1]!.basis.kind === 'rent' ? orders[1]!.basis.monthlyRateMci : 0;
    expect(orders.slice(1).map((o) => o.amount)).toEqual([
      rate * 4325,
      ...Array.from({ length: 7 }, () => rate * 4500),
    ]);
  });

  it('pays a returned payment again once, to the corrected account, naming the first order', async () => {
    const [, , first, again] = await ordersOf(year.h, year.id);
    expect(first!.recipient.iban).toBe(IBAN);
    expect(again).toMatchObject({
      reissueOf: first!.orderId,
      amount: first!.amount,
      recipient: { iban: CORRECTED_IBAN },
    });
    expect(again!.orderId).toMatch(/-R02-2$/);
  });

  it('pays May’s rent on Tuesday the 11th: Monday the 10th is Victory Day moved off the weekend', () => {
    expect(year.seen.rentBeforeVictoryDayMoved.at(-1)).toBe('rent-05');
  });

  it('stops in month 7: June’s unpaid order and every later instalment cancelled, nothing ordered after', async () => {
    expect(year.seen.stop).toMatchObject({
      reason: 'departed',
      cancelledInstalments: ['rent-08', 'rent-09', 'rent-10', 'rent-11', 'rent-12'],
      cancelledOrders: [expect.stringMatching(/-R07-1$/)],
      recovery: { scope: 'paid-after-stop', items: [], total: 0 },
    });
    expect(year.seen.ordersAfterStop).toBe(0);
    const types = (await year.h.events(supportStreamId(year.id))).map((e) => e.type);
    expect(types.filter((t) => t === 'PaymentPaid')).toHaveLength(7);
    expect(types.filter((t) => t === 'SupportStopped')).toHaveLength(1);
  });
}
