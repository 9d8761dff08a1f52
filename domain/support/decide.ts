import { isValidIin } from '../shared/iin';
import { isCalendarDate, instantMillis, isInstant, yearOf } from '../shared/calendar-date';
import { assertNever } from '../shared/decider';
import { ViolationCollector } from '../shared/errors';
import { tenge } from '../shared/money';
import { RENT_RATE_MAX_MCI, RENT_RATE_MIN_MCI } from '../subsidy';
import type {
  CorrectRecipient,
  IssuePaymentOrder,
  OpenSupport,
  RecordPaymentPaid,
  RecordPaymentReturned,
  ReissuePaymentOrder,
  StopSupport,
  SupportCommand,
} from './commands';
import { SupportError, SupportErrorCode } from './errors';
import type { PaymentBasis, PaymentOrderIssued, RecoveryItem, SupportEvent } from './events';
import { kzIbanProblem, normalisedIban } from './iban';
import { orderIdOf } from './order-id';
import { paymentTermsProblems, STOP_REASONS, type PaymentTerms } from './payment-terms';
import type { OpenSupportState, OrderState, SupportState } from './state';

/** The commands that act on the terms in force when they are decided (a stop, a re-issue). */
type WithTerms<C> = C & { readonly terms: PaymentTerms };

export type DecidedSupportCommand =
  Exclude<SupportCommand, ReissuePaymentOrder | StopSupport> | WithTerms<ReissuePaymentOrder> | WithTerms<StopSupport>;

export function decideSupport(command: DecidedSupportCommand, state: SupportState): readonly SupportEvent[] {
  if (!isInstant(command.at)) throw invalid('at', 'must be an instant');
  if (command.type === 'OpenSupport') return open(command, state);
  if (state.status === 'none')
    throw new SupportError(SupportErrorCode.NotOpen, 'No support is open for this family: its arrival is not recorded');
  switch (command.type) {
    case 'IssuePaymentOrder':
      return issue(command, state);
    case 'RecordPaymentPaid':
      return recordPaid(command, state);
    case 'RecordPaymentReturned':
      return recordReturned(command, state);
    case 'CorrectRecipient':
      return correct(command, state);
    case 'ReissuePaymentOrder':
      return reissue(command, state);
    case 'StopSupport':
      return stop(command, state);
    default:
      return assertNever(command, 'support command');
  }
}

/** Opened once, from the arrival; the same opening again (a redelivered arrival) adds nothing. */
function open(command: OpenSupport, state: SupportState): SupportEvent[] {
  if (state.status !== 'none') return [];
  const found = new ViolationCollector();
  found.check(Number.isInteger(command.persons) && command.persons >= 1, 'persons', 'must be a whole number from 1');
  found.check(
    Number.isInteger(command.monthlyRateMci) &&
      command.monthlyRateMci >= RENT_RATE_MIN_MCI &&
      command.monthlyRateMci <= RENT_RATE_MAX_MCI,
    'monthlyRateMci',
    `must be a whole number of MCI from ${RENT_RATE_MIN_MCI} to ${RENT_RATE_MAX_MCI}`,
  );
  found.check(isValidIin(command.recipient?.iin), 'recipient.iin', 'must be a valid IIN');
  const ibanProblem = kzIbanProblem(command.recipient?.iban);
  if (ibanProblem) found.add('recipient.iban', ibanProblem);
  found.check(isCalendarDate(command.arrivedOn), 'arrivedOn', "must be a date 'yyyy-MM-dd'");
  found.check(
    isCalendarDate(command.registeredOn) && command.registeredOn >= command.arrivedOn,
    'registeredOn',
    'must be a date, not before the arrival',
  );
  found.addAll(paymentTermsProblems(command.terms), 'terms');
  const rent = command.schedule.filter((instalment) => instalment.kind === 'rent');
  found.check(
    command.schedule.filter((instalment) => instalment.kind === 'relocation').length === 1 &&
      rent.length === command.terms.rentInstalments &&
      new Set(command.schedule.map((instalment) => instalment.key)).size === command.schedule.length &&
      command.schedule.every((i) => isCalendarDate(i.dueOn) && i.dueOn >= i.scheduledOn && isInstant(i.dueAt)),
    'schedule',
    'must hold the relocation payment and each rent instalment once, each due on or after its scheduled day',
  );
  found.check(
    typeof command.calendarVersion === 'string' && command.calendarVersion !== '',
    'calendarVersion',
    'must be named',
  );
  found.throwIfAny(
    (violations) => new SupportError(SupportErrorCode.InvalidCommand, 'The support cannot be opened', violations),
  );
  return [
    {
      type: 'SupportOpened',
      data: {
        applicationId: command.applicationId,
        quota: command.quota,
        persons: command.persons,
        monthlyRateMci: command.monthlyRateMci,
        recipient: { iin: command.recipient.iin, iban: normalisedIban(command.recipient.iban) },
        arrivedOn: command.arrivedOn,
        registeredOn: command.registeredOn,
        schedule: command.schedule,
        termsVersion: command.terms.version,
        calendarVersion: command.calendarVersion,
        openedAt: command.at,
      },
    },
  ];
}

/**
 * An instalment's order, at its instant, its amount with the MCI in force on its due day (a new year
 * pays with the new MCI). Issued once: a timer fired again finds it issued; after a stop, nothing.
 */
function issue(command: IssuePaymentOrder, state: OpenSupportState): SupportEvent[] {
  const instalment = state.schedule.find((candidate) => candidate.key === command.instalment);
  if (!instalment)
    throw new SupportError(SupportErrorCode.UnknownInstalment, 'The schedule has no such instalment', [
      { field: 'instalment', reason: `is not one of ${state.schedule.map((i) => i.key).join(', ')}` },
    ]);
  if (state.status === 'stopped' || state.orders.some((order) => order.instalment === instalment.key)) return [];
  if (instantMillis(command.at) < instantMillis(instalment.dueAt))
    throw new SupportError(SupportErrorCode.NotDueYet, `The instalment is due at ${instalment.dueAt}`, [
      { field: 'at', reason: `must not be before ${instalment.dueAt}` },
    ]);
  const { mci } = command;
  if (
    !mci ||
    !Number.isSafeInteger(mci.value) ||
    mci.value <= 0 ||
    mci.year !== yearOf(instalment.dueOn) ||
    !(mci.validFrom <= instalment.dueOn)
  )
    throw invalid('mci', `must be the MCI in force on ${instalment.dueOn}`);
  const basis: PaymentBasis =
    instalment.kind === 'relocation'
      ? { kind: 'relocation', persons: state.persons, mciPerPerson: 70 }
      : { kind: 'rent', monthlyRateMci: state.monthlyRateMci };
  const amount = tenge(basis.kind === 'relocation' ? 70 * basis.persons * mci.value : basis.monthlyRateMci * mci.value);
  return [
    orderIssued(state, {
      orderId: orderIdOf(state.applicationId, instalment.key, 1),
      instalment: instalment.key,
      dueOn: instalment.dueOn,
      amount,
      mci: { value: mci.value, validFrom: mci.validFrom },
      basis,
      reissueOf: null,
      issuedAt: command.at,
    }),
  ];
}

function orderIssued(
  state: OpenSupportState,
  order: Omit<PaymentOrderIssued['data'], 'applicationId' | 'recipient'>,
): PaymentOrderIssued {
  return {
    type: 'PaymentOrderIssued',
    data: { applicationId: state.applicationId, ...order, recipient: state.recipient },
  };
}

/**
 * The bank's answer, once per order: the same answer again records nothing; another answer for the
 * same order is a conflict. An order a stop cancelled may still be answered — the bank's file may
 * have left before the stop, and what the bank did is a fact to record (the register lists it).
 */
function recordPaid(command: RecordPaymentPaid, state: OpenSupportState): SupportEvent[] {
  const order = orderOf(state, command.orderId);
  const found = new ViolationCollector();
  found.check(isCalendarDate(command.paidOn), 'paidOn', "must be a date 'yyyy-MM-dd'");
  found.check(
    typeof command.bankReference === 'string' && command.bankReference.trim() !== '',
    'bankReference',
    'must be given',
  );
  found.throwIfAny(
    (violations) => new SupportError(SupportErrorCode.InvalidCommand, 'The payment cannot be recorded', violations),
  );
  const { answer } = order;
  if (answer.state === 'paid' && answer.paidOn === command.paidOn && answer.bankReference === command.bankReference)
    return [];
  if (answer.state === 'paid' || answer.state === 'returned') throw alreadyAnswered(order);
  return [
    {
      type: 'PaymentPaid',
      data: {
        applicationId: state.applicationId,
        orderId: order.orderId,
        paidOn: command.paidOn,
        bankReference: command.bankReference.trim(),
        recordedAt: command.at,
      },
    },
  ];
}

function recordReturned(command: RecordPaymentReturned, state: OpenSupportState): SupportEvent[] {
  const order = orderOf(state, command.orderId);
  const found = new ViolationCollector();
  found.check(isCalendarDate(command.returnedOn), 'returnedOn', "must be a date 'yyyy-MM-dd'");
  found.check(
    typeof command.reason === 'string' && command.reason.trim() !== '',
    'reason',
    'must say why the bank returned it',
  );
  found.throwIfAny(
    (violations) => new SupportError(SupportErrorCode.InvalidCommand, 'The return cannot be recorded', violations),
  );
  const { answer } = order;
  if (
    answer.state === 'returned' &&
    answer.returnedOn === command.returnedOn &&
    answer.reason === command.reason.trim()
  )
    return [];
  if (answer.state === 'paid' || answer.state === 'returned') throw alreadyAnswered(order);
  return [
    {
      type: 'PaymentReturned',
      data: {
        applicationId: state.applicationId,
        orderId: order.orderId,
        returnedOn: command.returnedOn,
        reason: command.reason.trim(),
        recordedAt: command.at,
      },
    },
  ];
}

function correct(command: CorrectRecipient, state: OpenSupportState): SupportEvent[] {
  if (state.status === 'stopped') throw stopped();
  const problem = kzIbanProblem(command.iban);
  if (problem) throw invalid('iban', problem);
  const iban = normalisedIban(command.iban);
  if (iban === state.recipient.iban) return [];
  return [
    {
      type: 'RecipientCorrected',
      data: { applicationId: state.applicationId, iban, previousIban: state.recipient.iban, correctedAt: command.at },
    },
  ];
}

/**
 * A returned order paid again to the corrected account: the same amount and MCI (it is the same
 * payment), a new order id naming the first. Once per return; never more often than the terms allow.
 */
function reissue(command: WithTerms<ReissuePaymentOrder>, state: OpenSupportState): SupportEvent[] {
  const order = orderOf(state, command.orderId);
  if (state.orders.some((other) => other.reissueOf === order.orderId)) return [];
  if (state.status === 'stopped') throw stopped();
  const notReissuable = (reason: string) =>
    new SupportError(SupportErrorCode.NotReissuable, `The order cannot be paid again: ${reason}`, [
      { field: 'orderId', reason },
    ]);
  if (order.answer.state !== 'returned') throw notReissuable('only a returned order is paid again');
  const issues = state.orders.filter((other) => other.instalment === order.instalment).length;
  if (issues > command.terms.reissueLimit)
    throw notReissuable(
      `the instalment was already paid again ${issues - 1} time(s), the limit is ${command.terms.reissueLimit}`,
    );
  if (order.recipient.iban === state.recipient.iban)
    throw notReissuable('the account it was returned from is still the recipient’s: correct it first');
  return [
    orderIssued(state, {
      orderId: orderIdOf(state.applicationId, order.instalment, issues + 1),
      instalment: order.instalment,
      dueOn: order.dueOn,
      amount: order.amount,
      mci: order.mci,
      basis: order.basis,
      reissueOf: order.orderId,
      issuedAt: command.at,
    }),
  ];
}

/**
 * Every instalment not ordered and every order not answered is cancelled; paid amounts are listed
 * for recovery as the terms say for the reason (listed, not claimed). Stopped once: a second stop,
 * for whatever reason, finds it stopped.
 */
function stop(command: WithTerms<StopSupport>, state: OpenSupportState): SupportEvent[] {
  if (state.status === 'stopped') return [];
  const found = new ViolationCollector();
  found.check(STOP_REASONS.includes(command.reason), 'reason', `must be one of ${STOP_REASONS.join(', ')}`);
  found.check(isCalendarDate(command.effectiveOn), 'effectiveOn', "must be a date 'yyyy-MM-dd'");
  found.addAll(paymentTermsProblems(command.terms), 'terms');
  found.throwIfAny(
    (violations) => new SupportError(SupportErrorCode.InvalidCommand, 'The support cannot be stopped', violations),
  );
  const ordered = new Set(state.orders.map((order) => order.instalment));
  const scope = command.terms.recovery[command.reason];
  const items: RecoveryItem[] = state.orders
    .filter((order) => order.answer.state === 'paid')
    .filter((order) => scope === 'all-paid' || (scope === 'paid-after-stop' && order.dueOn > command.effectiveOn))
    .map((order) => ({
      orderId: order.orderId,
      instalment: order.instalment,
      amount: order.amount,
      paidOn: (order.answer as Extract<OrderState['answer'], { state: 'paid' }>).paidOn,
    }));
  return [
    {
      type: 'SupportStopped',
      data: {
        applicationId: state.applicationId,
        reason: command.reason,
        effectiveOn: command.effectiveOn,
        cancelledInstalments: state.schedule.filter((i) => !ordered.has(i.key)).map((i) => i.key),
        cancelledOrders: state.orders.filter((order) => order.answer.state === 'pending').map((order) => order.orderId),
        recovery: { scope, items, total: tenge(items.reduce((sum, item) => sum + item.amount, 0)) },
        termsVersion: command.terms.version,
        stoppedAt: command.at,
      },
    },
  ];
}

function orderOf(state: OpenSupportState, orderId: string): OrderState {
  const order = state.orders.find((candidate) => candidate.orderId === orderId);
  if (!order)
    throw new SupportError(SupportErrorCode.UnknownOrder, 'No order of this family has that id', [
      { field: 'orderId', reason: 'names no order of this family' },
    ]);
  return order;
}

function alreadyAnswered(order: OrderState): SupportError {
  return new SupportError(
    SupportErrorCode.OrderAlreadyAnswered,
    `The bank's answer for ${order.orderId} is recorded already (${order.answer.state})`,
    [{ field: 'orderId', reason: `was already answered: ${order.answer.state}` }],
  );
}

function stopped(): SupportError {
  return new SupportError(SupportErrorCode.Stopped, 'The support was stopped: nothing more is paid');
}

function invalid(field: string, reason: string): SupportError {
  return new SupportError(SupportErrorCode.InvalidCommand, `The command is invalid: ${field} ${reason}`, [
    { field, reason },
  ]);
}
