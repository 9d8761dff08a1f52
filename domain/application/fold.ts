import type { ApplicationEventType, ApplicationEvent } from './events';
import type { ApplicationState, SlaState, StateOf } from './state';

/**
 * How one event type changes the state. A fold trusts the event (it was decided and stored): an
 * event that does not fit the state is a corrupted history, and it fails loudly instead of guessing.
 */
export type Fold<T extends ApplicationEventType> = (
  state: ApplicationState,
  event: Extract<ApplicationEvent, { type: T }>,
) => ApplicationState;

/** The folds of some event types; each decision file exports those of the events it decides. */
export type Folds<T extends ApplicationEventType> = { readonly [K in T]: Fold<K> };

type Accepted = StateOf<'signed' | 'under-review' | 'reviewed' | 'refusal-proposed' | 'included' | 'refused'>;

export function expectStatus<S extends ApplicationState['status']>(
  state: ApplicationState,
  status: S,
  type: string,
): StateOf<S> {
  if (state.status !== status) throw corrupted(state, type);
  return state as StateOf<S>;
}

export function expectAccepted(state: ApplicationState, type: string): Accepted {
  if (state.status === 'none' || state.status === 'submitted' || state.status === 'withdrawn')
    throw corrupted(state, type);
  return state;
}

export function withSla(state: ApplicationState, type: string, change: Partial<SlaState>): ApplicationState {
  const current = expectAccepted(state, type);
  return { ...current, sla: { ...current.sla, ...change } };
}

export function corrupted(state: ApplicationState, type: string): Error {
  return new Error(`History is inconsistent: ${type} cannot follow an application in state ${state.status}`);
}
