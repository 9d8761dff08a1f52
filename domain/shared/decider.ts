/** A domain event: a past-tense type and its data. Metadata (who, when, why) is added outside. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * The shape of every aggregate here (a decider): pure functions, so replaying the same events and
 * commands always gives the same answer. Structurally the same as libs/event-sourcing's `Decider`.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): readonly Event[];
}

/** Closes a `switch` over a union: adding a variant without handling it fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
