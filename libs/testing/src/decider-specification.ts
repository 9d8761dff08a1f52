import { Decider, DomainEvent } from '@libs/event-sourcing';

type ErrorCheck = (new (...args: never[]) => Error) | ((error: unknown) => boolean) | { code: string };

/** The `then…` half of every specification: what running the rule gave, or what it threw. */
function outcomeOf<Output>(run: () => readonly Output[]) {
  return {
    then(expected: readonly Output[]): void {
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
}

/**
 * given(events).when(command).then(events) — a decider's rules read as sentences, in the manner of
 * Emmett's DeciderSpecification. `then` compares the events exactly; `thenThrows` checks the error's
 * class, its stable code or a predicate; `thenNothingHappened` expects no event at all.
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command) {
          return outcomeOf(() =>
            decider.decide(
              command,
              history.reduce((folded, event) => decider.evolve(folded, event), decider.initialState()),
            ),
          );
        },
      };
    },
  };
}

/**
 * The same sentences for a process: given(context).when(event).then(intents). A process rule maps
 * one event, with the policy and instant it runs under, to the intents it wants carried out.
 */
export function processSpecification<Event, Context, Intent>(
  react: (event: Event, context: Context) => readonly Intent[],
) {
  return {
    given(context: Context) {
      return {
        when(event: Event) {
          return outcomeOf(() => react(event, context));
        },
      };
    },
  };
}
