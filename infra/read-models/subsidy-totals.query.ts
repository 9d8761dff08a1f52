import type Database from 'better-sqlite3';
import { ensureSubsidyTotalsSchema } from './subsidy-totals.projection';
import { Page, pageOfSorted, PageRequest, toSafeNumber } from './read-model-support';

export interface SubsidyTotal {
  readonly region: string;
  /** The calendar year of the inclusion decision: not the quota year (ADR 20: `year` before). */
  readonly decisionYear: number;
  readonly kind: 'relocation' | 'rent';
  readonly count: number;
  /** Whole tenge. */
  readonly amount: number;
}

export interface SubsidyTotals {
  /** Ordered by decision year, region, kind. */
  readonly totals: SubsidyTotal[];
  readonly grandTotal: { readonly count: number; readonly amount: number };
}

/** The totals over HTTP: by cursor pages (year, region, kind), the grand total of all of them. */
export type SubsidyTotalsPage = Omit<SubsidyTotals, 'totals'> & Page<SubsidyTotal>;

interface Row {
  region: string;
  decisionYear: bigint;
  kind: SubsidyTotal['kind'];
  count: bigint;
  amount: bigint;
}

/** Sums of the subsidies granted, per region, decision year and kind, read in 64-bit integers. */
export class SubsidyTotalsQuery {
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    ensureSubsidyTotalsSchema(db);
    this.select = db
      .prepare(
        `SELECT region, decision_year AS decisionYear, kind, COUNT(*) AS count, SUM(amount) AS amount
      FROM subsidy_grants WHERE (@decisionYear IS NULL OR decision_year = @decisionYear) AND (@region IS NULL OR region = @region)
      GROUP BY decision_year, region, kind ORDER BY decision_year, region, kind`,
      )
      .safeIntegers();
  }

  totals(filter: { readonly decisionYear?: number; readonly region?: string } = {}): SubsidyTotals {
    const rows = this.select.all({ decisionYear: filter.decisionYear ?? null, region: filter.region ?? null }) as Row[];
    let count = 0n;
    let amount = 0n;
    const totals = rows.map((row) => {
      count += row.count;
      amount += row.amount;
      return {
        region: row.region,
        decisionYear: toSafeNumber(row.decisionYear),
        kind: row.kind,
        count: toSafeNumber(row.count),
        amount: toSafeNumber(row.amount),
      };
    });
    return { totals, grandTotal: { count: toSafeNumber(count), amount: toSafeNumber(amount) } };
  }

  /** A page of the totals, by the cursor of the one before; `grandTotal` sums every page. */
  page(
    filter: { readonly decisionYear?: number; readonly region?: string } = {},
    page: PageRequest = {},
  ): SubsidyTotalsPage {
    const { totals, grandTotal } = this.totals(filter);
    // A year has four digits, so its text orders like the number.
    return { grandTotal, ...pageOfSorted(totals, page, 3, (t) => [String(t.decisionYear), t.region, t.kind]) };
  }
}
