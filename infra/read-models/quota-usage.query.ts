import type Database from 'better-sqlite3';
import { ensureQuotaUsageSchema } from './quota-usage.projection';
import { decodeCursor, InvalidReadModelQueryError, Page, pageLimit, pageOf, PageRequest } from './read-model-support';

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

const COLUMNS = `region, quota_year AS year, category, capacity, seats_taken AS seatsTaken, remaining, reservations,
  releases, declined, order_number AS orderNumber, order_date AS orderDate, updated_at AS updatedAt`;
const FILTER = `(@year IS NULL OR quota_year = @year) AND (@region IS NULL OR region = @region) AND (@category IS NULL OR category = @category)`;

/** Reads `quota_usage`, ordered by year, region and category (a quota's key: a total order). */
export class QuotaUsageQuery {
  private readonly select: Database.Statement;
  private readonly firstPage: Database.Statement;
  private readonly nextPage: Database.Statement;

  constructor(db: Database.Database) {
    ensureQuotaUsageSchema(db);
    this.select =
      db.prepare(`SELECT region, quota_year AS year, category, capacity, seats_taken AS seatsTaken, remaining, reservations,
        releases, declined, order_number AS orderNumber, order_date AS orderDate, updated_at AS updatedAt
      FROM quota_usage
      WHERE (@year IS NULL OR quota_year = @year) AND (@region IS NULL OR region = @region) AND (@category IS NULL OR category = @category)
      ORDER BY quota_year, region, category`);
    this.firstPage = db.prepare(
      `SELECT ${COLUMNS} FROM quota_usage WHERE ${FILTER} ORDER BY quota_year, region, category LIMIT @limit`,
    );
    this.nextPage = db.prepare(
      `SELECT ${COLUMNS} FROM quota_usage WHERE ${FILTER} AND (quota_year, region, category) > (@afterYear, @afterRegion, @afterCategory)
       ORDER BY quota_year, region, category LIMIT @limit`,
    );
  }

  /** A page of `list`, by the cursor of the one before. */
  page(filter: QuotaUsageFilter = {}, page: PageRequest = {}): Page<QuotaUsageView> {
    const limit = pageLimit(page.limit);
    const params = {
      year: filter.year ?? null,
      region: filter.region ?? null,
      category: filter.category ?? null,
      limit: limit + 1,
    };
    let rows: Row[];
    if (page.cursor === undefined) rows = this.firstPage.all(params) as Row[];
    else {
      const [year = '', region, category] = decodeCursor(page.cursor, 3);
      if (!/^\d{1,9}$/.test(year)) throw new InvalidReadModelQueryError('cursor', 'is not a cursor this list returned');
      rows = this.nextPage.all({
        ...params,
        afterYear: Number(year),
        afterRegion: region,
        afterCategory: category,
      }) as Row[];
    }
    return pageOf(rows.map(toView), limit, (q) => [String(q.year), q.region, q.category]);
  }

  list(filter: QuotaUsageFilter = {}): QuotaUsageView[] {
    const rows = this.select.all({
      year: filter.year ?? null,
      region: filter.region ?? null,
      category: filter.category ?? null,
    }) as Row[];
    return rows.map(toView);
  }
}

function toView({ orderNumber, orderDate, ...row }: Row): QuotaUsageView {
  return { ...row, order: orderDate === null ? null : { number: orderNumber ?? '', date: orderDate } };
}
