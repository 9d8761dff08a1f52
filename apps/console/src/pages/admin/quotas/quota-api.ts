import { api, data } from '../../../api/client';
import type { paths } from '../../../api/openapi';
import type { CursorPage } from '../../../components/cursor-pages';

export type QuotaRow =
  paths['/quotas']['get']['responses'][200]['content']['application/json']['data']['items'][number];
export type QuotaCategory = 'kandas' | 'resettler';
export const CATEGORIES: readonly QuotaCategory[] = ['kandas', 'resettler'];

export interface QuotaFilter {
  readonly year: number;
  readonly category: QuotaCategory;
  /** The position of the administrator's own last order: the list waits until it reflects it. */
  readonly atLeast?: string;
}

/** One page of the quotas of a year and category (20 regions: one page at the default limit). */
export async function quotaPage(filter: QuotaFilter, cursor: string | undefined): Promise<CursorPage<QuotaRow>> {
  const answer = await data(
    api.GET('/quotas', {
      params: {
        query: {
          year: String(filter.year),
          category: filter.category,
          limit: '50',
          ...(cursor ? { cursor } : {}),
          ...(filter.atLeast ? { atLeast: filter.atLeast } : {}),
        },
      },
    }),
  );
  return answer.data;
}

export interface QuotaOrder {
  readonly region: string;
  readonly year: number;
  readonly category: QuotaCategory;
  readonly capacity: number;
  readonly orderNumber: string;
  readonly orderDate: string;
}

/** Records the order; a retried click with the same key appends nothing twice. */
export function setQuota(order: QuotaOrder, idempotencyKey: string) {
  return data(
    api.POST('/quotas/{region}/{year}/{category}', {
      params: {
        path: { region: order.region, year: order.year, category: order.category },
        header: { 'Idempotency-Key': idempotencyKey },
      },
      body: { capacity: order.capacity, order: { number: order.orderNumber, date: order.orderDate } },
    }),
  );
}
