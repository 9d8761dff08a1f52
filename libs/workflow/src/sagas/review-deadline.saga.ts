import { IEvent, Saga } from '@nestjs/cqrs';
import { map, Observable } from 'rxjs';
import type { Clock } from '@libs/event-sourcing';
import { ofType, sagaStepContext } from '@libs/event-sourcing-nest';
import { ApplicationCommandMessage } from '../commands/command-messages';
import { ApplicationSignedEvent, ReviewSlaBreachedEvent } from '../events/event-classes';
import { scheduledDeadlineOf } from '../workflow-config';
import type { WorkflowConfig } from '../workflow-config';

/**
 * The review clock. Signing accepts the application: its due date is computed once, from the
 * working-day calendar, and recorded (never recomputed on replay). The at-risk warning and the
 * breach fire from the deadline scheduler; a breach moves the review to the supervisors' queue.
 */
export class ReviewDeadlineSaga {
  constructor(
    private readonly config: WorkflowConfig,
    private readonly clock: Clock,
  ) {}

  @Saga()
  scheduleOnSigning = (events$: Observable<IEvent>) =>
    events$.pipe(
      ofType(ApplicationSignedEvent),
      map((event) => {
        return new ApplicationCommandMessage(
          { type: 'ScheduleReviewDeadline', applicationId: event.data.applicationId, deadline: scheduledDeadlineOf(event.data.signedAt, this.config) },
          sagaStepContext(event, 'schedule-review-deadline', this.clock),
        );
      }),
    );

  @Saga()
  escalateOnBreach = (events$: Observable<IEvent>) =>
    events$.pipe(
      ofType(ReviewSlaBreachedEvent),
      map((event) =>
        new ApplicationCommandMessage(
          { type: 'EscalateReview', applicationId: event.data.applicationId, reason: `No decision by the due instant ${event.data.dueAt} (14 working days)` },
          sagaStepContext(event, 'escalate-review', this.clock),
        ),
      ),
    );
}
