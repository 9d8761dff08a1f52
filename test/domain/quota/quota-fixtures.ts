import {
  QuotaCapacitySet,
  QuotaKey,
  QuotaOrderRef,
  ReleaseSeats,
  ReserveSeats,
  SeatReservationDeclined,
  SeatsReleased,
  SeatsReserved,
  SetQuotaCapacity,
} from '@domain/quota';

export const PAVLODAR_2026_KANDAS: QuotaKey = { region: 'pavlodar', year: 2026, category: 'kandas' };
export const ORDER_2026: QuotaOrderRef = { number: '', date: '2025-12-12' };
export const AT = '2026-02-02T10:00:00+05:00';

export function setCapacity(
  capacity: number,
  order: QuotaOrderRef = ORDER_2026,
  key: QuotaKey = PAVLODAR_2026_KANDAS,
): SetQuotaCapacity {
  return { type: 'SetQuotaCapacity', ...key, at: AT, capacity, order };
}

export function reserve(applicationId: string, persons: number, key: QuotaKey = PAVLODAR_2026_KANDAS): ReserveSeats {
  return { type: 'ReserveSeats', ...key, at: AT, applicationId, persons };
}

export function release(applicationId: string, reason = 'application refused'): ReleaseSeats {
  return { type: 'ReleaseSeats', ...PAVLODAR_2026_KANDAS, at: AT, applicationId, reason };
}

export function capacitySet(
  capacity: number,
  previousCapacity: number | null = null,
  order: QuotaOrderRef = ORDER_2026,
): QuotaCapacitySet {
  return { type: 'QuotaCapacitySet', data: { ...PAVLODAR_2026_KANDAS, capacity, previousCapacity, order, setAt: AT } };
}

export function seatsReserved(
  applicationId: string,
  persons: number,
  seatsTaken: number,
  capacity: number,
): SeatsReserved {
  return {
    type: 'SeatsReserved',
    data: {
      ...PAVLODAR_2026_KANDAS,
      applicationId,
      persons,
      seatsTaken,
      capacity,
      remaining: capacity - seatsTaken,
      reservedAt: AT,
    },
  };
}

export function reservationDeclined(
  applicationId: string,
  persons: number,
  remaining: number,
  reason: SeatReservationDeclined['data']['reason'] = 'QUOTA_EXHAUSTED',
): SeatReservationDeclined {
  return {
    type: 'SeatReservationDeclined',
    data: { ...PAVLODAR_2026_KANDAS, applicationId, persons, remaining, reason, declinedAt: AT },
  };
}

export function seatsReleased(
  applicationId: string,
  persons: number,
  seatsTaken: number,
  capacity: number,
  reason = 'application refused',
): SeatsReleased {
  return {
    type: 'SeatsReleased',
    data: {
      ...PAVLODAR_2026_KANDAS,
      applicationId,
      persons,
      seatsTaken,
      remaining: capacity - seatsTaken,
      reason,
      releasedAt: AT,
    },
  };
}
