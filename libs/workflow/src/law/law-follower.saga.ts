import type { ICommand } from '@nestjs/cqrs';
import { followAmendment, type DeadlineAmendment } from '@domain/review-process';
import { commandIdCausedBy, type EventTypeRegistry, type RecordedEvent } from '@libs/event-sourcing';
import type { DurableSaga } from '@libs/event-sourcing-nest';
import { ApplicationCommandMessage } from '../commands/command-messages';
import type { LawInForce } from './law-in-force';
import type { PendingReviews } from './pending-reviews';

export const LAW_FOLLOWER_RUNNER = 'law-follower';
export const LAW_FOLLOWER_ACTOR = { id: 'law-follower', role: 'system' } as const;

/**
 * Carries the applications in flight along when the law changes (ADR 23): for each amendment of a
 * calendar year or of the SLA policy, in the order they were recorded, it lists the pending reviews
 * (read model) and asks each to recompute its deadline. Run by its own DurableSagaRunner, so it has
 * its own checkpoint, retries and dead letters; every command's id derives from the amendment's
 * event id and the application's, so a restart or a redelivery reschedules nothing twice.
 */
export class LawFollowerSaga implements DurableSaga {
  readonly eventTypes: readonly string[] = ['CalendarYearAmended', 'SlaPolicyAmended'];

  constructor(
    private readonly law: LawInForce,
    private readonly pending: PendingReviews,
    private readonly registry: EventTypeRegistry,
  ) {}

  /** One amendment at a time: a later one must not overtake an earlier one of the same table. */
  partitionOf(): string {
    return LAW_FOLLOWER_RUNNER;
  }

  commandsFor(event: RecordedEvent): ICommand[] {
    const amendment = this.registry.upcast(event) as unknown as DeadlineAmendment & RecordedEvent;
    // A calendar year moves only deadlines that reach into it; a policy moves them all.
    const dueFrom = amendment.type === 'CalendarYearAmended' ? `${amendment.data.year}-01-01` : undefined;
    const intents = followAmendment(
      {
        amendment,
        eventId: event.eventId,
        streamId: event.streamId,
        pendingReviews: this.pending.openReviews(dueFrom),
      },
      this.law.current(),
    );
    // Dated by the amendment, like every process step (issue 16): a late run corrects the same flags.
    const now = new Date(event.metadata.occurredAt);
    return intents.map(
      (intent) =>
        new ApplicationCommandMessage(intent.command as ApplicationCommandMessage['payload'], {
          commandId: commandIdCausedBy(event.eventId, intent.step),
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
          actor: LAW_FOLLOWER_ACTOR,
          now,
        }),
    );
  }
}
