import type Database from 'better-sqlite3';
import {
  APPLICATION_STATUSES,
  ApplicationStatusView,
  ensureApplicationsSchema,
  OPEN_APPLICATION,
} from './applications.projection';
import { decodeCursor, encodeCursor, InvalidReadModelQueryError, pageLimit } from './read-model-support';

/** One application as the back office lists it. The IIN is stored whole: the HTTP layer masks it. */
export interface ApplicationView {
  readonly applicationId: string;
  readonly status: ApplicationStatusView;
  readonly category: string;
  readonly region: string;
  readonly quotaYear: number;
  readonly applicantIin: string;
  readonly applicantName: string;
  readonly persons: number;
  readonly reviewerId: string | null;
  readonly submittedAt: string;
  readonly signedAt: string | null;
  readonly acceptedOn: string | null;
  readonly dueOn: string | null;
  readonly dueAt: string | null;
  readonly atRiskAt: string | null;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
  readonly decidedAt: string | null;
  readonly decision: 'included' | 'refused' | null;
  readonly decisionNumber: string | null;
  readonly decisionDate: string | null;
  readonly late: boolean;
  readonly refusalGrounds: string[] | null;
  readonly relocationAmount: number | null;
  readonly rentAmount: number | null;
  readonly withdrawnAt: string | null;
  readonly updatedAt: string;
  readonly lastRevision: number;
  /** The global position of the last event applied, as a string (positions are 64-bit). */
  readonly lastPosition: string;
}

export interface ApplicationFilter {
  readonly status?: ApplicationStatusView;
  readonly region?: string;
  readonly year?: number;
  readonly category?: string;
  readonly reviewerId?: string;
  /** true: flagged at risk and still open (undecided, not withdrawn); false: all the others. */
  readonly atRisk?: boolean;
  /** true: breached and still open; false: all the others. */
  readonly overdue?: boolean;
}

export interface PageRequest {
  /** 1..200, 50 by default. */
  readonly limit?: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

const COLUMNS = `application_id AS applicationId, status, category, region, quota_year AS quotaYear, applicant_iin AS applicantIin,
  applicant_name AS applicantName, persons, reviewer_id AS reviewerId, submitted_at AS submittedAt, signed_at AS signedAt,
  accepted_on AS acceptedOn, due_on AS dueOn, due_at AS dueAt, at_risk_at AS atRiskAt, at_risk AS atRisk, breached, escalated,
  decided_at AS decidedAt, decision, decision_number AS decisionNumber, decision_date AS decisionDate, late,
  refusal_grounds AS refusalGrounds, relocation_amount AS relocationAmount, rent_amount AS rentAmount, withdrawn_at AS withdrawnAt,
  updated_at AS updatedAt, last_revision AS lastRevision, CAST(last_position AS TEXT) AS lastPosition`;

/** Queues are worked by due date; an application without a deadline yet comes last. */
const BY_DUE = 'ORDER BY due_at IS NULL, due_at, submitted_at, application_id';

type Row = Omit<ApplicationView, 'atRisk' | 'breached' | 'escalated' | 'late' | 'refusalGrounds'> & {
  atRisk: number;
  breached: number;
  escalated: number;
  late: number;
  refusalGrounds: string | null;
};

/** Reads the `applications` table: filtered lists with keyset pagination, and the work queues. */
export class ApplicationsQuery {
  private readonly byId: Database.Statement;
  private readonly reviewer: Database.Statement;
  private readonly supervisors: Database.Statement;
  private readonly unassigned: Database.Statement;
  private readonly lists = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    ensureApplicationsSchema(db);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM applications WHERE application_id = ?`);
    this.reviewer = db.prepare(
      `SELECT ${COLUMNS} FROM applications WHERE reviewer_id = ? AND status IN ('signed', 'under-review') ${BY_DUE}`,
    );
    this.supervisors = db.prepare(
      `SELECT ${COLUMNS} FROM applications WHERE (escalated = 1 OR breached = 1) AND ${OPEN_APPLICATION} ${BY_DUE}`,
    );
    this.unassigned = db.prepare(
      `SELECT ${COLUMNS} FROM applications WHERE status = 'signed' AND reviewer_id IS NULL ${BY_DUE}`,
    );
  }

  /** Ordered by submission instant, then id: a stable order, so a cursor never skips nor repeats a row. */
  list(filter: ApplicationFilter = {}, page: PageRequest = {}): Page<ApplicationView> {
    const limit = pageLimit(page.limit);
    if (filter.status !== undefined && !APPLICATION_STATUSES.includes(filter.status)) {
      throw new InvalidReadModelQueryError('status', `must be one of ${APPLICATION_STATUSES.join(', ')}`);
    }
    if (filter.year !== undefined && !Number.isInteger(filter.year))
      throw new InvalidReadModelQueryError('year', 'must be a whole number');
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: limit + 1 };
    const equal = (column: string, key: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = @${key}`);
      params[key] = value;
    };
    equal('status', 'status', filter.status);
    equal('region', 'region', filter.region);
    equal('quota_year', 'year', filter.year);
    equal('category', 'category', filter.category);
    equal('reviewer_id', 'reviewerId', filter.reviewerId);
    if (filter.atRisk !== undefined) where.push(`${filter.atRisk ? '' : 'NOT '}(at_risk = 1 AND ${OPEN_APPLICATION})`);
    if (filter.overdue !== undefined)
      where.push(`${filter.overdue ? '' : 'NOT '}(breached = 1 AND ${OPEN_APPLICATION})`);
    if (page.cursor !== undefined) {
      const after = decodeCursor(page.cursor);
      where.push('(submitted_at, application_id) > (@afterKey, @afterId)');
      Object.assign(params, { afterKey: after.key, afterId: after.id });
    }
    const sql = `SELECT ${COLUMNS} FROM applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY submitted_at, application_id LIMIT @limit`;
    const rows = (this.statement(sql).all(params) as Row[]).map(toView);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.applicationId) : null,
    };
  }

  get(applicationId: string): ApplicationView | null {
    const row = this.byId.get(applicationId) as Row | undefined;
    return row ? toView(row) : null;
  }

  /** The reviewer's open work: applications under review by them (or signed and assigned to them), by due date. */
  reviewerQueue(reviewerId: string): ApplicationView[] {
    return (this.reviewer.all(reviewerId) as Row[]).map(toView);
  }

  /** Escalated or breached applications still open, by due date. */
  supervisorQueue(): ApplicationView[] {
    return (this.supervisors.all() as Row[]).map(toView);
  }

  /** Signed applications nobody has picked up yet, by due date. */
  unassignedQueue(): ApplicationView[] {
    return (this.unassigned.all() as Row[]).map(toView);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.lists.get(sql);
    if (!statement) this.lists.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

function toView(row: Row): ApplicationView {
  return {
    ...row,
    atRisk: row.atRisk === 1,
    breached: row.breached === 1,
    escalated: row.escalated === 1,
    late: row.late === 1,
    refusalGrounds: row.refusalGrounds === null ? null : (JSON.parse(row.refusalGrounds) as string[]),
  };
}
