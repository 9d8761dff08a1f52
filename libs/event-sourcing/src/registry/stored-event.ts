import { EventMetadata, Position, RecordedEvent } from '../store';

/**
 * Base of the classes that stored events are rehydrated into. @nestjs/cqrs routes events by class
 * (`ofType` is an `instanceof` check), so each event type has one subclass, registered once.
 * It carries the whole envelope: a saga needs the event id to derive its commands' ids.
 */
export abstract class StoredEvent<Data = unknown> {
  constructor(readonly envelope: RecordedEvent<Data>) {}

  get type(): string {
    return this.envelope.type;
  }

  get data(): Data {
    return this.envelope.data;
  }

  get metadata(): EventMetadata {
    return this.envelope.metadata;
  }

  get streamId(): string {
    return this.envelope.streamId;
  }

  get eventId(): string {
    return this.envelope.eventId;
  }

  get position(): Position {
    return this.envelope.position;
  }
}

export type StoredEventClass<Data = unknown> = new (envelope: RecordedEvent<Data>) => StoredEvent<Data>;
