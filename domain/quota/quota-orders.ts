import { ApplicantCategory, RegionCode } from '../shared/region';

/** One category's quota in one year's order, in persons. */
export interface CategoryQuotaOrder {
  /** The total the order (or its press release) publishes; null when none was found. */
  readonly publishedTotal: number | null;
  /** False when some regions' figures were not found: the listed regions then sum below the total. */
  readonly complete: boolean;
  readonly regions: Readonly<Partial<Record<RegionCode, number>>>;
}

/** A minister's order setting the year's quotas (FACTS, "Quotas"). */
export interface QuotaOrder {
  readonly year: number;
  /** '' when the order's number was not found. */
  readonly number: string;
  /** 'yyyy-MM-dd', or null when the order's date was not found. */
  readonly date: string | null;
  readonly source: string;
  readonly categories: Readonly<Record<ApplicantCategory, CategoryQuotaOrder>>;
}

/**
 * The published orders, as seed data. Capacities reach a quota stream only through the
 * SetQuotaCapacity command, which needs a dated order: an administrator enters or confirms it.
 */
export const QUOTA_ORDERS: readonly QuotaOrder[] = [
  {
    year: 2025,
    // Neither the number nor the date of the 2025 order was found (FACTS gives only the figures).
    number: '',
    date: null,
    source: 'FACTS.md "Quotas", 2025',
    categories: {
      kandas: {
        publishedTotal: 2309,
        complete: true,
        regions: {
          pavlodar: 1056,
          akmola: 285,
          east_kazakhstan: 269,
          abai: 244,
          north_kazakhstan: 175,
          kostanay: 150,
          atyrau: 100,
          west_kazakhstan: 30,
        },
      },
      resettler: {
        // Published total 7,344; only these three regions' figures were found (6,554 persons).
        // The remaining 790 persons' regions were NOT found: to be entered by an administrator.
        publishedTotal: 7344,
        complete: false,
        regions: { pavlodar: 3050, north_kazakhstan: 2969, kostanay: 535 },
      },
    },
  },
  {
    year: 2026,
    // The order of 12.12.2025; its number was not found in FACTS.
    number: '',
    date: '2025-12-12',
    source: 'FACTS.md "Quotas", 2026 (order of 12.12.2025)',
    categories: {
      kandas: {
        publishedTotal: 2281,
        complete: true,
        regions: {
          pavlodar: 977,
          akmola: 285,
          abai: 264,
          east_kazakhstan: 200,
          north_kazakhstan: 200,
          kostanay: 200,
          atyrau: 125,
          west_kazakhstan: 30,
        },
      },
      resettler: {
        publishedTotal: 5997,
        complete: true,
        regions: {
          north_kazakhstan: 2820,
          pavlodar: 1655,
          east_kazakhstan: 600,
          kostanay: 485,
          abai: 275,
          ulytau: 125,
          karaganda: 37,
        },
      },
    },
  },
];
