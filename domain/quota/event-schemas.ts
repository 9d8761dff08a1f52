import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import type { QuotaEvent } from './events';

/** The stored schema of every RegionalQuota event type; exhaustive by its mapped type. */
export const QUOTA_EVENT_SCHEMAS: { readonly [T in QuotaEvent['type']]: EventSchema } = {
  QuotaCapacitySet: FIRST_VERSION,
  SeatsReserved: FIRST_VERSION,
  SeatReservationDeclined: FIRST_VERSION,
  SeatsReleased: FIRST_VERSION,
};
