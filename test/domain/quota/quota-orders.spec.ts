import { checkQuotaOrderTotals, QUOTA_ORDERS, QuotaOrder } from '@domain/quota';
import { isRegionCode } from '@domain/shared/region';

describe('Quota orders: the published figures, as seed data', () => {
  it('each year’s regions sum to the published totals where the full list is known', () => {
    expect(checkQuotaOrderTotals()).toEqual([
      { year: 2025, category: 'kandas', sum: 2309, publishedTotal: 2309, missing: 0, status: 'matches' },
      { year: 2025, category: 'resettler', sum: 6554, publishedTotal: 7344, missing: 790, status: 'incomplete' },
      { year: 2026, category: 'kandas', sum: 2281, publishedTotal: 2281, missing: 0, status: 'matches' },
      { year: 2026, category: 'resettler', sum: 5997, publishedTotal: 5997, missing: 0, status: 'matches' },
    ]);
  });

  it('a complete order whose regions do not add up is reported as a mismatch', () => {
    const order = QUOTA_ORDERS[1]!;
    const wrong: QuotaOrder = {
      ...order,
      categories: { ...order.categories, kandas: { ...order.categories.kandas, regions: { pavlodar: 976 } } },
    };
    expect(checkQuotaOrderTotals([wrong])[0]).toMatchObject({
      year: 2026,
      category: 'kandas',
      sum: 976,
      status: 'mismatch',
    });
  });

  it('an incomplete list that exceeds the published total is a mismatch too', () => {
    const order = QUOTA_ORDERS[0]!;
    const wrong: QuotaOrder = {
      ...order,
      categories: {
        ...order.categories,
        resettler: { publishedTotal: 100, complete: false, regions: { pavlodar: 101 } },
      },
    };
    expect(checkQuotaOrderTotals([wrong])[1]).toMatchObject({ category: 'resettler', missing: -1, status: 'mismatch' });
  });

  it('without a published total there is nothing to compare', () => {
    const order = QUOTA_ORDERS[1]!;
    const noTotal: QuotaOrder = {
      ...order,
      categories: { ...order.categories, kandas: { ...order.categories.kandas, publishedTotal: null } },
    };
    expect(checkQuotaOrderTotals([noTotal])[0]).toMatchObject({ missing: null, status: 'no-published-total' });
  });

  it('the 2026 order is dated 12.12.2025 and its number is not known', () => {
    expect(QUOTA_ORDERS.find((o) => o.year === 2026)).toMatchObject({ number: '', date: '2025-12-12' });
  });

  it('every region in the orders is a known region code, every figure a whole number of persons', () => {
    for (const order of QUOTA_ORDERS) {
      for (const quota of Object.values(order.categories)) {
        for (const [region, persons] of Object.entries(quota.regions)) {
          expect(isRegionCode(region)).toBe(true);
          expect(Number.isSafeInteger(persons) && persons > 0).toBe(true);
        }
      }
    }
  });
});
