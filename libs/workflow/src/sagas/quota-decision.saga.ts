import { IEvent, Saga } from '@nestjs/cqrs';
import { filter, map, merge, Observable } from 'rxjs';
import { ApplicationErrorCode, QUOTA_EXHAUSTED } from '@domain/application';
import type { Clock } from '@libs/event-sourcing';
import { ofType, sagaStepContext } from '@libs/event-sourcing-nest';
import { ApplicationCommandMessage, QuotaCommandMessage } from '../commands/command-messages';
import {
  ApplicationRefusedEvent,
  ApplicationReviewedEvent,
  ApplicationWithdrawnEvent,
  SeatReservationDeclinedEvent,
  SeatsReservedEvent,
} from '../events/event-classes';
import { decisionFor } from './decision-numbers';

/** The application moved on (decided or withdrawn) while its seats were being reserved. */
const CLOSED = [ApplicationErrorCode.AlreadyDecided, ApplicationErrorCode.Withdrawn];

/**
 * From a review to a decision. An eligible review reserves seats for the whole family on the
 * region's quota; seats reserved → inclusion, reservation declined → a refusal on the
 * quota-exhausted ground. A not-eligible review → a refusal on the reviewer's grounds. Seats held
 * by an application that is refused or withdrawn are given back.
 */
export class QuotaDecisionSaga {
  constructor(private readonly clock: Clock) {}

  @Saga()
  reserveOrRefuse = (events$: Observable<IEvent>) => {
    const reviewed$ = events$.pipe(ofType(ApplicationReviewedEvent));
    const reserve$ = reviewed$.pipe(
      filter((event) => event.data.verdict === 'eligible'),
      map((event) => {
        const { applicationId, quota, personsMoving } = event.data;
        return new QuotaCommandMessage({ type: 'ReserveSeats', ...quota, applicationId, persons: personsMoving }, sagaStepContext(event, 'reserve-seats', this.clock));
      }),
    );
    const refuse$ = reviewed$.pipe(
      filter((event) => event.data.verdict === 'not-eligible'),
      map((event) => {
        const { applicationId, quota, refusalGrounds, findings, comment } = event.data;
        const context = sagaStepContext(event, 'refuse-not-eligible', this.clock);
        const rejected = findings.filter((f) => !f.accepted).map((f) => `document ${f.documentIndex}${f.note ? `: ${f.note}` : ''}`);
        const explanation = [comment, rejected.length ? `Rejected: ${rejected.join('; ')}` : undefined].filter(Boolean).join('. ') || `Refused on ${refusalGrounds.join(', ')}`;
        return new ApplicationCommandMessage(
          { type: 'RefuseApplication', applicationId, grounds: refusalGrounds, explanation, decision: decisionFor('refusal', applicationId, quota.year, context.now) },
          context,
        ).whenRejected(CLOSED);
      }),
    );
    return merge(reserve$, refuse$);
  };

  @Saga()
  decideOnReservation = (events$: Observable<IEvent>) => {
    const include$ = events$.pipe(
      ofType(SeatsReservedEvent),
      map((event) => {
        const { applicationId, persons, region, year, category } = event.data;
        const context = sagaStepContext(event, 'include-in-quota', this.clock);
        const giveBack = new QuotaCommandMessage(
          { type: 'ReleaseSeats', region, year, category, applicationId, reason: 'The application was closed before its inclusion' },
          sagaStepContext(event, 'release-unused-seats', this.clock),
        );
        return new ApplicationCommandMessage(
          { type: 'IncludeInQuota', applicationId, personsCounted: persons, decision: decisionFor('inclusion', applicationId, year, context.now) },
          context,
        ).whenRejected(CLOSED, giveBack);
      }),
    );
    const refuse$ = events$.pipe(
      ofType(SeatReservationDeclinedEvent),
      map((event) => {
        const { applicationId, persons, remaining, region, year, category, reason } = event.data;
        const context = sagaStepContext(event, 'refuse-quota-exhausted', this.clock);
        const explanation = reason === 'QUOTA_NOT_SET'
          ? `No ${category} quota is set for ${region} in ${year}`
          : `The ${category} quota of ${region} for ${year} has ${remaining} seat(s) left; the family counts ${persons}`;
        return new ApplicationCommandMessage(
          { type: 'RefuseApplication', applicationId, grounds: [QUOTA_EXHAUSTED], explanation, decision: decisionFor('refusal', applicationId, year, context.now) },
          context,
        ).whenRejected(CLOSED);
      }),
    );
    return merge(include$, refuse$);
  };

  @Saga()
  releaseWhenClosed = (events$: Observable<IEvent>) =>
    merge(events$.pipe(ofType(ApplicationRefusedEvent)), events$.pipe(ofType(ApplicationWithdrawnEvent))).pipe(
      map((event) => {
        const { applicationId, quota } = event.data;
        const reason = event instanceof ApplicationWithdrawnEvent ? 'The application was withdrawn' : 'The application was refused';
        return new QuotaCommandMessage({ type: 'ReleaseSeats', ...quota, applicationId, reason }, sagaStepContext(event, 'release-seats', this.clock));
      }),
    );
}
