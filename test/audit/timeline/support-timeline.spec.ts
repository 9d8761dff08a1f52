import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { EMPTY_LAW_HISTORY } from '@domain/law';
import { mciOn } from '@domain/subsidy';
import {
  PAYMENT_TERMS_V1,
  supportDecider,
  supportSchedule,
  type DecidedSupportCommand,
  type SupportEvent,
} from '@domain/support';
import { groundsListsOf, TIMELINE_LANGUAGES, TimelineNarrator, type NarratableEntry } from '@libs/workflow';
import { APPLICANT_IIN, APPLICATION_ID as id, QUOTA } from '../../domain/application/fixtures';

/**
 * The arrival and the support after it (ADR 33) as an auditor reads them in the timeline: what was scheduled,
 * ordered, paid, returned and stopped, with the amounts and the MCI — never the recipient's IIN or
 * account, nor the bank's words on a return.
 */
const narrator = new TimelineNarrator(groundsListsOf({ recorded: () => EMPTY_LAW_HISTORY }));
const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
const IBAN = 'KZ86125KZT5004100100';
const schedule = supportSchedule({ arrivedOn: '2026-11-20', registeredOn: '2026-11-21' }, PAYMENT_TERMS_V1, calendar);
const relocationAt = schedule[0]!.dueAt;
const later = '2026-11-30T05:00:00.000Z';

/** One family's support, decided command by command: the events the timeline tells. */
function history(): SupportEvent[] {
  const commands: DecidedSupportCommand[] = [
    {
      type: 'OpenSupport',
      applicationId: id,
      at: '2026-11-21T06:00:00.000Z',
      quota: QUOTA,
      persons: 3,
      monthlyRateMci: 20,
      recipient: { iin: APPLICANT_IIN, iban: IBAN },
      arrivedOn: '2026-11-20',
      registeredOn: '2026-11-21',
      schedule,
      terms: PAYMENT_TERMS_V1,
      calendarVersion: calendar.versionOf(2026)!,
    },
    {
      type: 'IssuePaymentOrder',
      applicationId: id,
      at: relocationAt,
      instalment: 'relocation',
      mci: mciOn('2026-11-23'),
    },
  ];
  const events = commands.reduce<SupportEvent[]>(
    (all, command) => [
      ...all,
      ...supportDecider.decide(command, all.reduce(supportDecider.evolve, supportDecider.initialState())),
    ],
    [],
  );
  const orderId = (events[1]!.data as { orderId: string }).orderId;
  const more: DecidedSupportCommand[] = [
    {
      type: 'RecordPaymentReturned',
      applicationId: id,
      at: later,
      orderId,
      returnedOn: '2026-11-25',
      reason: `Счёт ${IBAN} закрыт`,
    },
    { type: 'CorrectRecipient', applicationId: id, at: later, iban: 'KZ75125KZT2069100100' },
    { type: 'ReissuePaymentOrder', applicationId: id, at: later, orderId, terms: PAYMENT_TERMS_V1 },
    {
      type: 'RecordPaymentPaid',
      applicationId: id,
      at: later,
      orderId: `${orderId.slice(0, -1)}2`,
      paidOn: '2026-12-01',
      bankReference: 'HB-778812',
    },
    {
      type: 'StopSupport',
      applicationId: id,
      at: later,
      reason: 'departed',
      effectiveOn: '2026-12-05',
      terms: PAYMENT_TERMS_V1,
    },
  ];
  return more.reduce(
    (all, command) => [
      ...all,
      ...supportDecider.decide(command, all.reduce(supportDecider.evolve, supportDecider.initialState())),
    ],
    events,
  );
}

const entry = ({ type, data }: SupportEvent): NarratableEntry => ({
  type,
  data: data as unknown as NarratableEntry['data'],
  actor: { id: 'review-saga', role: 'system' },
  occurredAt: later,
});

describe('the support after arrival in the timeline (ADR 33)', () => {
  const events = history();
  const told = (type: SupportEvent['type']) => narrator.tell(entry(events.find((e) => e.type === type)!), 'ru').text;

  it('tells every step of a family’s support', () => {
    expect(events.map((e) => e.type)).toEqual([
      'SupportOpened',
      'PaymentOrderIssued',
      'PaymentReturned',
      'RecipientCorrected',
      'PaymentOrderIssued',
      'PaymentPaid',
      'SupportStopped',
    ]);
    expect(told('SupportOpened')).toContain(
      'открыта выплата поддержки после прибытия (прибытие 20.11.2026, регистрация 21.11.2026): 13 выплат с 23.11.2026 по 10.11.2027; ставка аренды 20 МРП в месяц, 3 чел.; условия выплат версии 1',
    );
    expect(told('PaymentOrderIssued')).toMatch(
      /выписано платёжное поручение PO-\w+-RL-1 \(субсидия на переезд\) на 908 250 ₸: МРП 4 325 ₸ с 01\.01\.2026, срок 23\.11\.2026/,
    );
    expect(narrator.tell(entry(events[4]!), 'ru').text).toMatch(/повторно вместо возвращённого PO-\w+-RL-1/);
    expect(told('SupportStopped')).toContain(
      'выплата поддержки прекращена с 05.12.2026: семья выбыла из региона; отменено выплат: 12; к возврату учтено (суммы, выплаченные за время после прекращения): 0 ₸',
    );
  });

  it('tells the arrival that opened it: where and when, never the address or the account', () => {
    const arrived: NarratableEntry = {
      type: 'FamilyArrived',
      data: {
        applicationId: id,
        quota: QUOTA,
        settlement: { kind: 'town', name: 'Ekibastuz' },
        arrivedOn: '2026-11-20',
        registration: { address: 'Satpayev St 12, apt 4', registeredOn: '2026-11-21' },
        recipient: { iin: APPLICANT_IIN, iban: IBAN },
        support: { persons: 3, monthlyRateMci: 20 },
        recordedBy: 'officer',
        termsVersion: '1',
        recordedAt: later,
      },
      actor: { id: 'officer-3', role: 'reviewer' },
      occurredAt: later,
    };
    expect(narrator.tell(arrived, 'ru').text).toContain(
      'семья прибыла в регион (малый город Ekibastuz) 20.11.2026, зарегистрирована по месту жительства 21.11.2026; записано сотрудником; поддержка: 3 чел., аренда 20 МРП в месяц',
    );
    for (const language of TIMELINE_LANGUAGES) {
      const text = narrator.tell(arrived, language).text;
      expect(text).not.toMatch(/Satpayev|KZ\d{2}/);
      expect(text).not.toContain(APPLICANT_IIN);
    }
  });

  it('never names the recipient’s IIN or account, nor quotes the bank’s reason, in any language', () => {
    for (const language of TIMELINE_LANGUAGES)
      for (const event of events) {
        const text = narrator.tell(entry(event), language).text;
        expect(text).not.toContain(APPLICANT_IIN);
        expect(text).not.toMatch(/KZ\d{2}/);
        expect(text).not.toContain('закрыт');
      }
  });
});
