import type { Instant } from '../shared/calendar-date';
import { assertNever } from '../shared/decider';
import type { PersonEvent, PersonRole } from './events';

export interface Claim {
  readonly applicationId: string;
  readonly role: PersonRole;
  readonly field: string;
  readonly claimedAt: Instant;
}

export interface Inclusion {
  readonly applicationId: string;
  readonly role: PersonRole;
  readonly includedAt: Instant;
}

/**
 * A person is free, held by one open application, or included. The way back from `included` is
 * the revocation of the inclusion (ADR 32): released with the reason `decision-revoked`.
 */
export type PersonState =
  | { readonly status: 'free' }
  | { readonly status: 'claimed'; readonly claim: Claim }
  | { readonly status: 'included'; readonly inclusion: Inclusion };

export const initialPersonState = (): PersonState => ({ status: 'free' });

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonClaimed': {
      const { applicationId, role, field, claimedAt } = event.data;
      return { status: 'claimed', claim: { applicationId, role, field, claimedAt } };
    }
    case 'PersonReleased': {
      // A release names the application it frees the person from; an inclusion is undone only by
      // its revocation (ADR 32).
      const { applicationId, reason } = event.data;
      const claimed = state.status === 'claimed' && state.claim.applicationId === applicationId;
      const revoked =
        state.status === 'included' && reason === 'decision-revoked' && state.inclusion.applicationId === applicationId;
      return claimed || revoked ? { status: 'free' } : state;
    }
    case 'PersonIncluded':
      return { status: 'included', inclusion: event.data };
    default:
      return assertNever(event, 'person event');
  }
}
