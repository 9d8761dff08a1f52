import { assertNever } from '../shared/decider';
import { ApplicationEvent } from './events';
import { ApplicationState, NO_SLA, SlaState, StateOf } from './state';

type Accepted = StateOf<'signed' | 'under-review' | 'reviewed' | 'included' | 'refused'>;

/**
 * Folds one event into the state. It trusts the event (it was decided and stored): an event that
 * does not fit the state is a corrupted history, and it fails loudly instead of guessing.
 */
export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationSubmitted': {
      const { applicationId, submission, digest, submittedAt } = event.data;
      return { status: 'submitted', applicationId, submission, digest, submittedAt };
    }
    case 'ApplicationSigned':
      return {
        ...as(state, 'submitted', event.type),
        status: 'signed',
        signature: event.data,
        sla: NO_SLA,
        reviewerId: null,
      };
    case 'ReviewStarted':
      return { ...as(state, 'signed', event.type), status: 'under-review', reviewerId: event.data.reviewerId };
    case 'ReviewReassigned':
      return { ...accepted(state, event.type), status: 'under-review', reviewerId: event.data.toReviewerId };
    case 'ApplicationReviewed':
      return { ...as(state, 'under-review', event.type), status: 'reviewed', review: event.data };
    case 'ApplicationIncluded': {
      const reviewed = as(state, 'reviewed', event.type);
      const { personsCounted, decidedAt, decision } = event.data;
      return { ...reviewed, status: 'included', personsCounted, decidedAt, decisionDate: decision.date, subsidies: {} };
    }
    case 'ApplicationRefused':
      return {
        ...accepted(state, event.type),
        status: 'refused',
        decidedAt: event.data.decidedAt,
        grounds: event.data.grounds,
      };
    case 'SubsidyGranted': {
      const included = as(state, 'included', event.type);
      return { ...included, subsidies: { ...included.subsidies, [event.data.kind]: event.data } };
    }
    case 'ApplicationWithdrawn': {
      if (state.status === 'none') throw corrupted(state, event.type);
      return { ...state, status: 'withdrawn', withdrawnFrom: state.status, withdrawnAt: event.data.withdrawnAt };
    }
    case 'ReviewDeadlineScheduled': {
      const { applicationId: _, ...deadline } = event.data;
      return withSla(state, event.type, { deadline });
    }
    case 'ReviewSlaAtRisk':
      return withSla(state, event.type, { atRisk: true });
    case 'ReviewSlaBreached':
      return withSla(state, event.type, { breached: true });
    case 'ReviewEscalated':
      return withSla(state, event.type, { escalated: true });
    default:
      return assertNever(event, 'application event');
  }
}

function withSla(state: ApplicationState, type: string, change: Partial<SlaState>): ApplicationState {
  const current = accepted(state, type);
  return { ...current, sla: { ...current.sla, ...change } };
}

function as<S extends ApplicationState['status']>(state: ApplicationState, status: S, type: string): StateOf<S> {
  if (state.status !== status) throw corrupted(state, type);
  return state as StateOf<S>;
}

function accepted(state: ApplicationState, type: string): Accepted {
  if (state.status === 'none' || state.status === 'submitted' || state.status === 'withdrawn')
    throw corrupted(state, type);
  return state;
}

function corrupted(state: ApplicationState, type: string): Error {
  return new Error(`History is inconsistent: ${type} cannot follow an application in state ${state.status}`);
}
