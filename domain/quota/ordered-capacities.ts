import { APPLICANT_CATEGORIES, RegionCode } from '../shared/region';
import { QuotaOrderRef } from './commands';
import { QuotaKey } from './quota-key';
import { QUOTA_ORDERS, QuotaOrder } from './quota-orders';

/** One region's capacity as a published order sets it: a SetQuotaCapacity still to be timed. */
export interface OrderedCapacity extends QuotaKey {
  readonly capacity: number;
  readonly order: QuotaOrderRef;
}

export interface OrderedCapacities {
  /** Every capacity of the dated orders, in the order's own order (year, category, region as listed). */
  readonly capacities: readonly OrderedCapacity[];
  /**
   * Orders that cannot be recorded as they are: a capacity is set by a dated order, and the date of
   * these was not found (FACTS, "Quotas"). An administrator enters them with the order in hand.
   */
  readonly undated: readonly QuotaOrder[];
}

/** What the published orders (QUOTA_ORDERS) set, quota by quota, with each order as the legal basis. */
export function orderedCapacities(orders: readonly QuotaOrder[] = QUOTA_ORDERS): OrderedCapacities {
  const dated = orders.filter((order): order is QuotaOrder & { date: string } => order.date !== null);
  const capacities = dated.flatMap((order) =>
    APPLICANT_CATEGORIES.flatMap((category) =>
      Object.entries(order.categories[category].regions).map(([region, capacity]) => ({
        region: region as RegionCode,
        year: order.year,
        category,
        capacity,
        order: { number: order.number, date: order.date },
      })),
    ),
  );
  return { capacities, undated: orders.filter((order) => order.date === null) };
}
