import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import {
  ApplicationCommand,
  applicationDecider,
  ApplicationEvent,
  ApplicationState,
  applicationStreamId,
  refusalRecordedIn,
} from '@domain/application';
import { QuotaCommand, QuotaEvent, QuotaState, quotaStreamId, regionalQuotaDecider } from '@domain/quota';
import { CommandOutcome, EventTypeRegistry } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import { DeciderCommandHandler, DomainCommand, EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { ApplicationCommandMessage, QuotaCommandMessage, Untimed } from './command-messages';

/** Stamps the command with the instant of its context: the decider never reads a clock. */
function timed<C>(message: DomainCommand<Untimed<C>>): C {
  return { ...message.payload, at: message.context.now.toISOString() } as C;
}

@CommandHandler(ApplicationCommandMessage)
export class ApplicationCommandHandler extends DeciderCommandHandler<
  Untimed<ApplicationCommand>,
  ApplicationCommand,
  ApplicationEvent,
  ApplicationState
> {
  protected readonly decider = applicationDecider;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(EVENT_TYPE_REGISTRY) registry: EventTypeRegistry) {
    super(store, registry);
  }

  protected streamId(payload: Untimed<ApplicationCommand>): string {
    return applicationStreamId(payload.applicationId);
  }

  protected toDomainCommand(message: ApplicationCommandMessage): ApplicationCommand {
    return timed<ApplicationCommand>(message);
  }

  /**
   * Some refusals are facts to record (a wrong one-time code counts against its attempts on every
   * instance): the decision returns the event, it is appended, and the command is then answered as
   * the refusal it is — on its first run and, from the stored event, on every retry (ADR 17).
   */
  override async execute(message: ApplicationCommandMessage): Promise<CommandOutcome<ApplicationEvent>> {
    const outcome = await super.execute(message);
    const refusal = refusalRecordedIn(outcome.events);
    if (refusal) throw refusal;
    return outcome;
  }
}

@CommandHandler(QuotaCommandMessage)
export class QuotaCommandHandler extends DeciderCommandHandler<
  Untimed<QuotaCommand>,
  QuotaCommand,
  QuotaEvent,
  QuotaState
> {
  protected readonly decider = regionalQuotaDecider;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(EVENT_TYPE_REGISTRY) registry: EventTypeRegistry) {
    super(store, registry);
  }

  protected streamId(payload: Untimed<QuotaCommand>): string {
    return quotaStreamId(payload.region, payload.year, payload.category);
  }

  protected toDomainCommand(message: QuotaCommandMessage): QuotaCommand {
    return timed<QuotaCommand>(message);
  }
}
