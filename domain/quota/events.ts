import type { AskedAfter } from './commands';
import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import { DomainEvent } from '../shared/decider';
import { QuotaOrderRef } from './commands';
import { QuotaKey } from './quota-key';

/**
 * Every event repeats the quota it belongs to (region, year, category), so a projection or an
 * auditor reads it without parsing the stream id.
 */
export type QuotaCapacitySet = DomainEvent<
  'QuotaCapacitySet',
  QuotaKey & {
    readonly capacity: number;
    /** null the first time a capacity is set. */
    readonly previousCapacity: number | null;
    readonly order: QuotaOrderRef;
    readonly setAt: string;
  }
>;

export type SeatsReserved = DomainEvent<
  'SeatsReserved',
  QuotaKey & {
    readonly applicationId: string;
    readonly persons: number;
    /** Seats taken after this reservation. */
    readonly seatsTaken: number;
    readonly capacity: number;
    /** Seats left after this reservation. */
    readonly remaining: number;
    readonly reservedAt: string;
  }
>;

export type SeatReservationDeclinedReason = 'QUOTA_EXHAUSTED' | 'QUOTA_NOT_SET';

/** A final answer for the application, recorded so it is auditable and never changes. */
export type SeatReservationDeclined = DomainEvent<
  'SeatReservationDeclined',
  QuotaKey & {
    readonly applicationId: string;
    readonly persons: number;
    /** Seats that were left when the request was declined (0 when no capacity is set). */
    readonly remaining: number;
    readonly reason: SeatReservationDeclinedReason;
    readonly declinedAt: string;
    /** Set when the question was asked again (ReserveSeats.askedAfter, ADR 32); absent for the first. */
    readonly askedAfter?: AskedAfter;
  }
>;

export type SeatsReleased = DomainEvent<
  'SeatsReleased',
  QuotaKey & {
    readonly applicationId: string;
    readonly persons: number;
    /** Seats taken after the release. */
    readonly seatsTaken: number;
    readonly remaining: number;
    readonly reason: string;
    readonly releasedAt: string;
  }
>;

export type QuotaEvent = QuotaCapacitySet | SeatsReserved | SeatReservationDeclined | SeatsReleased;

/** The stored schema of every RegionalQuota event type; exhaustive by its mapped type. */
export const QUOTA_EVENT_SCHEMAS: { readonly [T in QuotaEvent['type']]: EventSchema } = {
  QuotaCapacitySet: FIRST_VERSION,
  SeatsReserved: FIRST_VERSION,
  SeatReservationDeclined: FIRST_VERSION,
  SeatsReleased: FIRST_VERSION,
};
