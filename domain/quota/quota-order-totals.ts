import { APPLICANT_CATEGORIES, ApplicantCategory } from '../shared/region';
import { CategoryQuotaOrder, QUOTA_ORDERS, QuotaOrder } from './quota-orders';

/**
 * - `matches`: the regions sum to the published total;
 * - `mismatch`: they do not, though the order is complete (or they exceed the total) — a data error;
 * - `incomplete`: some regions were not found and the known ones stay below the total;
 * - `no-published-total`: nothing to compare with.
 */
export type QuotaTotalStatus = 'matches' | 'mismatch' | 'incomplete' | 'no-published-total';

export interface QuotaTotalCheck {
  readonly year: number;
  readonly category: ApplicantCategory;
  readonly sum: number;
  readonly publishedTotal: number | null;
  /** publishedTotal − sum, or null without a published total. */
  readonly missing: number | null;
  readonly status: QuotaTotalStatus;
}

/** Sums each year's and category's regions and compares the sum with the published total. */
export function checkQuotaOrderTotals(orders: readonly QuotaOrder[] = QUOTA_ORDERS): QuotaTotalCheck[] {
  return orders.flatMap((order) =>
    APPLICANT_CATEGORIES.map((category) => checkCategory(order.year, category, order.categories[category])),
  );
}

function checkCategory(year: number, category: ApplicantCategory, quota: CategoryQuotaOrder): QuotaTotalCheck {
  const sum = Object.values(quota.regions).reduce<number>((total, persons) => total + (persons ?? 0), 0);
  const { publishedTotal } = quota;
  if (publishedTotal === null)
    return { year, category, sum, publishedTotal, missing: null, status: 'no-published-total' };
  const missing = publishedTotal - sum;
  return { year, category, sum, publishedTotal, missing, status: totalStatus(missing, quota.complete) };
}

function totalStatus(missing: number, complete: boolean): QuotaTotalStatus {
  if (missing === 0) return 'matches';
  if (missing > 0 && !complete) return 'incomplete';
  return 'mismatch';
}
