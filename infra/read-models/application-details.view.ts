import { DateTime } from 'luxon';
import { KAZAKHSTAN_ZONE } from '@domain/shared/calendar-date';
import type { RefusalDetails, ReviewDetails, SubmissionDetails } from './application-details';
import type { ApplicationView } from './applications.query';
import type { ProposalDetails, RevocationDetails } from './hearing-details';
import type { ComplaintDetails } from './hearings.query';

/** The JSON columns of `application_details`, beside the row of `applications`. */
export interface DetailsRow {
  readonly submissionJson: string;
  readonly reviewJson: string | null;
  readonly refusalJson: string | null;
  readonly proposalJson: string | null;
  readonly revocationsJson: string;
}

/** The review deadline, as the saga scheduled it and the SLA steps flagged it. */
export interface SlaView {
  readonly acceptedOn: string | null;
  readonly dueOn: string | null;
  /** The due instant in UTC… */
  readonly dueAt: string | null;
  /** …and on the wall clock of Asia/Almaty, with its offset. */
  readonly dueAtLocal: string | null;
  readonly atRiskAt: string | null;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
}

/** The review so far: who has it, and once recorded, the verdict, a finding per document and the grounds. */
export interface ReviewView {
  readonly reviewerId: string | null;
  readonly verdict: ReviewDetails['verdict'] | null;
  readonly findings: ReviewDetails['findings'];
  readonly grounds: ReviewDetails['grounds'];
  readonly groundsListVersion: string | null;
  readonly comment: string | null;
  readonly reviewedAt: string | null;
}

export interface DecisionView {
  readonly outcome: 'included' | 'refused';
  readonly number: string | null;
  readonly date: string | null;
  readonly decidedAt: string | null;
  readonly late: boolean;
  /** Refusal only: its grounds, the list version they are codes of, and the explanation. */
  readonly grounds: readonly string[];
  readonly groundsListVersion: string | null;
  readonly explanation: string | null;
  /** Inclusion only: the persons the quota counts, and the subsidies granted so far (whole tenge). */
  readonly persons: number | null;
  readonly subsidies: { readonly relocation: number | null; readonly rent: number | null };
}

/** One application whole: what an officer decides on. */
/** The region and the year come from the list's row (the same values), the rest of the submission from its details. */
export interface ApplicationDetailsView extends Omit<SubmissionDetails, 'region' | 'year'> {
  readonly applicationId: string;
  readonly status: ApplicationView['status'];
  /** The applicant's name as the lists show it: last name, first name, patronymic. */
  readonly applicantName: string;
  readonly category: string;
  readonly region: string;
  readonly year: number;
  readonly persons: number;
  readonly submittedAt: string;
  readonly signedAt: string | null;
  readonly sla: SlaView;
  readonly review: ReviewView;
  readonly decision: DecisionView | null;
  readonly withdrawnAt: string | null;
  /** The preliminary refusal in progress, or the last one proposed (its outcome is the status and the decision); null when none was. */
  readonly refusalProposal: ProposalView | null;
  /** Every complaint, in the order filed. */
  readonly complaints: readonly ComplaintDetails[];
  /** Every decision revoked, in order. */
  readonly revocations: readonly RevocationDetails[];
  readonly updatedAt: string;
  /** The revision of the application's stream this answer reflects: its ETag, and what If-Match takes. */
  readonly revision: number;
}

/** The proposal as the details show it: what the notice said, the objections, the hearing once held. */
export type ProposalView = Omit<ProposalDetails, 'seats'> & { readonly seats?: ProposalDetails['seats'] };

export function detailsView(
  row: ApplicationView,
  json: DetailsRow,
  complaints: readonly ComplaintDetails[] = [],
): ApplicationDetailsView {
  const { region: _region, year: _year, ...submission } = JSON.parse(json.submissionJson) as SubmissionDetails;
  const review = json.reviewJson === null ? null : (JSON.parse(json.reviewJson) as ReviewDetails);
  const refusal = json.refusalJson === null ? null : (JSON.parse(json.refusalJson) as RefusalDetails);
  return {
    applicationId: row.applicationId,
    status: row.status,
    applicantName: row.applicantName,
    category: row.category,
    region: row.region,
    year: row.year,
    persons: row.persons,
    submittedAt: row.submittedAt,
    signedAt: row.signedAt,
    ...submission,
    sla: slaOf(row),
    review: {
      reviewerId: review?.reviewerId ?? row.reviewerId,
      verdict: review?.verdict ?? null,
      findings: review?.findings ?? [],
      grounds: review?.grounds ?? [],
      groundsListVersion: review?.groundsListVersion ?? null,
      comment: review?.comment ?? null,
      reviewedAt: review?.reviewedAt ?? null,
    },
    decision: decisionOf(row, refusal),
    withdrawnAt: row.withdrawnAt,
    refusalProposal: proposalOf(json.proposalJson),
    complaints,
    revocations: JSON.parse(json.revocationsJson) as RevocationDetails[],
    updatedAt: row.updatedAt,
    revision: row.lastRevision,
  };
}

function proposalOf(proposalJson: string | null): ProposalView | null {
  if (proposalJson === null) return null;
  const { seats, ...proposal } = JSON.parse(proposalJson) as ProposalDetails;
  return seats ? { ...proposal, seats } : proposal;
}

function slaOf(row: ApplicationView): SlaView {
  return {
    acceptedOn: row.acceptedOn,
    dueOn: row.dueOn,
    dueAt: row.dueAt,
    dueAtLocal: row.dueAt === null ? null : DateTime.fromISO(row.dueAt, { zone: KAZAKHSTAN_ZONE }).toISO(),
    atRiskAt: row.atRiskAt,
    atRisk: row.atRisk,
    breached: row.breached,
    escalated: row.escalated,
  };
}

function decisionOf(row: ApplicationView, refusal: RefusalDetails | null): DecisionView | null {
  if (row.decision === null) return null;
  return {
    outcome: row.decision,
    number: row.decisionNumber,
    date: row.decisionDate,
    decidedAt: row.decidedAt,
    late: row.late,
    grounds: refusal?.grounds ?? [],
    groundsListVersion: refusal?.groundsListVersion ?? null,
    explanation: refusal?.explanation ?? null,
    persons: row.decision === 'included' ? row.persons : null,
    subsidies: { relocation: row.relocationAmount, rent: row.rentAmount },
  };
}
