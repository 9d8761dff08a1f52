import type {
  PaymentOrderIssued,
  PaymentPaid,
  PaymentReturned,
  RecipientCorrected,
  SupportEvent,
  SupportStopped,
} from '../../support/events';
import { localDateOf } from '../../shared/calendar-date';
import { issueNotice, type NoticeIntent } from '../intents';
import type { PaymentOfSchedule } from '../notice';

/** The last four characters of an account: the applicant recognises it, nobody can use it. */
export const accountEnding = (iban: string): string => iban.slice(-4);

/** The order a bank's answer is about, from the support's events before it. */
function orderOf(orderId: string, history: readonly SupportEvent[]): PaymentOrderIssued['data'] {
  const issued = history.find(
    (event): event is PaymentOrderIssued => event.type === 'PaymentOrderIssued' && event.data.orderId === orderId,
  );
  // The decider records an answer only for an order it issued: a missing order is a broken stream.
  if (!issued) throw new Error(`No order ${orderId} in the support's history`);
  return issued.data;
}

function paymentOf(order: PaymentOrderIssued['data']): PaymentOfSchedule {
  const rentMonth = order.instalment === 'relocation' ? null : Number(order.instalment.slice('rent-'.length));
  return { kind: rentMonth === null ? 'relocation' : 'rent', rentMonth };
}

/** Each payment made, as the bank confirmed it (issue 21: "each payment made"). */
export function noticeOfPayment(event: PaymentPaid, history: readonly SupportEvent[]): NoticeIntent[] {
  const order = orderOf(event.data.orderId, history);
  return [
    issueNotice({
      kind: 'payment-made',
      data: {
        ...paymentOf(order),
        orderId: order.orderId,
        amount: order.amount,
        paidOn: event.data.paidOn,
        accountEnding: accountEnding(order.recipient.iban),
      },
    }),
  ];
}

/** A payment returned: the applicant is the one who knows the right account; never the bank's words. */
export function noticeOfReturnedPayment(event: PaymentReturned, history: readonly SupportEvent[]): NoticeIntent[] {
  const order = orderOf(event.data.orderId, history);
  return [
    issueNotice({
      kind: 'payment-returned',
      data: {
        ...paymentOf(order),
        orderId: order.orderId,
        amount: order.amount,
        returnedOn: event.data.returnedOn,
        accountEnding: accountEnding(order.recipient.iban),
      },
    }),
  ];
}

/** The account changed: told at once, so that a change the applicant did not ask for is caught. */
export function noticeOfCorrectedRecipient(event: RecipientCorrected): NoticeIntent[] {
  return [
    issueNotice({
      kind: 'recipient-corrected',
      data: {
        correctedOn: localDateOf(event.data.correctedAt),
        previousAccountEnding: accountEnding(event.data.previousIban),
        accountEnding: accountEnding(event.data.iban),
      },
    }),
  ];
}

/** The support stopped: what is no longer paid and what the terms list for recovery (not a claim). */
export function noticeOfStoppedSupport(event: SupportStopped): NoticeIntent[] {
  const { reason, effectiveOn, cancelledInstalments, cancelledOrders, recovery } = event.data;
  return [
    issueNotice({
      kind: 'support-stopped',
      data: {
        reason,
        effectiveOn,
        // Instalments never ordered, and orders issued but cancelled before the bank answered.
        cancelledPayments: cancelledInstalments.length + cancelledOrders.length,
        recovery: { payments: recovery.items.length, total: recovery.total },
      },
    }),
  ];
}
