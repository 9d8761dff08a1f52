import { EventTypeRegistry } from '../registry';
import { EventStore, NO_STREAM_REVISION, Position, RecordedEvent } from '../store';
import { Decider, DomainEvent } from './decider';

export interface LoadedAggregate<State> {
  readonly state: State;
  /** Last revision folded, -1 when the stream does not exist. */
  readonly revision: number;
  /** The events an earlier run of this command id stored, if any (then the command is a no-op). */
  readonly handled: readonly RecordedEvent[];
}

/** Folds a stream into its decider's state, upcasting each stored event to its current schema. */
export async function loadAggregate<Command, Event extends DomainEvent, State>(
  store: EventStore,
  registry: EventTypeRegistry,
  streamId: string,
  decider: Decider<Command, Event, State>,
  commandId?: string,
): Promise<LoadedAggregate<State>> {
  let state = decider.initialState();
  let revision = NO_STREAM_REVISION;
  const handled: RecordedEvent[] = [];
  for await (const stored of store.readStream(streamId)) {
    const event = registry.upcast(stored);
    state = decider.evolve(state, { type: event.type, data: event.data } as Event);
    revision = event.revision;
    if (commandId !== undefined && event.metadata.commandId === commandId) handled.push(event);
  }
  return { state, revision, handled };
}

export function lastPosition(events: readonly RecordedEvent[]): Position | null {
  return events.length === 0 ? null : events[events.length - 1]!.position;
}
