import type Database from 'better-sqlite3';
import { nameQueryWords } from '@domain/shared/name-search';
import { isCalendarDate, isInstant } from '@domain/shared/calendar-date';
import {
  APPLICATION_STATUSES,
  ApplicationStatusView,
  ensureApplicationsSchema,
  OPEN_APPLICATION,
} from './applications.projection';
import { ApplicationDetailsView, detailsView, DetailsRow } from './application-details.view';
import { HearingsQuery } from './hearings.query';
import {
  decodeCursor,
  InvalidReadModelQueryError,
  Page,
  pageLimit,
  pageOf,
  PageRequest,
  utcInstant,
} from './read-model-support';

export type { Page, PageRequest } from './read-model-support';

/** One application as the back office lists it. The IIN is stored whole: the HTTP layer masks it. */
export interface ApplicationView {
  readonly applicationId: string;
  readonly status: ApplicationStatusView;
  readonly category: string;
  readonly region: string;
  readonly year: number;
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
  /** The refusal's grounds (codes of the refusal-ground list); null unless refused. */
  readonly grounds: string[] | null;
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
  /** The IIN of the applicant or of a family member, exactly. */
  readonly iin?: string;
  /**
   * Words of a name of the applicant or of a family member, in Cyrillic or Latin letters, with or
   * without the Kazakh letters, in any case: each must start a word of one person's name.
   */
  readonly name?: string;
  /** Due strictly before: a date (yyyy-MM-dd, the due date in Almaty) or an instant. */
  readonly dueBefore?: string;
  /** Due strictly after: a date (yyyy-MM-dd, the due date in Almaty) or an instant. */
  readonly dueAfter?: string;
}

const COLUMNS = `application_id AS applicationId, status, category, region, quota_year AS year, applicant_iin AS applicantIin,
  applicant_name AS applicantName, persons, reviewer_id AS reviewerId, submitted_at AS submittedAt, signed_at AS signedAt,
  accepted_on AS acceptedOn, due_on AS dueOn, due_at AS dueAt, at_risk_at AS atRiskAt, at_risk AS atRisk, breached, escalated,
  decided_at AS decidedAt, decision, decision_number AS decisionNumber, decision_date AS decisionDate, late,
  refusal_grounds AS grounds, relocation_amount AS relocationAmount, rent_amount AS rentAmount, withdrawn_at AS withdrawnAt,
  updated_at AS updatedAt, last_revision AS lastRevision, CAST(last_position AS TEXT) AS lastPosition`;

/**
 * Queues are worked by due date; an application without a deadline yet comes last ('~' sorts after
 * every instant), then by submission and id: a total order, so a cursor never skips nor repeats a row.
 */
const DUE_KEY: SortKey = { columns: [`COALESCE(due_at, '~')`, 'submitted_at', 'application_id'] };
const NO_DUE = '~';

/** Lists are in submission order, then id. */
const SUBMISSION_KEY: SortKey = { columns: ['submitted_at', 'application_id'] };

/** The expressions a list is ordered by, the last one unique: its keyset cursor holds their values. */
interface SortKey {
  readonly columns: readonly string[];
}

type Row = Omit<ApplicationView, 'atRisk' | 'breached' | 'escalated' | 'late' | 'grounds'> & {
  atRisk: number;
  breached: number;
  escalated: number;
  late: number;
  grounds: string | null;
};

type Params = Record<string, string | number>;

/** The queues of the back office: which open applications each holds. */
const QUEUES = {
  /** Applications signed and assigned to, or under review by, one reviewer. */
  reviewer: `reviewer_id = @reviewerId AND status IN ('signed', 'under-review')`,
  /** Escalated or breached applications still open. */
  supervisors: `(escalated = 1 OR breached = 1) AND ${OPEN_APPLICATION}`,
  /** Signed applications nobody has picked up yet. */
  unassigned: `status = 'signed' AND reviewer_id IS NULL`,
} as const;

/** Reads the `applications` tables: one application whole, filtered lists and the work queues, by cursor pages. */
export class ApplicationsQuery {
  private readonly byId: Database.Statement;
  private readonly detailsById: Database.Statement;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly hearings: HearingsQuery;

  constructor(private readonly db: Database.Database) {
    ensureApplicationsSchema(db);
    this.hearings = new HearingsQuery(db);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM applications WHERE application_id = ?`);
    this.detailsById = db.prepare(
      `SELECT ${COLUMNS}, d.submission AS submissionJson, d.review AS reviewJson, d.refusal AS refusalJson,
         d.proposal AS proposalJson, d.revocations AS revocationsJson
       FROM applications JOIN application_details d USING (application_id) WHERE application_id = ?`,
    );
  }

  /** Ordered by submission instant, then id. */
  list(filter: ApplicationFilter = {}, page: PageRequest = {}): Page<ApplicationView> {
    const where: string[] = [];
    const params: Params = {};
    filtered(filter, where, params);
    return this.page(where, params, page, SUBMISSION_KEY, (v) => [v.submittedAt, v.applicationId]);
  }

  /** One application as the lists show it. */
  get(applicationId: string): ApplicationView | null {
    const row = this.byId.get(applicationId) as Row | undefined;
    return row ? toView(row) : null;
  }

  /** Everything an officer decides on, with the stream revision it reflects (the ETag of the answer). */
  details(applicationId: string): ApplicationDetailsView | null {
    const row = this.detailsById.get(applicationId) as (Row & DetailsRow) | undefined;
    return row ? detailsView(toView(row), row, this.hearings.complaintsOf(applicationId)) : null;
  }

  /** The reviewer's open work: applications under review by them (or signed and assigned to them), by due date. */
  reviewerQueue(reviewerId: string, page: PageRequest = {}): Page<ApplicationView> {
    return this.queue(QUEUES.reviewer, { reviewerId }, page);
  }

  /** Escalated or breached applications still open, by due date. */
  supervisorQueue(page: PageRequest = {}): Page<ApplicationView> {
    return this.queue(QUEUES.supervisors, {}, page);
  }

  /** Signed applications nobody has picked up yet, by due date. */
  unassignedQueue(page: PageRequest = {}): Page<ApplicationView> {
    return this.queue(QUEUES.unassigned, {}, page);
  }

  private queue(condition: string, params: Params, page: PageRequest): Page<ApplicationView> {
    return this.page([condition], { ...params }, page, DUE_KEY, (v) => [
      v.dueAt ?? NO_DUE,
      v.submittedAt,
      v.applicationId,
    ]);
  }

  /** A keyset page: the rows after the cursor's key in the order of `key`, one more than asked for. */
  private page(
    where: string[],
    params: Params,
    page: PageRequest,
    key: SortKey,
    keyOf: (view: ApplicationView) => string[],
  ): Page<ApplicationView> {
    const limit = pageLimit(page.limit);
    if (page.cursor !== undefined) {
      const after = decodeCursor(page.cursor, key.columns.length);
      where.push(`(${key.columns.join(', ')}) > (${after.map((_, i) => `@after${i}`).join(', ')})`);
      after.forEach((part, i) => (params[`after${i}`] = part));
    }
    const sql = `SELECT ${COLUMNS} FROM applications ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${key.columns.join(', ')} LIMIT @limit`;
    const rows = (this.statement(sql).all({ ...params, limit: limit + 1 }) as Row[]).map(toView);
    return pageOf(rows, limit, keyOf);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

/** Adds the filter's conditions (and their parameters); refuses a value no row could have. */
function filtered(filter: ApplicationFilter, where: string[], params: Params): void {
  if (filter.status !== undefined && !APPLICATION_STATUSES.includes(filter.status)) {
    throw new InvalidReadModelQueryError('status', `must be one of ${APPLICATION_STATUSES.join(', ')}`);
  }
  if (filter.year !== undefined && !Number.isInteger(filter.year))
    throw new InvalidReadModelQueryError('year', 'must be a whole number');
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
  if (filter.overdue !== undefined) where.push(`${filter.overdue ? '' : 'NOT '}(breached = 1 AND ${OPEN_APPLICATION})`);
  if (filter.iin !== undefined) {
    where.push(`application_id IN (SELECT application_id FROM application_persons WHERE iin = @iin)`);
    params.iin = filter.iin;
  }
  if (filter.name !== undefined) byName(filter.name, where, params);
  if (filter.dueBefore !== undefined) byDue('dueBefore', '<', filter.dueBefore, where, params);
  if (filter.dueAfter !== undefined) byDue('dueAfter', '>', filter.dueAfter, where, params);
}

/** Each word of the query starts a word of the same person's name key (see nameSearchKey). */
function byName(name: string, where: string[], params: Params): void {
  const words = nameQueryWords(name);
  if (words.length === 0) throw new InvalidReadModelQueryError('name', 'must hold a letter or a digit');
  const conditions = words.map((word, i) => {
    // The words are [a-z0-9] only: nothing in them is a LIKE wildcard.
    params[`nameWord${i}`] = `% ${word}%`;
    return `(' ' || name_key) LIKE @nameWord${i}`;
  });
  where.push(`application_id IN (SELECT application_id FROM application_persons WHERE ${conditions.join(' AND ')})`);
}

/** A date compares with the due date in Almaty, an instant with the due instant. */
function byDue(field: string, op: '<' | '>', value: string, where: string[], params: Params): void {
  if (isCalendarDate(value) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    where.push(`due_on ${op} @${field}`);
    params[field] = value;
  } else if (isInstant(value)) {
    where.push(`due_at ${op} @${field}`);
    params[field] = utcInstant(value);
  } else {
    throw new InvalidReadModelQueryError(field, 'must be a date (yyyy-MM-dd) or an ISO-8601 instant with its offset');
  }
}

function toView(row: Row): ApplicationView {
  return {
    applicationId: row.applicationId,
    status: row.status,
    category: row.category,
    region: row.region,
    year: row.year,
    applicantIin: row.applicantIin,
    applicantName: row.applicantName,
    persons: row.persons,
    reviewerId: row.reviewerId,
    submittedAt: row.submittedAt,
    signedAt: row.signedAt,
    acceptedOn: row.acceptedOn,
    dueOn: row.dueOn,
    dueAt: row.dueAt,
    atRiskAt: row.atRiskAt,
    atRisk: row.atRisk === 1,
    breached: row.breached === 1,
    escalated: row.escalated === 1,
    decidedAt: row.decidedAt,
    decision: row.decision,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    late: row.late === 1,
    grounds: row.grounds === null ? null : (JSON.parse(row.grounds) as string[]),
    relocationAmount: row.relocationAmount,
    rentAmount: row.rentAmount,
    withdrawnAt: row.withdrawnAt,
    updatedAt: row.updatedAt,
    lastRevision: row.lastRevision,
    lastPosition: row.lastPosition,
  };
}
