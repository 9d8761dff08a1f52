import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import type { ApplicationEventType } from './events';
import { provisionalFromCalendarVersion, type ScheduledDeadline } from './review-deadline';

/**
 * The stored schema of every Application event type. The mapped type makes the list exhaustive: a
 * new event type does not compile until it is given its schema here.
 */
export const APPLICATION_EVENT_SCHEMAS: { readonly [T in ApplicationEventType]: EventSchema } = {
  ApplicationSubmitted: FIRST_VERSION,
  ApplicationSigned: FIRST_VERSION,
  ReviewDeadlineScheduled: {
    schemaVersion: 2,
    // v2 added calendarProvisional; a v1 event is read with it derived from its calendar version.
    upcasters: {
      1: (data) => ({
        ...(data as object),
        calendarProvisional: provisionalFromCalendarVersion(data as ScheduledDeadline),
      }),
    },
  },
  ReviewStarted: FIRST_VERSION,
  ReviewReassigned: FIRST_VERSION,
  ApplicationReviewed: FIRST_VERSION,
  ApplicationIncluded: FIRST_VERSION,
  ApplicationRefused: FIRST_VERSION,
  SubsidyGranted: FIRST_VERSION,
  ApplicationWithdrawn: FIRST_VERSION,
  ReviewSlaAtRisk: FIRST_VERSION,
  ReviewSlaBreached: FIRST_VERSION,
  ReviewEscalated: FIRST_VERSION,
};
