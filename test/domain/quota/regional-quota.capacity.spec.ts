import { deciderSpecification } from '@libs/testing';
import { quotaStreamId, regionalQuotaDecider, SetQuotaCapacity } from '@domain/quota';
import { capacitySet, ORDER_2026, seatsReserved, setCapacity } from './quota-fixtures';

const spec = deciderSpecification(regionalQuotaDecider);
const NEW_ORDER = { number: '123', date: '2026-06-01' };

describe('RegionalQuota: the capacity comes from the minister’s order', () => {
  it('names its stream by region, year and category', () => {
    expect(quotaStreamId('pavlodar', 2026, 'kandas')).toBe('regional-quota-pavlodar-2026-kandas');
    expect(quotaStreamId('east_kazakhstan', 2025, 'resettler')).toBe('regional-quota-east_kazakhstan-2025-resettler');
  });

  it('a first order sets the capacity, with no previous capacity', () => {
    spec
      .given([])
      .when(setCapacity(977))
      .then([capacitySet(977)]);
  });

  it('a new order changes the capacity and records the previous one', () => {
    spec
      .given([capacitySet(977)])
      .when(setCapacity(1000, NEW_ORDER))
      .then([capacitySet(1000, 977, NEW_ORDER)]);
  });

  it('a new order may lower the capacity down to the seats taken, not below', () => {
    const history = [capacitySet(10), seatsReserved('app-1', 4, 4, 10)];
    spec
      .given(history)
      .when(setCapacity(4, NEW_ORDER))
      .then([capacitySet(4, 10, NEW_ORDER)]);
    spec.given(history).when(setCapacity(3, NEW_ORDER)).thenThrows({ code: 'QUOTA.CAPACITY_BELOW_TAKEN' });
  });

  it('the same capacity under the same order again changes nothing', () => {
    spec
      .given([capacitySet(977)])
      .when(setCapacity(977, { ...ORDER_2026 }))
      .thenNothingHappened();
  });

  it('the same capacity under a different order is recorded (the order is part of the audit trail)', () => {
    spec
      .given([capacitySet(977)])
      .when(setCapacity(977, NEW_ORDER))
      .then([capacitySet(977, 977, NEW_ORDER)]);
  });

  it('a capacity of zero is allowed (a region closed by an order)', () => {
    spec
      .given([])
      .when(setCapacity(0))
      .then([capacitySet(0)]);
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses capacity %p, naming the field', (capacity) => {
    spec
      .given([])
      .when(setCapacity(capacity))
      .thenThrows((error) => hasViolation(error, 'QUOTA.INVALID_CAPACITY', 'capacity'));
  });

  it('refuses an order without a valid date', () => {
    spec
      .given([])
      .when(setCapacity(10, { number: '1', date: '12.12.2025' }))
      .thenThrows((error) => hasViolation(error, 'QUOTA.INVALID_COMMAND', 'order.date'));
  });

  it('refuses a command without an ISO instant that names its offset', () => {
    const command: SetQuotaCapacity = { ...setCapacity(10), at: '2026-02-02T10:00:00' };
    spec
      .given([])
      .when(command)
      .thenThrows((error) => hasViolation(error, 'QUOTA.INVALID_COMMAND', 'at'));
  });
});

function hasViolation(error: unknown, code: string, field: string): boolean {
  const e = error as { code?: string; violations?: { field: string }[] };
  return e.code === code && (e.violations ?? []).some((v) => v.field === field);
}
