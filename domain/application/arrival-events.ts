import type { CalendarDate, Instant } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';
import type { SettlementKind } from '../subsidy';
import type { QuotaRef } from './events';

/** Who recorded an arrival: the applicant on the eGov portal, or an officer of the career centre. */
export type ArrivalRecordedBy = 'portal' | 'officer';

/**
 * The included family arrived in the receiving region (ADR 33): where it settled, when, and its
 * registration at the address; the account its support is paid to. What makes the relocation payment
 * due, and opens the support paid month by month.
 */
export type FamilyArrived = DomainEvent<
  'FamilyArrived',
  {
    readonly applicationId: string;
    readonly quota: QuotaRef;
    readonly settlement: { readonly kind: SettlementKind; readonly name: string };
    readonly arrivedOn: CalendarDate;
    readonly registration: { readonly address: string; readonly registeredOn: CalendarDate };
    /** The applicant, the head of the family, is paid; the IBAN as the bank reads it. */
    readonly recipient: { readonly iin: string; readonly iban: string };
    /** What the support pays, as the decision granted it: the persons and the monthly rent rate. */
    readonly support: { readonly persons: number; readonly monthlyRateMci: number };
    readonly recordedBy: ArrivalRecordedBy;
    /** The payment terms the arrival was checked against (their arrival limit). */
    readonly termsVersion: string;
    readonly recordedAt: Instant;
  }
>;
