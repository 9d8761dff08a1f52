import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import {
  PAYMENT_TERMS_V1,
  supportDecider,
  supportSchedule,
  type DecidedSupportCommand,
  type PaymentOrderIssued,
  type SupportEvent,
} from '@domain/support';
import { mciOn, type MciRow, MCI_TABLE } from '@domain/subsidy';
import { deciderSpecification } from '@libs/testing';
import { APPLICANT_IIN, APPLICATION_ID as id, QUOTA } from '../application/fixtures';

const spec = deciderSpecification(supportDecider);
const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
/** The 2027 MCI is not published (FACTS): the tests record one of their own to pay a new year with. */
const WITH_2027: readonly MciRow[] = [...MCI_TABLE, { validFrom: '2027-01-01', value: 4_500 }];
const IBAN = 'KZ86125KZT5004100100';
const CORRECTED = 'KZ75125KZT2069100100';
const schedule = supportSchedule({ arrivedOn: '2026-11-20', registeredOn: '2026-11-21' }, PAYMENT_TERMS_V1, calendar);
const dueAt = (key: string) => schedule.find((instalment) => instalment.key === key)!.dueAt;
const dueOn = (key: string) => schedule.find((instalment) => instalment.key === key)!.dueOn;
const family = id.replace(/-/g, '').slice(0, 16).toUpperCase();

const openSupport: DecidedSupportCommand = {
  type: 'OpenSupport',
  applicationId: id,
  at: '2026-11-21T06:00:00.000Z',
  quota: QUOTA,
  persons: 3,
  monthlyRateMci: 20,
  recipient: { iin: APPLICANT_IIN, iban: 'kz86 125k zt50 0410 0100' },
  arrivedOn: '2026-11-20',
  registeredOn: '2026-11-21',
  schedule,
  terms: PAYMENT_TERMS_V1,
  calendarVersion: calendar.versionOf(2026)!,
};
const opened: SupportEvent = {
  type: 'SupportOpened',
  data: {
    applicationId: id,
    quota: QUOTA,
    persons: 3,
    monthlyRateMci: 20,
    recipient: { iin: APPLICANT_IIN, iban: IBAN },
    arrivedOn: '2026-11-20',
    registeredOn: '2026-11-21',
    schedule,
    termsVersion: '1',
    calendarVersion: calendar.versionOf(2026)!,
    openedAt: '2026-11-21T06:00:00.000Z',
  },
};
const issueOrder = (instalment: string, at = dueAt(instalment)): DecidedSupportCommand => ({
  type: 'IssuePaymentOrder',
  applicationId: id,
  at,
  instalment: instalment as 'relocation',
  mci: mciOn(dueOn(instalment), WITH_2027),
});
/** What the decider issues for an instalment: replayed into the histories below. */
const issued = (instalment: string): PaymentOrderIssued =>
  supportDecider.decide(
    issueOrder(instalment),
    [opened].reduce(supportDecider.evolve, supportDecider.initialState()),
  )[0] as PaymentOrderIssued;
const paid = (orderId: string, paidOn: string): SupportEvent => ({
  type: 'PaymentPaid',
  data: { applicationId: id, orderId, paidOn, bankReference: `BANK-${orderId}`, recordedAt: `${paidOn}T10:00:00.000Z` },
});
const returned = (orderId: string): SupportEvent => ({
  type: 'PaymentReturned',
  data: {
    applicationId: id,
    orderId,
    returnedOn: '2027-01-13',
    reason: 'Account closed',
    recordedAt: '2027-01-13T10:00:00.000Z',
  },
});
const at = '2027-01-14T05:00:00.000Z';

describe('a family’s support after arrival (ADR 33)', () => {
  describe('opening', () => {
    it('opens once from the arrival, the account stored as the bank reads it', () => {
      spec.given([]).when(openSupport).then([opened]);
      spec.given([opened]).when(openSupport).thenNothingHappened();
    });

    it('refuses a wrong account or rate, naming the field', () => {
      spec
        .given([])
        .when({
          ...openSupport,
          recipient: { iin: APPLICANT_IIN, iban: 'KZ86125KZT5004100101' },
        })
        .thenThrows((error) =>
          JSON.stringify((error as { violations: unknown }).violations).includes('"field":"recipient.iban"'),
        );
      spec
        .given([])
        .when({ ...openSupport, monthlyRateMci: 31 })
        .thenThrows({ code: 'SUPPORT.INVALID_COMMAND' });
    });

    it('orders nothing for a family whose support is not open', () => {
      spec.given([]).when(issueOrder('relocation')).thenThrows({ code: 'SUPPORT.NOT_OPEN' });
    });
  });

  describe('payment orders on their due days, each month with the MCI in force then', () => {
    it('the relocation payment: 70 MCI for each of the three persons, at the start of its working day', () => {
      spec
        .given([opened])
        .when(issueOrder('relocation'))
        .then([
          {
            type: 'PaymentOrderIssued',
            data: {
              applicationId: id,
              orderId: `PO-${family}-RL-1`,
              instalment: 'relocation',
              dueOn: '2026-11-23',
              amount: 70 * 3 * 4_325,
              mci: { value: 4_325, validFrom: '2026-01-01' },
              basis: { kind: 'relocation', persons: 3, mciPerPerson: 70 },
              recipient: { iin: APPLICANT_IIN, iban: IBAN },
              reissueOf: null,
              issuedAt: dueAt('relocation'),
            },
          },
        ]);
    });

    it('a schedule across 1 January pays December with the 2026 MCI and January with the 2027 one', () => {
      expect(issued('rent-01').data).toMatchObject({ dueOn: '2026-12-10', amount: 20 * 4_325 });
      expect(issued('rent-02').data).toMatchObject({ dueOn: '2027-01-11', amount: 20 * 4_500, mci: { value: 4_500 } });
      spec
        .given([opened])
        .when({ ...issueOrder('rent-02'), mci: mciOn('2026-12-31') } as DecidedSupportCommand)
        .thenThrows({ code: 'SUPPORT.INVALID_COMMAND' });
    });

    it('not before its instant, once however often the timer fires, and only for an instalment of the schedule', () => {
      const early = new Date(Date.parse(dueAt('rent-01')) - 1).toISOString();
      spec.given([opened]).when(issueOrder('rent-01', early)).thenThrows({ code: 'SUPPORT.NOT_DUE_YET' });
      spec
        .given([opened, issued('rent-01')])
        .when(issueOrder('rent-01'))
        .thenNothingHappened();
      spec
        .given([opened])
        .when({ ...issueOrder('rent-01'), instalment: 'rent-13' } as DecidedSupportCommand)
        .thenThrows({ code: 'SUPPORT.UNKNOWN_INSTALMENT' });
    });
  });

  describe('the bank’s answers, once per order', () => {
    const order = () => issued('rent-01').data.orderId;

    it('records a payment once: the same answer again records nothing, a different one is a conflict', () => {
      const command = {
        type: 'RecordPaymentPaid',
        applicationId: id,
        at,
        orderId: order(),
        paidOn: '2026-12-11',
        bankReference: `BANK-${order()}`,
      } as DecidedSupportCommand;
      spec
        .given([opened, issued('rent-01')])
        .when(command)
        .then([
          {
            type: 'PaymentPaid',
            data: {
              applicationId: id,
              orderId: order(),
              paidOn: '2026-12-11',
              bankReference: `BANK-${order()}`,
              recordedAt: at,
            },
          },
        ]);
      const history = [opened, issued('rent-01'), paid(order(), '2026-12-11')];
      spec.given(history).when(command).thenNothingHappened();
      spec
        .given(history)
        .when({
          type: 'RecordPaymentReturned',
          applicationId: id,
          at,
          orderId: order(),
          returnedOn: '2026-12-12',
          reason: 'x',
        })
        .thenThrows({ code: 'SUPPORT.ORDER_ALREADY_ANSWERED' });
      spec
        .given(history)
        .when({ ...command, orderId: 'PO-0000000000000000-R01-1' } as DecidedSupportCommand)
        .thenThrows({ code: 'SUPPORT.UNKNOWN_ORDER' });
    });
  });

  describe('a returned payment is paid again once, after the account is corrected', () => {
    const first = () => issued('rent-02').data.orderId;
    const reissueCommand = (orderId: string): DecidedSupportCommand => ({
      type: 'ReissuePaymentOrder',
      applicationId: id,
      at,
      orderId,
      terms: PAYMENT_TERMS_V1,
    });
    const correction: SupportEvent = {
      type: 'RecipientCorrected',
      data: { applicationId: id, iban: CORRECTED, previousIban: IBAN, correctedAt: at },
    };

    it('not to the account it came back from', () => {
      spec
        .given([opened, issued('rent-02'), returned(first())])
        .when(reissueCommand(first()))
        .thenThrows({ code: 'SUPPORT.NOT_REISSUABLE' });
    });

    it('the account corrected, the same amount to it under a new order naming the first', () => {
      spec
        .given([opened, issued('rent-02'), returned(first())])
        .when({ type: 'CorrectRecipient', applicationId: id, at, iban: CORRECTED })
        .then([correction]);
      spec
        .given([opened, issued('rent-02'), returned(first()), correction])
        .when(reissueCommand(first()))
        .then([
          {
            type: 'PaymentOrderIssued',
            data: {
              ...issued('rent-02').data,
              orderId: `PO-${family}-R02-2`,
              recipient: { iin: APPLICANT_IIN, iban: CORRECTED },
              reissueOf: first(),
              issuedAt: at,
            },
          },
        ]);
    });

    it('never twice: a retry records nothing, and a second return is left to an officer', () => {
      const again: SupportEvent = {
        ...issued('rent-02'),
        data: {
          ...issued('rent-02').data,
          orderId: `PO-${family}-R02-2`,
          recipient: { iin: APPLICANT_IIN, iban: CORRECTED },
          reissueOf: first(),
        },
      };
      const history = [opened, issued('rent-02'), returned(first()), correction, again];
      spec.given(history).when(reissueCommand(first())).thenNothingHappened();
      const backAgain = [
        ...history,
        returned(`PO-${family}-R02-2`),
        { ...correction, data: { ...correction.data, iban: IBAN, previousIban: CORRECTED } },
      ];
      spec
        .given(backAgain)
        .when(reissueCommand(`PO-${family}-R02-2`))
        .thenThrows({ code: 'SUPPORT.NOT_REISSUABLE' });
    });
  });

  describe('a stop in month 7', () => {
    const rentPaid = ['rent-01', 'rent-02', 'rent-03', 'rent-04', 'rent-05', 'rent-06'];
    const history: SupportEvent[] = [
      opened,
      issued('relocation'),
      paid(issued('relocation').data.orderId, '2026-11-24'),
      ...rentPaid.flatMap((key) => [issued(key), paid(issued(key).data.orderId, dueOn(key))]),
      issued('rent-07'),
    ];
    const stopCommand = (reason: 'departed' | 'inclusion-revoked', effectiveOn: string): DecidedSupportCommand => ({
      type: 'StopSupport',
      applicationId: id,
      at: '2027-06-15T05:00:00.000Z',
      reason,
      effectiveOn,
      terms: PAYMENT_TERMS_V1,
    });

    it('a departure cancels every instalment not paid and lists what fell due after it', () => {
      const [stopped] = supportDecider.decide(
        stopCommand('departed', '2027-05-01'),
        history.reduce(supportDecider.evolve, supportDecider.initialState()),
      );
      expect(stopped).toEqual({
        type: 'SupportStopped',
        data: {
          applicationId: id,
          reason: 'departed',
          effectiveOn: '2027-05-01',
          cancelledInstalments: ['rent-08', 'rent-09', 'rent-10', 'rent-11', 'rent-12'],
          cancelledOrders: [`PO-${family}-R07-1`],
          recovery: {
            scope: 'paid-after-stop',
            items: [{ orderId: `PO-${family}-R06-1`, instalment: 'rent-06', amount: 20 * 4_500, paidOn: '2027-05-11' }],
            total: 20 * 4_500,
          },
          termsVersion: '1',
          stoppedAt: '2027-06-15T05:00:00.000Z',
        },
      });
    });

    it('a revoked inclusion lists everything paid; afterwards nothing is ordered or corrected', () => {
      const stopped = supportDecider.decide(
        stopCommand('inclusion-revoked', '2027-06-15'),
        history.reduce(supportDecider.evolve, supportDecider.initialState()),
      )[0]!;
      expect(stopped.type === 'SupportStopped' && stopped.data.recovery).toEqual({
        scope: 'all-paid',
        items: expect.arrayContaining([expect.objectContaining({ instalment: 'relocation', amount: 70 * 3 * 4_325 })]),
        total: 70 * 3 * 4_325 + 20 * 4_325 + 5 * 20 * 4_500,
      });
      spec
        .given([...history, stopped])
        .when(issueOrder('rent-08'))
        .thenNothingHappened();
      spec
        .given([...history, stopped])
        .when(stopCommand('departed', '2027-06-20'))
        .thenNothingHappened();
      spec
        .given([...history, stopped])
        .when({ type: 'CorrectRecipient', applicationId: id, at, iban: CORRECTED })
        .thenThrows({ code: 'SUPPORT.STOPPED' });
    });
  });
});
