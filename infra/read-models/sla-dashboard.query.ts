import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
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

/** The weeks of one quota year (or all) and region (or all), by cursor pages in week order. */
export interface SlaWeeksFilter {
  readonly year?: number;
  readonly region?: string;
}

/**
 * The applications due in one ISO week (Monday to Sunday, by their due day in Almaty), as they stand:
 * the week the law's clock ran, or runs, out for them.
 */
export type SlaWeek = { readonly week: string; readonly weekStart: string; readonly weekEnd: string } & SlaCounts;

/** Accepted (signed) and not yet decided nor withdrawn: the SLA clock is running. */
const RUNNING = `status IN ('signed', 'under-review', 'reviewed', 'refusal-proposed')`;

/** The five counts, the same for a region and for a week: the open ones are disjoint (breached > at risk > on time). */
const COUNTS = `COALESCE(SUM(${RUNNING} AND breached = 0 AND at_risk = 0), 0) AS openOnTime,
        COALESCE(SUM(${RUNNING} AND breached = 0 AND at_risk = 1), 0) AS atRisk,
        COALESCE(SUM(${RUNNING} AND breached = 1), 0) AS breached,
        COALESCE(SUM(decision IS NOT NULL AND late = 0), 0) AS decidedOnTime,
        COALESCE(SUM(decision IS NOT NULL AND late = 1), 0) AS decidedLate`;

/** Signed and not withdrawn: every application whose review clock started and was not taken back. */
const COUNTED = `status IN ('signed', 'under-review', 'reviewed', 'refusal-proposed', 'included', 'refused')`;

/** The Monday of the due day's week: `%w` is 0 on Sunday, so Sunday goes back 6 days, Monday 0. */
const WEEK_START = `date(due_on, '-' || ((CAST(strftime('%w', due_on) AS INTEGER) + 6) % 7) || ' days')`;

/**
 * The review SLA at a glance, per region, from the `applications` table. Applications that are only
 * submitted (not signed) have no deadline yet and withdrawn ones none any more: neither is counted.
 */
export class SlaDashboardQuery {
  private readonly counts: Database.Statement;
  private readonly weekly: Database.Statement;

  constructor(db: Database.Database) {
    ensureApplicationsSchema(db);
    this.counts = db.prepare(`SELECT region, ${COUNTS} FROM applications
      WHERE ${COUNTED} AND (@year IS NULL OR quota_year = @year)
      GROUP BY region ORDER BY region`);
    this.weekly = db.prepare(`SELECT ${WEEK_START} AS weekStart, ${COUNTS} FROM applications
      WHERE ${COUNTED} AND due_on IS NOT NULL AND (@year IS NULL OR quota_year = @year)
        AND (@region IS NULL OR region = @region)
      GROUP BY weekStart ORDER BY weekStart`);
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

  /**
   * The applications grouped by the ISO week of their due day, each week with the five counts (weeks
   * with none are left out), by cursor pages in week order. A week's rows are few (53 a year), so they
   * are computed whole and paged in memory, like the regions.
   */
  weeks(filter: SlaWeeksFilter = {}, page: PageRequest = {}): Page<SlaWeek> {
    const rows = this.weekly.all({ year: filter.year ?? null, region: filter.region ?? null }) as Array<
      { weekStart: string } & SlaCounts
    >;
    const weeks = rows.map(({ weekStart, ...counts }) => {
      const monday = DateTime.fromISO(weekStart, { zone: 'utc' });
      return {
        week: monday.toFormat("kkkk-'W'WW"),
        weekStart,
        weekEnd: monday.plus({ days: 6 }).toISODate()!,
        ...counts,
      };
    });
    return pageOfSorted(weeks, page, 1, (week) => [week.weekStart]);
  }
}
