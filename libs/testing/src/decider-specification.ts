import { Decider, DomainEvent } from '@libs/event-sourcing';

type ErrorCheck = (new (...args: never[]) => Error) | ((error: unknown) => boolean) | { code: string };

/**
 * given(events).when(command).then(events) — a decider's rules read as sentences, in the manner of
 * Emmett's DeciderSpecification. `then` compares the events exactly; `thenThrows` checks the error's
 * class, its stable code or a predicate; `thenNothingHappened` expects no event at all.
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command) {
          const run = (): readonly Event[] => {
            const state = history.reduce((folded, event) => decider.evolve(folded, event), decider.initialState());
            return decider.decide(command, state);
          };
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenNothingHappened(): void {
              expect(run()).toEqual([]);
            },
            thenThrows(check: ErrorCheck): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeDefined();
              if (typeof check === 'object') expect(thrown).toMatchObject({ code: check.code });
              else if (check.prototype instanceof Error || check === Error) expect(thrown).toBeInstanceOf(check);
              else expect((check as (error: unknown) => boolean)(thrown)).toBe(true);
            },
          };
        },
      };
    },
  };
}
