import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { mciOn, MCI_TABLE } from '@domain/subsidy';
import {
  PAYMENT_TERMS_V1,
  supportDecider,
  supportSchedule,
  supportStreamId,
  type DecidedSupportCommand,
  type SupportEvent,
} from '@domain/support';
import { APPLICANT_IIN, QUOTA } from '../domain/application/fixtures';
import { envelope, ReadModels } from './support/read-models';

const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
const WITH_2027 = [...MCI_TABLE, { validFrom: '2027-01-01', value: 4_500 }];
/** Two families whose ids share their first 16 hex digits, so their order ids are the same: the register keeps both. */
const FAMILIES = ['0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a01', '0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a02'];

/** Two families' supports decided command by command: one paid through December, one returned and stopped. */
function histories(): SupportEvent[][] {
  return FAMILIES.map((applicationId, family) => {
    const schedule = supportSchedule(
      { arrivedOn: '2026-11-20', registeredOn: '2026-11-21' },
      PAYMENT_TERMS_V1,
      calendar,
    );
    const at = (key: string) => schedule.find((i) => i.key === key)!;
    const commands: DecidedSupportCommand[] = [
      {
        type: 'OpenSupport',
        applicationId,
        at: '2026-11-21T06:00:00.000Z',
        quota: family === 0 ? QUOTA : { ...QUOTA, region: 'akmola' },
        persons: 3,
        monthlyRateMci: 20,
        recipient: { iin: APPLICANT_IIN, iban: 'KZ86125KZT5004100100' },
        arrivedOn: '2026-11-20',
        registeredOn: '2026-11-21',
        schedule,
        terms: PAYMENT_TERMS_V1,
        calendarVersion: '2026',
      },
      ...['relocation', 'rent-01'].map((key): DecidedSupportCommand => ({
        type: 'IssuePaymentOrder',
        applicationId,
        at: at(key).dueAt,
        instalment: key as 'relocation',
        mci: mciOn(at(key).dueOn, WITH_2027),
      })),
    ];
    const events = commands.reduce<SupportEvent[]>(
      (all, command) => [
        ...all,
        ...supportDecider.decide(command, all.reduce(supportDecider.evolve, supportDecider.initialState())),
      ],
      [],
    );
    const [relocation, december] = events.slice(1).map((e) => (e.data as { orderId: string }).orderId);
    const answers: DecidedSupportCommand[] =
      family === 0
        ? [
            {
              type: 'RecordPaymentPaid',
              applicationId,
              at: '2026-12-11T05:00:00.000Z',
              orderId: relocation!,
              paidOn: '2026-11-24',
              bankReference: 'HB-1',
            },
            {
              type: 'RecordPaymentPaid',
              applicationId,
              at: '2026-12-11T05:00:00.000Z',
              orderId: december!,
              paidOn: '2026-12-11',
              bankReference: 'HB-2',
            },
          ]
        : [
            {
              type: 'RecordPaymentReturned',
              applicationId,
              at: '2026-12-11T05:00:00.000Z',
              orderId: relocation!,
              returnedOn: '2026-11-25',
              reason: 'Closed',
            },
            {
              type: 'StopSupport',
              applicationId,
              at: '2026-12-12T05:00:00.000Z',
              reason: 'renounced',
              effectiveOn: '2026-12-12',
              terms: PAYMENT_TERMS_V1,
            },
          ];
    return answers.reduce(
      (all, command) => [
        ...all,
        ...supportDecider.decide(command, all.reduce(supportDecider.evolve, supportDecider.initialState())),
      ],
      events,
    );
  });
}

const recorded = () => {
  let position = 0n;
  return histories().flatMap((events, family) =>
    events.map((event, revision) =>
      envelope(supportStreamId(FAMILIES[family]!), revision, event.type, event.data, undefined, (position += 1n)),
    ),
  );
};

/** The register of payments (ADR 33): every order in its region and month, the totals its sums. */
describe('the payment register read model', () => {
  it('lists each order in the month it falls due, with the bank’s answer or the stop', () => {
    const models = new ReadModels().feed(recorded());
    expect(models.payments.orders('2026-11').map((o) => [o.region, o.instalment, o.state])).toEqual([
      ['pavlodar', 'relocation', 'paid'],
      ['akmola', 'relocation', 'returned'],
    ]);
    expect(models.payments.orders('2026-12').map((o) => [o.region, o.state])).toEqual([
      ['pavlodar', 'paid'],
      ['akmola', 'cancelled'],
    ]);
  });

  it('totals per region and month equal the sum of the orders; twice the events, the same tables', () => {
    const events = recorded();
    const once = new ReadModels().feed(events);
    expect(new ReadModels().feed(events).feed(events).digests()).toEqual(once.digests());
    const relocation = 70 * 3 * 4_325;
    const rent = 20 * 4_325;
    expect(once.payments.totals('2026-11')).toEqual([
      {
        region: 'akmola',
        month: '2026-11',
        orders: 1,
        committed: 0,
        paid: 0,
        returned: relocation,
        pending: 0,
        cancelled: 0,
      },
      {
        region: 'pavlodar',
        month: '2026-11',
        orders: 1,
        committed: relocation,
        paid: relocation,
        returned: 0,
        pending: 0,
        cancelled: 0,
      },
    ]);
    expect(once.payments.totals('2026-12', 'akmola')).toEqual([
      {
        region: 'akmola',
        month: '2026-12',
        orders: 1,
        committed: 0,
        paid: 0,
        returned: 0,
        pending: 0,
        cancelled: rent,
      },
    ]);
    for (const month of ['2026-11', '2026-12'])
      for (const totals of once.payments.totals(month))
        expect(totals.committed + totals.returned + totals.cancelled).toBe(
          once.payments.orders(month, totals.region).reduce((sum, order) => sum + order.amount, 0),
        );
    expect(once.payments.countsByState()).toEqual({ pending: 0, paid: 2, returned: 1, cancelled: 1 });
  });
});
