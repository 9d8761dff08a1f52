import { ICommandHandler } from '@nestjs/cqrs';
import {
  AggregateCache,
  aggregateCacheOf,
  CommandOutcome,
  Decider,
  DomainEvent,
  EventStore,
  EventTypeRegistry,
  handleCommand,
} from '@libs/event-sourcing';
import { DomainCommand } from './domain-command';

/**
 * The base of every command handler: a subclass names the decider and the stream, nothing more.
 * Loading, deciding, appending with the loaded revision and idempotency live in `handleCommand`.
 */
export abstract class DeciderCommandHandler<
  Payload,
  Command,
  Event extends DomainEvent,
  State,
> implements ICommandHandler<DomainCommand<Payload>, CommandOutcome<Event>> {
  protected abstract readonly decider: Decider<Command, Event, State>;
  /** The store's folds, shared with every handler and lookup on it: a load reads only the new events. */
  protected readonly cache: AggregateCache;

  constructor(
    protected readonly store: EventStore,
    protected readonly registry: EventTypeRegistry,
  ) {
    this.cache = aggregateCacheOf(store);
  }

  protected abstract streamId(payload: Payload): string;

  /** Turns the transport payload into the decider's command (adds the time, for instance). */
  protected abstract toDomainCommand(message: DomainCommand<Payload>): Command;

  execute(message: DomainCommand<Payload>): Promise<CommandOutcome<Event>> {
    return handleCommand(this.store, this.registry, {
      streamId: this.streamId(message.payload),
      decider: this.decider,
      command: this.toDomainCommand(message),
      context: message.context,
      expectedRevision: message.expectedRevision,
      cache: this.cache,
    });
  }
}
