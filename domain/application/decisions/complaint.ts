import { DateTime } from 'luxon';
import { expectAccepted, Folds } from '../fold';
import type { ComplaintTerms } from '../../law/complaint-terms';
import { localDateOf } from '../../shared/calendar-date';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import type {
  ComplaintAgainst,
  ComplaintAtRisk,
  ComplaintBreached,
  ComplaintEscalated,
  ComplaintFiled,
  DecisionRef,
} from '../events';
import { requireText } from '../guards';
import { complaintTermOf, type TermsLaw } from '../hearing-deadline';
import type { ApplicationState, OpenComplaint } from '../state';
import { invalid } from './refusal-proposal';
import { notBefore } from './sla';
import type { TimedCommand } from './timed-command';

/**
 * The applicant's complaint to the provider (portal). The law it is counted under comes with the
 * command (the calendar, the working hours, the complaint terms in force), as with
 * RescheduleReviewDeadline: the decision stays pure and a replay gives the same answer.
 */
export interface FileComplaint extends TimedCommand {
  readonly type: 'FileComplaint';
  readonly complaintId: string;
  readonly against: ComplaintAgainst;
  readonly text: string;
  readonly law: TermsLaw<ComplaintTerms>;
}

interface ComplaintStep extends TimedCommand {
  readonly complaintId: string;
}

export interface FlagComplaintAtRisk extends ComplaintStep {
  readonly type: 'FlagComplaintAtRisk';
}

export interface RecordComplaintBreach extends ComplaintStep {
  readonly type: 'RecordComplaintBreach';
}

export interface EscalateComplaint extends ComplaintStep {
  readonly type: 'EscalateComplaint';
  readonly reason: string;
}

const AGAINST: readonly string[] = ['refusal', 'inclusion-amounts', 'missed-term'];

/** One open complaint at a time; against a decision within the filing period, or a missed term. */
export function fileComplaint(command: FileComplaint, state: ApplicationState): ComplaintFiled[] {
  const complaintId = requireText(command.complaintId, 'complaintId');
  const text = requireText(command.text, 'text');
  if (!AGAINST.includes(command.against))
    throw invalid('against', "must be 'refusal', 'inclusion-amounts' or 'missed-term'");
  if (state.status === 'withdrawn')
    throw new ApplicationError(ApplicationErrorCode.Withdrawn, 'A withdrawn application is not complained of');
  const open = 'complaint' in state ? state.complaint : undefined;
  if (open?.filed.complaintId === complaintId) return [];
  if (open)
    throw new ApplicationError(
      ApplicationErrorCode.ComplaintAlreadyOpen,
      `Complaint ${open.filed.complaintId} is being considered; one complaint at a time`,
    );
  const decision = complainedOf(command.against, state);
  if (decision) withinFilingPeriod(decision, command);
  const data = {
    applicationId: command.applicationId,
    complaintId,
    against: command.against,
    text,
    level: 'provider' as const,
    decision,
    filedAt: command.at,
    ...complaintTermOf(command.at, command.law),
  };
  return [{ type: 'ComplaintFiled', data }];
}

/** The decision a complaint is against, or null for a missed term; what there is to complain of. */
function complainedOf(against: ComplaintAgainst, state: ApplicationState): DecisionRef | null {
  const nothing = (reason: string) =>
    new ApplicationError(ApplicationErrorCode.NothingToComplainOf, `Nothing to complain of: ${reason}`, [
      { field: 'against', reason },
    ]);
  if (against === 'refusal') {
    if (state.status !== 'refused' || !state.decision) throw nothing('the application is not refused');
    return state.decision;
  }
  if (against === 'inclusion-amounts') {
    if (state.status !== 'included' || !state.decision) throw nothing('the application is not included');
    return state.decision;
  }
  const undecided =
    state.status === 'signed' ||
    state.status === 'under-review' ||
    state.status === 'reviewed' ||
    state.status === 'refusal-proposed';
  if (!undecided || !state.sla.breached) throw nothing('no term of this application was missed while undecided');
  return null;
}

/** The last allowed day is the decision date plus the filing period, in Kazakhstan; the day after is late. */
function withinFilingPeriod(decision: DecisionRef, command: FileComplaint): void {
  const { terms, slaPolicy } = command.law;
  const lastDay = DateTime.fromISO(decision.date, { zone: 'utc' })
    .plus({ months: terms.filingPeriodMonths })
    .toISODate()!;
  const filedOn = localDateOf(command.at, slaPolicy.zone);
  if (filedOn > lastDay)
    throw new ApplicationError(ApplicationErrorCode.ComplaintPeriodOver, `The complaint period ended on ${lastDay}`, [
      {
        field: 'filedAt',
        reason: `the period of ${terms.filingPeriodMonths} months from the decision of ${decision.date} ended on ${lastDay}`,
      },
    ]);
}

/** The complaint a scheduler step is for: null (moot) when it was answered, or is another one. */
function openComplaint(state: ApplicationState, complaintId: string): OpenComplaint | null {
  if (state.status === 'withdrawn') return null;
  const open = 'complaint' in state ? state.complaint : undefined;
  return open && open.filed.complaintId === complaintId ? open : null;
}

export function flagComplaintAtRisk(command: FlagComplaintAtRisk, state: ApplicationState): ComplaintAtRisk[] {
  const open = openComplaint(state, command.complaintId);
  if (!open || open.atRisk) return [];
  const { atRiskAt, considerBy } = open.filed;
  notBefore(command.at, atRiskAt, 'the at-risk point of the complaint');
  const data = {
    applicationId: command.applicationId,
    complaintId: command.complaintId,
    atRiskAt,
    considerBy,
    flaggedAt: command.at,
  };
  return [{ type: 'ComplaintAtRisk', data }];
}

export function recordComplaintBreach(command: RecordComplaintBreach, state: ApplicationState): ComplaintBreached[] {
  const open = openComplaint(state, command.complaintId);
  if (!open || open.breached) return [];
  const { considerBy } = open.filed;
  notBefore(command.at, considerBy, 'the end of the complaint’s term');
  const data = {
    applicationId: command.applicationId,
    complaintId: command.complaintId,
    considerBy,
    breachedAt: command.at,
  };
  return [{ type: 'ComplaintBreached', data }];
}

export function escalateComplaint(command: EscalateComplaint, state: ApplicationState): ComplaintEscalated[] {
  const reason = requireText(command.reason, 'reason');
  const open = openComplaint(state, command.complaintId);
  if (!open || open.escalated) return [];
  if (!open.breached)
    throw new ApplicationError(ApplicationErrorCode.NotBreached, 'Only a complaint past its term is escalated');
  const data = {
    applicationId: command.applicationId,
    complaintId: command.complaintId,
    queue: 'supervisors' as const,
    reason,
    escalatedAt: command.at,
  };
  return [{ type: 'ComplaintEscalated', data }];
}

function withComplaint(
  state: ApplicationState,
  type: string,
  change: (open: OpenComplaint) => OpenComplaint | undefined,
) {
  const accepted = expectAccepted(state, type);
  return accepted.complaint ? { ...accepted, complaint: change(accepted.complaint) } : accepted;
}

export const complaintFolds: Folds<'ComplaintFiled' | 'ComplaintAtRisk' | 'ComplaintBreached' | 'ComplaintEscalated'> =
  {
    ComplaintFiled: (state, event) => ({
      ...expectAccepted(state, event.type),
      complaint: { filed: event.data, atRisk: false, breached: false, escalated: false },
    }),
    ComplaintAtRisk: (state, event) => withComplaint(state, event.type, (c) => ({ ...c, atRisk: true })),
    ComplaintBreached: (state, event) => withComplaint(state, event.type, (c) => ({ ...c, breached: true })),
    ComplaintEscalated: (state, event) => withComplaint(state, event.type, (c) => ({ ...c, escalated: true })),
  };

export { withComplaint, openComplaint };
