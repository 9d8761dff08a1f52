import { assertNever } from '../shared/decider';
import { QuotaCommand, ReleaseSeats, ReserveSeats, SetQuotaCapacity } from './commands';
import { QuotaError, QuotaErrorCode } from './errors';
import { QuotaEvent, SeatReservationDeclined, SeatsReleased, SeatsReserved } from './events';
import { keyOf, QuotaKey, sameQuota } from './quota-key';
import { OpenQuota, QuotaState, remainingSeats } from './state';
import { assertValidQuotaCommand } from './validation';

/**
 * The regional quota's rules. The quota never admits more persons than its capacity, and the answer
 * to an application (reserved or declined) is recorded once and never changes.
 */
export function decideQuota(command: QuotaCommand, state: QuotaState): readonly QuotaEvent[] {
  assertValidQuotaCommand(command);
  if (state.key !== null && !sameQuota(state.key, command)) throw wrongQuota(state.key, keyOf(command));
  switch (command.type) {
    case 'SetQuotaCapacity':
      return setCapacity(command, state);
    case 'ReserveSeats':
      return reserveSeats(command, state);
    case 'ReleaseSeats':
      return releaseSeats(command, state);
    default:
      return assertNever(command, 'quota command');
  }
}

function wrongQuota(stream: QuotaKey, commanded: QuotaKey): QuotaError {
  const name = (key: QuotaKey) => `${key.region}/${key.year}/${key.category}`;
  return new QuotaError(QuotaErrorCode.WrongQuota, `Command for ${name(commanded)} sent to quota ${name(stream)}`);
}

/** A new order may change the capacity, never below the seats taken; the same order twice is a no-op. */
function setCapacity(command: SetQuotaCapacity, state: QuotaState): QuotaEvent[] {
  const { capacity, order, at } = command;
  if (state.status === 'open') {
    const unchanged =
      state.capacity === capacity && state.order.number === order.number && state.order.date === order.date;
    if (unchanged) return [];
    if (capacity < state.taken) {
      throw new QuotaError(
        QuotaErrorCode.CapacityBelowTaken,
        `Capacity ${capacity} is below the ${state.taken} seats already taken`,
        [{ field: 'capacity', reason: `must be at least the ${state.taken} seats already taken` }],
      );
    }
  }
  const previousCapacity = state.status === 'open' ? state.capacity : null;
  const data = {
    ...keyOf(command),
    capacity,
    previousCapacity,
    order: { number: order.number, date: order.date },
    setAt: at,
  };
  return [{ type: 'QuotaCapacitySet', data }];
}

/**
 * Reserves the seats if they fit, else records the refusal. An application already answered
 * (reserved or declined) gets nothing new: its first answer stands, unless the question is asked
 * again after a reopened review or a revoked decision (`askedAfter`, ADR 32). An application whose
 * seats were released holds nothing and may ask again (say, a refusal overturned on appeal); a retried
 * command is deduplicated by its command id before it reaches here (docs/adr/0005).
 */
function reserveSeats(command: ReserveSeats, state: QuotaState): QuotaEvent[] {
  const { applicationId } = command;
  if (state.declined.has(applicationId) && !command.askedAfter) return [];
  if (state.status === 'unset') return [declined(command, 0, 'QUOTA_NOT_SET')];
  if (state.reservations.has(applicationId)) return [];
  const remaining = remainingSeats(state);
  if (command.persons > remaining) return [declined(command, remaining, 'QUOTA_EXHAUSTED')];
  return [reserved(command, state)];
}

function reserved(command: ReserveSeats, state: OpenQuota): SeatsReserved {
  const { applicationId, persons, at } = command;
  const seatsTaken = state.taken + persons;
  const data = {
    ...keyOf(command),
    applicationId,
    persons,
    seatsTaken,
    capacity: state.capacity,
    remaining: state.capacity - seatsTaken,
    reservedAt: at,
  };
  return { type: 'SeatsReserved', data };
}

function declined(
  command: ReserveSeats,
  remaining: number,
  reason: SeatReservationDeclined['data']['reason'],
): SeatReservationDeclined {
  const { applicationId, persons, at } = command;
  return {
    type: 'SeatReservationDeclined',
    data: {
      ...keyOf(command),
      applicationId,
      persons,
      remaining,
      reason,
      declinedAt: at,
      ...(command.askedAfter ? { askedAfter: command.askedAfter } : {}),
    },
  };
}

/**
 * Gives the seats back; an application holding no reservation releases nothing. A release that
 * follows a refusal or a revoked inclusion is moot once the application is no longer refused, or is
 * included again: the reservation it holds then is the new decision's (a release delivered late, after
 * a complaint revoked the refusal and the seats were reserved anew, must not take them).
 */
function releaseSeats(command: ReleaseSeats, state: QuotaState): SeatsReleased[] {
  if (state.status !== 'open' || !releaseStillStands(command)) return [];
  const { applicationId, reason, at } = command;
  const persons = state.reservations.get(applicationId);
  if (persons === undefined) return [];
  const seatsTaken = state.taken - persons;
  const data = {
    ...keyOf(command),
    applicationId,
    persons,
    seatsTaken,
    remaining: state.capacity - seatsTaken,
    reason,
    releasedAt: at,
  };
  return [{ type: 'SeatsReleased', data }];
}

function releaseStillStands({ follows, applicationStatus }: ReleaseSeats): boolean {
  if (applicationStatus === undefined) return true;
  if (follows === 'refusal') return applicationStatus === 'refused';
  if (follows === 'revoked-inclusion') return applicationStatus !== 'included';
  return true;
}
