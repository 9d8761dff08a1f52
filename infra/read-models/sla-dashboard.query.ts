import type Database from 'better-sqlite3';
import { ensureApplicationsSchema } from './applications.projection';
import { Page, pageOfSorted, PageRequest } from './read-model-support';

/**
 * Counts of one region (or all). The three open counts are disjoint and cover every accepted,
 * undecided application: breached wins over at risk, which wins over on time.
 */
export interface SlaCounts {
  /** Signed and undecided, neither flagged at risk nor breached. */
  readonly openOnTime: number;
  /** Undecided, flagged at risk, not (yet) breached. */
  readonly atRisk: number;
  /** Undecided and past the due instant. */
  readonly breached: number;
  readonly decidedOnTime: number;
  readonly decidedLate: number;
}

export interface SlaDashboard {
  /** The quota year asked for, or null for all years. */
  readonly year: number | null;
  /** One entry per region with at least one signed application, ordered by region code. */
  readonly regions: Array<{ readonly region: string } & SlaCounts>;
  readonly overall: SlaCounts;
}

/** The dashboard over HTTP: its regions by cursor pages (by region code), the overall counts of all of them. */
export type SlaDashboardPage = Omit<SlaDashboard, 'regions'> & Page<SlaDashboard['regions'][number]>;

/** Accepted (signed) and not yet decided nor withdrawn: the SLA clock is running. */
const RUNNING = `status IN ('signed', 'under-review', 'reviewed')`;

/**
 * The review SLA at a glance, per region, from the `applications` table. Applications that are only
 * submitted (not signed) have no deadline yet and withdrawn ones none any more: neither is counted.
 */
export class SlaDashboardQuery {
  private readonly counts: Database.Statement;

  constructor(db: Database.Database) {
    ensureApplicationsSchema(db);
    this.counts = db.prepare(`SELECT region,
        COALESCE(SUM(${RUNNING} AND breached = 0 AND at_risk = 0), 0) AS openOnTime,
        COALESCE(SUM(${RUNNING} AND breached = 0 AND at_risk = 1), 0) AS atRisk,
        COALESCE(SUM(${RUNNING} AND breached = 1), 0) AS breached,
        COALESCE(SUM(decision IS NOT NULL AND late = 0), 0) AS decidedOnTime,
        COALESCE(SUM(decision IS NOT NULL AND late = 1), 0) AS decidedLate
      FROM applications
      WHERE status IN ('signed', 'under-review', 'reviewed', 'included', 'refused') AND (@year IS NULL OR quota_year = @year)
      GROUP BY region ORDER BY region`);
  }

  byRegion(year?: number): SlaDashboard {
    const regions = this.counts.all({ year: year ?? null }) as Array<{ region: string } & SlaCounts>;
    const overall = { openOnTime: 0, atRisk: 0, breached: 0, decidedOnTime: 0, decidedLate: 0 };
    for (const row of regions) {
      for (const key of Object.keys(overall) as Array<keyof SlaCounts>) overall[key] += row[key];
    }
    return { year: year ?? null, regions, overall };
  }

  /** A page of the regions, by the cursor of the one before; `overall` counts every region. */
  page(year?: number, page: PageRequest = {}): SlaDashboardPage {
    const { regions, ...report } = this.byRegion(year);
    return { ...report, ...pageOfSorted(regions, page, 1, (row) => [row.region]) };
  }
}
