import { ICommand, IEvent, Saga } from '@nestjs/cqrs';
import { mergeMap, Observable } from 'rxjs';
import {
  partitionOf,
  react,
  typesActedOn,
  type Intent,
  type SendCommand,
  type WorkflowEvent,
} from '@domain/review-process';
import type { EventTypeRegistry, RecordedEvent } from '@libs/event-sourcing';
import { DomainCommand, sagaStepContext, type DurableSaga } from '@libs/event-sourcing-nest';
import {
  ApplicationCommandMessage,
  PersonsCommandMessage,
  QuotaCommandMessage,
  SupportCommandMessage,
} from '../commands/command-messages';
import type { LawInForce } from '../law/law-in-force';

/**
 * The review process at Nest's edge: it hands each stored event to the pure process
 * (`@domain/review-process`) and turns the intents into commands for the CommandBus. It decides
 * nothing itself. The DurableSagaRunner feeds it from a checkpointed subscription and awaits the
 * commands; the @Saga() stream does the same mapping for Nest's in-memory EventBus.
 */
export class ReviewSaga implements DurableSaga {
  readonly eventTypes: readonly string[] = typesActedOn();

  constructor(
    private readonly law: LawInForce,
    private readonly registry: EventTypeRegistry,
  ) {}

  @Saga()
  readonly commands = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(mergeMap((event) => this.commandsFor(event as RecordedEvent)));

  /** A rule that throws fails its step, where it is retried and parked: here it runs on its own stream. */
  partitionOf(event: RecordedEvent): string {
    try {
      return partitionOf(this.intentsOf(event, causedAt(event)), event.streamId);
    } catch {
      return event.streamId;
    }
  }

  /**
   * Every step is dated by the event that caused it, never by when the step happens to run: a
   * retry, a redelivery or a restart after midnight on 31 December keeps the decision's date, its
   * year, its MCI and its number (issue 16).
   */
  commandsFor(event: RecordedEvent): ICommand[] {
    const now = causedAt(event);
    return this.intentsOf(event, now).flatMap((intent) =>
      intent.kind === 'send' ? [this.toMessage(intent, event, now)] : [],
    );
  }

  private intentsOf(recorded: RecordedEvent, now: Date): readonly Intent[] {
    const { type, data } = this.registry.upcast(recorded);
    // The registry knows every stored type; the process reacts only to the workflow's own.
    return react({ type, data } as WorkflowEvent, { policy: this.law.current(), now });
  }

  private toMessage(intent: SendCommand, cause: RecordedEvent, now: Date): DomainCommand<unknown> {
    const context = sagaStepContext(cause, intent.step, now);
    const message = messageOf(intent, context);
    const { whenMoot } = intent;
    if (!whenMoot) return message;
    const compensation = whenMoot.compensation && this.toMessage(whenMoot.compensation, cause, now);
    return message.whenRejected(whenMoot.codes, compensation);
  }
}

function messageOf(intent: SendCommand, context: ReturnType<typeof sagaStepContext>): DomainCommand<unknown> {
  switch (intent.to) {
    case 'application':
      return new ApplicationCommandMessage(intent.command, context);
    case 'quota':
      return new QuotaCommandMessage(intent.command, context);
    case 'persons':
      return new PersonsCommandMessage(intent.command, context);
    case 'support':
      return new SupportCommandMessage(intent.command, context);
  }
}

/** The instant of the business fact that caused a step (its metadata), not of the step's run. */
function causedAt(event: RecordedEvent): Date {
  return new Date(event.metadata.occurredAt);
}
