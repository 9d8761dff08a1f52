import { EventBus } from '@nestjs/cqrs';
import { EventTypeRegistry, Reactor, RecordedEvent } from '@libs/event-sourcing';

/**
 * Feeds the Nest EventBus from the store's subscription, never from the write path: a saga or an
 * event handler only ever sees an event that is committed, and sees it again after a restart until
 * the bridge's checkpoint has moved past it.
 */
export class EventBusBridge implements Reactor {
  readonly kind = 'reactor';
  readonly filter;

  constructor(
    private readonly eventBus: EventBus,
    private readonly registry: EventTypeRegistry,
    readonly name = 'nest-event-bus',
  ) {
    this.filter = { eventTypes: registry.types() };
  }

  async handle(event: RecordedEvent): Promise<void> {
    await this.eventBus.publish(this.registry.rehydrate(event));
  }
}
