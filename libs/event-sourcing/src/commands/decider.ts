/** A domain event as deciders produce it: a past-tense type and its data. No metadata, no I/O. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * domain/shared/decider.ts declares the same shape for the domain, which may import nothing outside
 * domain/; TypeScript's structural typing makes the two interchangeable.
 *
 * A decider (Chassaing's pattern, as in Emmett): `decide` turns a command and the current state into
 * new events, `evolve` folds one event into the state. Both pure, so a replay gives the same answer.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): readonly Event[];
}
