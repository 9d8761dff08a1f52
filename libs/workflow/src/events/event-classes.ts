import type * as A from '@domain/application';
import { provisionalFromCalendarVersion } from '@domain/application';
import type * as Q from '@domain/quota';
import { EventTypeDefinition, StoredEvent } from '@libs/event-sourcing';

/*
 * One class per stored event type: @nestjs/cqrs routes by class (`ofType` is `instanceof`), and
 * the registry rehydrates each stored event into its class. A new schema version adds an upcaster
 * here (ReviewDeadlineScheduled is at v2) and never changes what an old event meant.
 */
export class ApplicationSubmittedEvent extends StoredEvent<A.ApplicationSubmitted['data']> {}
export class ApplicationSignedEvent extends StoredEvent<A.ApplicationSigned['data']> {}
export class ReviewDeadlineScheduledEvent extends StoredEvent<A.ReviewDeadlineScheduled['data']> {}
export class ReviewStartedEvent extends StoredEvent<A.ReviewStarted['data']> {}
export class ReviewReassignedEvent extends StoredEvent<A.ReviewReassigned['data']> {}
export class ApplicationReviewedEvent extends StoredEvent<A.ApplicationReviewed['data']> {}
export class ApplicationIncludedEvent extends StoredEvent<A.ApplicationIncluded['data']> {}
export class ApplicationRefusedEvent extends StoredEvent<A.ApplicationRefused['data']> {}
export class SubsidyGrantedEvent extends StoredEvent<A.SubsidyGranted['data']> {}
export class ApplicationWithdrawnEvent extends StoredEvent<A.ApplicationWithdrawn['data']> {}
export class ReviewSlaAtRiskEvent extends StoredEvent<A.ReviewSlaAtRisk['data']> {}
export class ReviewSlaBreachedEvent extends StoredEvent<A.ReviewSlaBreached['data']> {}
export class ReviewEscalatedEvent extends StoredEvent<A.ReviewEscalated['data']> {}
export class QuotaCapacitySetEvent extends StoredEvent<Q.QuotaCapacitySet['data']> {}
export class SeatsReservedEvent extends StoredEvent<Q.SeatsReserved['data']> {}
export class SeatReservationDeclinedEvent extends StoredEvent<Q.SeatReservationDeclined['data']> {}
export class SeatsReleasedEvent extends StoredEvent<Q.SeatsReleased['data']> {}

const v1 = <T>(
  type: A.ApplicationEventType | Q.QuotaEvent['type'],
  eventClass: new (...args: never[]) => StoredEvent<T>,
): EventTypeDefinition<T> => ({ type, schemaVersion: 1, eventClass: eventClass as never });

export const WORKFLOW_EVENT_TYPES: readonly EventTypeDefinition<never>[] = [
  v1('ApplicationSubmitted', ApplicationSubmittedEvent),
  v1('ApplicationSigned', ApplicationSignedEvent),
  {
    type: 'ReviewDeadlineScheduled',
    schemaVersion: 2,
    eventClass: ReviewDeadlineScheduledEvent as never,
    // v2 added calendarProvisional; a v1 event is read with it derived from its calendar version.
    upcasters: {
      1: (data) => ({
        ...(data as object),
        calendarProvisional: provisionalFromCalendarVersion(data as A.ScheduledDeadline),
      }),
    },
  } as EventTypeDefinition<never>,
  v1('ReviewStarted', ReviewStartedEvent),
  v1('ReviewReassigned', ReviewReassignedEvent),
  v1('ApplicationReviewed', ApplicationReviewedEvent),
  v1('ApplicationIncluded', ApplicationIncludedEvent),
  v1('ApplicationRefused', ApplicationRefusedEvent),
  v1('SubsidyGranted', SubsidyGrantedEvent),
  v1('ApplicationWithdrawn', ApplicationWithdrawnEvent),
  v1('ReviewSlaAtRisk', ReviewSlaAtRiskEvent),
  v1('ReviewSlaBreached', ReviewSlaBreachedEvent),
  v1('ReviewEscalated', ReviewEscalatedEvent),
  v1('QuotaCapacitySet', QuotaCapacitySetEvent),
  v1('SeatsReserved', SeatsReservedEvent),
  v1('SeatReservationDeclined', SeatReservationDeclinedEvent),
  v1('SeatsReleased', SeatsReleasedEvent),
] as never;
