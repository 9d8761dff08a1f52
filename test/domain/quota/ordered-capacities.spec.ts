import { orderedCapacities, QUOTA_ORDERS, QuotaOrder } from '@domain/quota';

describe('the capacities the published orders set, as recorded on a first start', () => {
  it('gives every region of the 2026 order (of 12.12.2025) its capacity, with the order as the legal basis', () => {
    const { capacities } = orderedCapacities();
    const order = { number: '', date: '2025-12-12' };
    expect(capacities).toHaveLength(15);
    expect(capacities).toContainEqual({ region: 'pavlodar', year: 2026, category: 'kandas', capacity: 977, order });
    expect(capacities).toContainEqual({ region: 'karaganda', year: 2026, category: 'resettler', capacity: 37, order });
    const total = (category: string) =>
      capacities.filter((c) => c.category === category).reduce((sum, c) => sum + c.capacity, 0);
    expect([total('kandas'), total('resettler')]).toEqual([2281, 5997]);
  });

  it('leaves out an order whose date was not found (2025), and names it, for an administrator to enter', () => {
    const { capacities, undated } = orderedCapacities();
    expect(capacities.some((c) => c.year === 2025)).toBe(false);
    expect(undated.map((order) => order.year)).toEqual([2025]);
  });

  it('records an order as soon as its date is known', () => {
    const dated: QuotaOrder = { ...QUOTA_ORDERS[0]!, number: '7', date: '2024-12-20' };
    const { capacities, undated } = orderedCapacities([dated]);
    expect(undated).toEqual([]);
    expect(capacities).toHaveLength(8 + 3);
    expect(capacities[0]).toEqual({
      region: 'pavlodar',
      year: 2025,
      category: 'kandas',
      capacity: 1056,
      order: { number: '7', date: '2024-12-20' },
    });
  });
});
