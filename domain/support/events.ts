import type { QuotaKey } from '../quota/quota-key';
import type { CalendarDate, Instant } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';
import type { Tenge } from '../shared/money';
import type { RecoveryScope, StopReason } from './payment-terms';
import type { Instalment, InstalmentKey } from './schedule';

/** Who is paid, and where: the applicant (the head of the family) and an IBAN of Kazakhstan. */
export interface Recipient {
  readonly iin: string;
  readonly iban: string;
}

/** What an instalment's amount was computed from: 70 MCI a person once, or the family's monthly rate. */
export type PaymentBasis =
  | { readonly kind: 'relocation'; readonly persons: number; readonly mciPerPerson: 70 }
  | { readonly kind: 'rent'; readonly monthlyRateMci: number };

/** The family's support begins: the schedule, fixed from the arrival on the terms and calendar in force. */
export type SupportOpened = DomainEvent<
  'SupportOpened',
  {
    readonly applicationId: string;
    readonly quota: QuotaKey;
    readonly persons: number;
    /** The rent rate the decision granted (MCI per family per month, 15–30). */
    readonly monthlyRateMci: number;
    readonly recipient: Recipient;
    readonly arrivedOn: CalendarDate;
    readonly registeredOn: CalendarDate;
    readonly schedule: readonly Instalment[];
    readonly termsVersion: string;
    readonly calendarVersion: string;
    readonly openedAt: Instant;
  }
>;

/** An order to pay one instalment, its amount fixed now with the MCI in force on its due day. */
export type PaymentOrderIssued = DomainEvent<
  'PaymentOrderIssued',
  {
    readonly applicationId: string;
    readonly orderId: string;
    readonly instalment: InstalmentKey;
    readonly dueOn: CalendarDate;
    readonly amount: Tenge;
    readonly mci: { readonly value: number; readonly validFrom: CalendarDate };
    readonly basis: PaymentBasis;
    readonly recipient: Recipient;
    /** The returned order this one pays again, after the details were corrected; null for a first order. */
    readonly reissueOf: string | null;
    readonly issuedAt: Instant;
  }
>;

/** The bank paid the order. */
export type PaymentPaid = DomainEvent<
  'PaymentPaid',
  {
    readonly applicationId: string;
    readonly orderId: string;
    readonly paidOn: CalendarDate;
    readonly bankReference: string;
    readonly recordedAt: Instant;
  }
>;

/** The bank sent the money back (a closed account, a wrong name…): the order is not paid. */
export type PaymentReturned = DomainEvent<
  'PaymentReturned',
  {
    readonly applicationId: string;
    readonly orderId: string;
    readonly returnedOn: CalendarDate;
    readonly reason: string;
    readonly recordedAt: Instant;
  }
>;

/** The recipient's account corrected (after a return, or at the family's request). */
export type RecipientCorrected = DomainEvent<
  'RecipientCorrected',
  {
    readonly applicationId: string;
    readonly iban: string;
    readonly previousIban: string;
    readonly correctedAt: Instant;
  }
>;

/** A paid order a stop lists for recovery. */
export interface RecoveryItem {
  readonly orderId: string;
  readonly instalment: InstalmentKey;
  readonly amount: Tenge;
  readonly paidOn: CalendarDate;
}

/** Support stops: every instalment not yet paid is cancelled; paid amounts are listed by the terms. */
export type SupportStopped = DomainEvent<
  'SupportStopped',
  {
    readonly applicationId: string;
    readonly reason: StopReason;
    /** The day the cause took effect (the revocation, the departure, the renunciation). */
    readonly effectiveOn: CalendarDate;
    readonly cancelledInstalments: readonly InstalmentKey[];
    /** Orders issued and not yet answered by the bank: never exported again. */
    readonly cancelledOrders: readonly string[];
    readonly recovery: {
      readonly scope: RecoveryScope;
      readonly items: readonly RecoveryItem[];
      readonly total: Tenge;
    };
    readonly termsVersion: string;
    readonly stoppedAt: Instant;
  }
>;

export type SupportEvent =
  SupportOpened | PaymentOrderIssued | PaymentPaid | PaymentReturned | RecipientCorrected | SupportStopped;
