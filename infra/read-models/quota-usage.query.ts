import type Database from 'better-sqlite3';
import { ensureQuotaUsageSchema } from './quota-usage.projection';

export interface QuotaUsageView {
  readonly region: string;
  readonly year: number;
  readonly category: string;
  /** null while no order has set a capacity (a reservation was then declined as QUOTA_NOT_SET). */
  readonly capacity: number | null;
  readonly seatsTaken: number;
  readonly remaining: number;
  /** SeatsReserved events; `releases` of them were given back (refusal, withdrawal). */
  readonly reservations: number;
  readonly releases: number;
  /** SeatReservationDeclined events. */
  readonly declined: number;
  /** The order that set the capacity; number '' when it is unknown. */
  readonly order: { readonly number: string; readonly date: string } | null;
  readonly updatedAt: string;
}

export interface QuotaUsageFilter {
  readonly year?: number;
  readonly region?: string;
  readonly category?: string;
}

type Row = Omit<QuotaUsageView, 'order'> & { orderNumber: string | null; orderDate: string | null };

/** Reads `quota_usage`, ordered by year, region and category. */
export class QuotaUsageQuery {
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    ensureQuotaUsageSchema(db);
    this.select =
      db.prepare(`SELECT region, quota_year AS year, category, capacity, seats_taken AS seatsTaken, remaining, reservations,
        releases, declined, order_number AS orderNumber, order_date AS orderDate, updated_at AS updatedAt
      FROM quota_usage
      WHERE (@year IS NULL OR quota_year = @year) AND (@region IS NULL OR region = @region) AND (@category IS NULL OR category = @category)
      ORDER BY quota_year, region, category`);
  }

  list(filter: QuotaUsageFilter = {}): QuotaUsageView[] {
    const rows = this.select.all({
      year: filter.year ?? null,
      region: filter.region ?? null,
      category: filter.category ?? null,
    }) as Row[];
    return rows.map(({ orderNumber, orderDate, ...row }) => ({
      ...row,
      order: orderDate === null ? null : { number: orderNumber ?? '', date: orderDate },
    }));
  }
}
