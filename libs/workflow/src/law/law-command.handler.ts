import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LawCommand, LawEvent, Untimed } from '@domain/law';
import type { CommandOutcome, EventStore, EventTypeRegistry } from '@libs/event-sourcing';
import { DomainCommand, EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { amendLaw } from './amend-law';

/** An amendment of the law on its way through the CommandBus (HTTP; the CLI and the baseline call amendLaw). */
export class LawCommandMessage extends DomainCommand<Untimed<LawCommand>> {}

@CommandHandler(LawCommandMessage)
export class LawCommandHandler implements ICommandHandler<LawCommandMessage, CommandOutcome<LawEvent>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_TYPE_REGISTRY) private readonly registry: EventTypeRegistry,
  ) {}

  execute(message: LawCommandMessage): Promise<CommandOutcome<LawEvent>> {
    const command = { ...message.payload, at: message.context.now.toISOString() } as LawCommand;
    return amendLaw(this.store, this.registry, command, message.context, message.expectedRevision);
  }
}
