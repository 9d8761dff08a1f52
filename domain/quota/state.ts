import { assertNever } from '../shared/decider';
import { QuotaOrderRef } from './commands';
import { QuotaEvent, SeatReservationDeclined, SeatsReleased, SeatsReserved } from './events';
import { keyOf, QuotaKey } from './quota-key';
import { PersistentMap, PersistentSet } from '../shared/persistent-map';

/**
 * Before any order: no capacity. `key` is known once a first event was recorded, and `declined`
 * keeps the applications already answered "QUOTA_NOT_SET" (that answer is final).
 */
export interface UnsetQuota {
  readonly status: 'unset';
  readonly key: QuotaKey | null;
  readonly declined: PersistentSet;
}

/** A capacity is in force: `taken` is the sum of `reservations` (applicationId → persons). */
export interface OpenQuota {
  readonly status: 'open';
  readonly key: QuotaKey;
  readonly capacity: number;
  readonly order: QuotaOrderRef;
  readonly taken: number;
  /** Shared between the states of a fold (PersistentMap): folding a reservation never copies the others. */
  readonly reservations: PersistentMap<number>;
  readonly declined: PersistentSet;
}

export type QuotaState = UnsetQuota | OpenQuota;

export function initialQuotaState(): QuotaState {
  return { status: 'unset', key: null, declined: PersistentSet.empty() };
}

export function remainingSeats(state: OpenQuota): number {
  return state.capacity - state.taken;
}

export function evolveQuota(state: QuotaState, event: QuotaEvent): QuotaState {
  switch (event.type) {
    case 'QuotaCapacitySet': {
      const { capacity, order } = event.data;
      if (state.status === 'open') return { ...state, capacity, order };
      return {
        status: 'open',
        key: keyOf(event.data),
        capacity,
        order,
        taken: 0,
        reservations: PersistentMap.empty(),
        declined: state.declined,
      };
    }
    case 'SeatsReserved':
      return reserved(state, event);
    case 'SeatReservationDeclined':
      return declined(state, event);
    case 'SeatsReleased':
      return released(state, event);
    default:
      return assertNever(event, 'quota event');
  }
}

/** Seats are only ever reserved on an open quota; on any other state the event changes nothing. */
function reserved(state: QuotaState, event: SeatsReserved): QuotaState {
  if (state.status !== 'open') return state;
  const reservations = state.reservations.set(event.data.applicationId, event.data.persons);
  return { ...state, taken: state.taken + event.data.persons, reservations };
}

function declined(state: QuotaState, event: SeatReservationDeclined): QuotaState {
  const declinedIds = state.declined.add(event.data.applicationId);
  if (state.status === 'open') return { ...state, declined: declinedIds };
  return { ...state, key: keyOf(event.data), declined: declinedIds };
}

function released(state: QuotaState, event: SeatsReleased): QuotaState {
  if (state.status !== 'open') return state;
  const reservations = state.reservations.delete(event.data.applicationId);
  return { ...state, taken: state.taken - event.data.persons, reservations };
}
