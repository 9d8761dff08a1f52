import type Database from 'better-sqlite3';
import { ensureApplicationsSchema } from './applications.projection';
import type { ProposalDetails } from './hearing-details';
import { decodeCursor, Page, pageLimit, pageOf, PageRequest } from './read-model-support';

/** The facts the review's (or the complaint's) clock is computed from at read time (`slaClockAt`). */
export interface ClockFacts {
  readonly dueOn: string | null;
  readonly dueAt: string | null;
  readonly atRiskAt: string | null;
  readonly atRisk: boolean;
  readonly breached: boolean;
}

/** An application whose refusal is proposed: what the hearing and the supervisor's decision work from. */
export interface HearingListed {
  readonly applicationId: string;
  readonly applicantName: string;
  readonly region: string;
  readonly category: string;
  readonly source: ProposalDetails['source'];
  readonly grounds: readonly string[];
  readonly proposedAt: string;
  readonly hearing: { readonly way: string; readonly place?: string; readonly heldBy: string };
  readonly noticeDueBy: string | null;
  readonly noticeLate: boolean;
  readonly objections: number;
  readonly heardAt: string | null;
  /** The review's due instant: the final decision is due by then. */
  readonly dueAt: string | null;
  /** What the review's clock is computed from. */
  readonly review: ClockFacts;
}

/** A complaint being considered. */
export interface ComplaintListed {
  readonly applicationId: string;
  readonly complaintId: string;
  readonly applicantName: string;
  readonly region: string;
  readonly against: string;
  readonly filedAt: string;
  readonly considerBy: string;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
  /** What the complaint's clock is computed from: its term, as a review's. */
  readonly term: ClockFacts;
}

/** A complaint as the details of its application show it. */
export interface ComplaintDetails {
  readonly complaintId: string;
  readonly against: string;
  readonly text: string;
  readonly filedAt: string;
  readonly considerBy: string;
  readonly state: 'open' | 'satisfied' | 'rejected';
  readonly remedy?: string;
  readonly reasons?: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly late: boolean;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
}

export interface HearingCounts {
  readonly noticePending: number;
  readonly awaitingHearing: number;
  readonly heard: number;
}

export interface ComplaintCounts {
  readonly open: number;
  readonly atRisk: number;
  readonly breached: number;
  readonly escalated: number;
  readonly satisfied: number;
  readonly rejected: number;
}

/** Queues are worked by the earliest deadline; an application without one comes last ('~'), then by id. */
const NO_DUE = '~';

interface HearingRow {
  applicationId: string;
  applicantName: string;
  region: string;
  category: string;
  proposal: string;
  dueOn: string | null;
  dueAt: string | null;
  atRiskAt: string | null;
  atRisk: number;
  breached: number;
}

interface ComplaintRow {
  applicationId: string;
  complaintId: string;
  applicantName: string;
  region: string;
  against: string;
  text: string;
  filedAt: string;
  considerByOn: string;
  considerBy: string;
  atRiskAt: string;
  state: 'open' | 'satisfied' | 'rejected';
  remedy: string | null;
  reasons: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  late: number;
  atRisk: number;
  breached: number;
  escalated: number;
}

const COMPLAINT_COLUMNS = `c.application_id AS applicationId, c.complaint_id AS complaintId, a.applicant_name AS applicantName,
  a.region, c.against, c.text, c.filed_at AS filedAt, c.consider_by_on AS considerByOn, c.consider_by AS considerBy,
  c.at_risk_at AS atRiskAt, c.state, c.remedy, c.reasons, c.decided_at AS decidedAt, c.decided_by AS decidedBy, c.late,
  c.at_risk AS atRisk, c.breached, c.escalated`;

/**
 * The hearings and complaints of the `applications` read model (ADR 32): the queue of proposed
 * refusals, the queue of complaints being considered, an application's complaints, and the counts
 * of `/metrics`.
 */
export class HearingsQuery {
  private readonly statements;

  private hearingCountsStatement: Database.Statement | null = null;

  constructor(private readonly db: Database.Database) {
    ensureApplicationsSchema(db);
    this.statements = {
      hearings: db.prepare(
        `SELECT a.application_id AS applicationId, a.applicant_name AS applicantName, a.region, a.category,
           d.proposal, a.due_on AS dueOn, a.due_at AS dueAt, a.at_risk_at AS atRiskAt, a.at_risk AS atRisk, a.breached
         FROM applications a JOIN application_details d USING (application_id)
         WHERE a.status = 'refusal-proposed' AND (COALESCE(a.due_at, '${NO_DUE}'), a.application_id) > (@due, @id)
         ORDER BY COALESCE(a.due_at, '${NO_DUE}'), a.application_id LIMIT @limit`,
      ),
      complaints: db.prepare(
        `SELECT ${COMPLAINT_COLUMNS} FROM application_complaints c JOIN applications a USING (application_id)
         WHERE c.state = 'open' AND a.status <> 'withdrawn' AND (c.consider_by, c.complaint_id) > (@due, @id)
         ORDER BY c.consider_by, c.complaint_id LIMIT @limit`,
      ),
      ofApplication: db.prepare(
        `SELECT ${COMPLAINT_COLUMNS} FROM application_complaints c JOIN applications a USING (application_id)
         WHERE c.application_id = ? ORDER BY c.filed_at, c.complaint_id`,
      ),
      complaintCounts: db.prepare(
        `SELECT COALESCE(SUM(c.state = 'open'), 0) AS open,
           COALESCE(SUM(c.state = 'open' AND c.at_risk = 1 AND c.breached = 0), 0) AS atRisk,
           COALESCE(SUM(c.state = 'open' AND c.breached = 1), 0) AS breached,
           COALESCE(SUM(c.state = 'open' AND c.escalated = 1), 0) AS escalated,
           COALESCE(SUM(c.state = 'satisfied'), 0) AS satisfied,
           COALESCE(SUM(c.state = 'rejected'), 0) AS rejected
         FROM application_complaints c JOIN applications a USING (application_id) WHERE a.status <> 'withdrawn'`,
      ),
      hasNotices: db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notice_deliveries'`),
    };
  }

  /** Applications whose refusal is proposed, the review's earliest due instant first. */
  hearingsQueue(page: PageRequest = {}): Page<HearingListed> {
    const limit = pageLimit(page.limit);
    const [due, id] = page.cursor === undefined ? ['', ''] : decodeCursor(page.cursor, 2);
    const rows = this.statements.hearings.all({ due, id, limit: limit + 1 }) as HearingRow[];
    return pageOf(rows.map(hearingListed), limit, (last) => [last.dueAt ?? NO_DUE, last.applicationId]);
  }

  /** Complaints being considered, the earliest term first. */
  complaintsQueue(page: PageRequest = {}): Page<ComplaintListed> {
    const limit = pageLimit(page.limit);
    const [due, id] = page.cursor === undefined ? ['', ''] : decodeCursor(page.cursor, 2);
    const rows = this.statements.complaints.all({ due, id, limit: limit + 1 }) as ComplaintRow[];
    return pageOf(rows.map(complaintListed), limit, (last) => [last.considerBy, last.complaintId]);
  }

  /** Every complaint of one application, in the order filed. */
  complaintsOf(applicationId: string): ComplaintDetails[] {
    return (this.statements.ofApplication.all(applicationId) as ComplaintRow[]).map(complaintDetails);
  }

  /**
   * Open proposals: the notice not yet delivered to the personal cabinet (or not issued: no notice
   * read model in this file), delivered and awaiting the hearing, heard and awaiting the decision.
   */
  hearingCounts(): HearingCounts {
    this.hearingCountsStatement ??= this.db.prepare(
      `SELECT COALESCE(SUM(heard = 0 AND delivered = 0), 0) AS noticePending,
         COALESCE(SUM(heard = 0 AND delivered = 1), 0) AS awaitingHearing, COALESCE(SUM(heard = 1), 0) AS heard
       FROM (SELECT json_extract(d.proposal, '$.heard') IS NOT NULL AS heard, ${this.deliveredSinceProposal()} AS delivered
             FROM applications a JOIN application_details d USING (application_id) WHERE a.status = 'refusal-proposed')`,
    );
    return this.hearingCountsStatement.get() as HearingCounts;
  }

  /**
   * Whether a notice was delivered to the personal cabinet since the proposal: the notice of a
   * preliminary refusal is issued with it (ADR 28, 32). 0 in a file without the notices' read model.
   */
  private deliveredSinceProposal(): string {
    if (this.statements.hasNotices.get() === undefined) return '0';
    return `EXISTS (SELECT 1 FROM notice_deliveries nd WHERE nd.application_id = a.application_id
      AND nd.status = 'delivered' AND nd.issued_at >= json_extract(d.proposal, '$.proposedAt'))`;
  }

  complaintCounts(): ComplaintCounts {
    return this.statements.complaintCounts.get() as ComplaintCounts;
  }
}

function hearingListed(row: HearingRow): HearingListed {
  const proposal = JSON.parse(row.proposal) as ProposalDetails;
  const { way, place, heldBy } = proposal.hearing;
  return {
    applicationId: row.applicationId,
    applicantName: row.applicantName,
    region: row.region,
    category: row.category,
    source: proposal.source,
    grounds: proposal.grounds,
    proposedAt: proposal.proposedAt,
    hearing: { way, ...(place ? { place } : {}), heldBy },
    noticeDueBy: proposal.noticeDueBy,
    noticeLate: proposal.noticeLate,
    objections: proposal.objections.length,
    heardAt: proposal.heard?.heldAt ?? null,
    dueAt: row.dueAt,
    review: clockFacts(row.dueOn, row.dueAt, row),
  };
}

/** The facts a clock is computed from: a due day and instant, the at-risk instant, the flags fired. */
function clockFacts(
  dueOn: string | null,
  dueAt: string | null,
  row: { atRiskAt: string | null; atRisk: number; breached: number },
): ClockFacts {
  return { dueOn, dueAt, atRiskAt: row.atRiskAt, atRisk: row.atRisk === 1, breached: row.breached === 1 };
}

/** A complaint's flags: at risk, breached, escalated. */
function flagsOf(row: ComplaintRow): Pick<ComplaintListed, 'atRisk' | 'breached' | 'escalated'> {
  return { atRisk: row.atRisk === 1, breached: row.breached === 1, escalated: row.escalated === 1 };
}

function complaintListed(row: ComplaintRow): ComplaintListed {
  return {
    applicationId: row.applicationId,
    complaintId: row.complaintId,
    applicantName: row.applicantName,
    region: row.region,
    against: row.against,
    filedAt: row.filedAt,
    considerBy: row.considerBy,
    ...flagsOf(row),
    term: clockFacts(row.considerByOn, row.considerBy, row),
  };
}

function complaintDetails(row: ComplaintRow): ComplaintDetails {
  const decided = (key: 'remedy' | 'reasons' | 'decidedAt' | 'decidedBy') =>
    row[key] === null ? {} : { [key]: row[key] };
  return {
    complaintId: row.complaintId,
    against: row.against,
    text: row.text,
    filedAt: row.filedAt,
    considerBy: row.considerBy,
    state: row.state,
    ...decided('remedy'),
    ...decided('reasons'),
    ...decided('decidedAt'),
    ...decided('decidedBy'),
    late: row.late === 1,
    ...flagsOf(row),
  };
}
