import type { QuotaKey } from '../quota/quota-key';
import type { CalendarDate } from '../shared/calendar-date';
import { assertNever } from '../shared/decider';
import type { Tenge } from '../shared/money';
import type { PaymentBasis, Recipient, RecoveryItem, SupportEvent } from './events';
import type { RecoveryScope, StopReason } from './payment-terms';
import type { Instalment, InstalmentKey } from './schedule';

/** An order as the bank's answers left it; `cancelled` by a stop before any answer. */
export interface OrderState {
  readonly orderId: string;
  readonly instalment: InstalmentKey;
  readonly amount: Tenge;
  readonly mci: { readonly value: number; readonly validFrom: CalendarDate };
  readonly basis: PaymentBasis;
  readonly recipient: Recipient;
  readonly reissueOf: string | null;
  readonly dueOn: CalendarDate;
  readonly answer:
    | { readonly state: 'pending' }
    | { readonly state: 'paid'; readonly paidOn: CalendarDate; readonly bankReference: string }
    | { readonly state: 'returned'; readonly returnedOn: CalendarDate; readonly reason: string }
    | { readonly state: 'cancelled' };
}

export interface OpenSupportState {
  readonly status: 'open' | 'stopped';
  readonly applicationId: string;
  readonly quota: QuotaKey;
  readonly persons: number;
  readonly monthlyRateMci: number;
  readonly recipient: Recipient;
  readonly schedule: readonly Instalment[];
  readonly termsVersion: string;
  /** Every order issued, in order. */
  readonly orders: readonly OrderState[];
  /** The stop, with what it listed for recovery: the officer who claims it back works from this list. */
  readonly stop: {
    readonly reason: StopReason;
    readonly effectiveOn: CalendarDate;
    readonly recovery: {
      readonly scope: RecoveryScope;
      readonly items: readonly RecoveryItem[];
      readonly total: Tenge;
    };
  } | null;
}

export type SupportState = { readonly status: 'none' } | OpenSupportState;

export const initialSupportState = (): SupportState => ({ status: 'none' });

export function evolveSupport(state: SupportState, event: SupportEvent): SupportState {
  if (event.type === 'SupportOpened') {
    const { applicationId, quota, persons, monthlyRateMci, recipient, schedule, termsVersion } = event.data;
    return {
      status: 'open',
      applicationId,
      quota,
      persons,
      monthlyRateMci,
      recipient,
      schedule,
      termsVersion,
      orders: [],
      stop: null,
    };
  }
  if (state.status === 'none') throw new Error(`${event.type} on a support that was never opened`);
  switch (event.type) {
    case 'PaymentOrderIssued': {
      const { orderId, instalment, amount, mci, basis, recipient, reissueOf, dueOn } = event.data;
      const order: OrderState = {
        orderId,
        instalment,
        amount,
        mci,
        basis,
        recipient,
        reissueOf,
        dueOn,
        answer: { state: 'pending' },
      };
      return { ...state, orders: [...state.orders, order] };
    }
    case 'PaymentPaid': {
      const { orderId, paidOn, bankReference } = event.data;
      return answered(state, orderId, { state: 'paid', paidOn, bankReference });
    }
    case 'PaymentReturned': {
      const { orderId, returnedOn, reason } = event.data;
      return answered(state, orderId, { state: 'returned', returnedOn, reason });
    }
    case 'RecipientCorrected':
      return { ...state, recipient: { ...state.recipient, iban: event.data.iban } };
    case 'SupportStopped': {
      const cancelled = new Set(event.data.cancelledOrders);
      return {
        ...state,
        status: 'stopped',
        stop: { reason: event.data.reason, effectiveOn: event.data.effectiveOn, recovery: event.data.recovery },
        orders: state.orders.map((order) =>
          cancelled.has(order.orderId) ? { ...order, answer: { state: 'cancelled' } } : order,
        ),
      };
    }
    default:
      return assertNever(event, 'support event');
  }
}

function answered(state: OpenSupportState, orderId: string, answer: OrderState['answer']): OpenSupportState {
  return { ...state, orders: state.orders.map((order) => (order.orderId === orderId ? { ...order, answer } : order)) };
}
