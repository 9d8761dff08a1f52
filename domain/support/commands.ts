import type { MciInForce } from '../subsidy';
import type { QuotaKey } from '../quota/quota-key';
import type { CalendarDate, Instant } from '../shared/calendar-date';
import type { PaymentTerms, StopReason } from './payment-terms';
import type { Recipient } from './events';
import type { Instalment, InstalmentKey } from './schedule';

interface SupportCommandBase {
  readonly applicationId: string;
  /** The instant the command is decided at (the clock's, or the timer's). */
  readonly at: Instant;
}

/** Sent by the process on the family's arrival, with the schedule computed by `supportSchedule`. */
export interface OpenSupport extends SupportCommandBase {
  readonly type: 'OpenSupport';
  readonly quota: QuotaKey;
  readonly persons: number;
  readonly monthlyRateMci: number;
  readonly recipient: Recipient;
  readonly arrivedOn: CalendarDate;
  readonly registeredOn: CalendarDate;
  readonly schedule: readonly Instalment[];
  readonly terms: PaymentTerms;
  readonly calendarVersion: string;
}

/** Sent by the deadline scheduler at an instalment's instant, with the MCI in force on its due day. */
export interface IssuePaymentOrder extends SupportCommandBase {
  readonly type: 'IssuePaymentOrder';
  readonly instalment: InstalmentKey;
  readonly mci: MciInForce;
}

export interface RecordPaymentPaid extends SupportCommandBase {
  readonly type: 'RecordPaymentPaid';
  readonly orderId: string;
  readonly paidOn: CalendarDate;
  readonly bankReference: string;
}

export interface RecordPaymentReturned extends SupportCommandBase {
  readonly type: 'RecordPaymentReturned';
  readonly orderId: string;
  readonly returnedOn: CalendarDate;
  readonly reason: string;
}

export interface CorrectRecipient extends SupportCommandBase {
  readonly type: 'CorrectRecipient';
  readonly iban: string;
}

/** Pays a returned order again, to the corrected account: the same amount, a new order id. */
export interface ReissuePaymentOrder extends SupportCommandBase {
  readonly type: 'ReissuePaymentOrder';
  readonly orderId: string;
}

export interface StopSupport extends SupportCommandBase {
  readonly type: 'StopSupport';
  readonly reason: StopReason;
  readonly effectiveOn: CalendarDate;
}

export type SupportCommand =
  | OpenSupport
  | IssuePaymentOrder
  | RecordPaymentPaid
  | RecordPaymentReturned
  | CorrectRecipient
  | ReissuePaymentOrder
  | StopSupport;
