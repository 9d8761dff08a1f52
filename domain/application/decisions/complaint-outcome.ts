import { expectAccepted, Folds } from '../fold';
import { instantMillis, isCalendarDate } from '../../shared/calendar-date';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import type {
  ApplicationEvent,
  AuthorityDecisionRecorded,
  ComplaintRejected,
  ComplaintSatisfied,
  DecisionRevoked,
  Remedy,
  StoppedSubsidy,
} from '../events';
import { requireText } from '../guards';
import { NO_SLA, type ApplicationState, type OpenComplaint, type StateOf } from '../state';
import { personsIn, quotaOf } from '../submission';
import { openComplaint, withComplaint } from './complaint';
import { eligibleReview } from './hearing';
import { invalid } from './refusal-proposal';
import type { TimedCommand } from './timed-command';

export interface SatisfyComplaint extends TimedCommand {
  readonly type: 'SatisfyComplaint';
  readonly complaintId: string;
  readonly remedy: Remedy;
  readonly reason: string;
  readonly supervisorId: string;
}

export interface RejectComplaint extends TimedCommand {
  readonly type: 'RejectComplaint';
  readonly complaintId: string;
  readonly reasons: string;
  readonly supervisorId: string;
}

/** The authority's decision on a complaint: an external decision the provider carries out. */
export interface RecordAuthorityDecision extends TimedCommand {
  readonly type: 'RecordAuthorityDecision';
  readonly complaintId?: string;
  readonly authority: string;
  readonly documentNumber: string;
  readonly date: string;
  readonly outcome: 'satisfied' | 'rejected';
  readonly remedy?: Remedy;
}

const REMEDIES: readonly string[] = ['return-to-review', 'include'];

function requireOpen(state: ApplicationState, complaintId: string): OpenComplaint {
  const open = openComplaint(state, complaintId);
  if (!open)
    throw new ApplicationError(
      ApplicationErrorCode.ComplaintNotOpen,
      `No complaint ${complaintId} is being considered`,
      [{ field: 'complaintId', reason: 'names no complaint being considered' }],
    );
  return open;
}

function validRemedy(remedy: unknown): Remedy {
  if (!REMEDIES.includes(remedy as string)) throw invalid('remedy', "must be 'return-to-review' or 'include'");
  return remedy as Remedy;
}

/** Satisfied: a decision complained of is revoked, and the remedy follows; a missed term is only answered. */
export function satisfyComplaint(command: SatisfyComplaint, state: ApplicationState): ApplicationEvent[] {
  const open = requireOpen(state, command.complaintId);
  const remedy = validRemedy(command.remedy);
  const satisfied: ComplaintSatisfied = {
    type: 'ComplaintSatisfied',
    data: {
      applicationId: command.applicationId,
      complaintId: command.complaintId,
      remedy,
      reason: requireText(command.reason, 'reason'),
      decidedBy: requireText(command.supervisorId, 'supervisorId'),
      satisfiedAt: command.at,
      late: instantMillis(command.at) > instantMillis(open.filed.considerBy),
    },
  };
  if (open.filed.against === 'missed-term') return [satisfied];
  const by = { kind: 'complaint', complaintId: command.complaintId } as const;
  return [satisfied, revoked(command, state, remedy, by)];
}

export function rejectComplaint(command: RejectComplaint, state: ApplicationState): ComplaintRejected[] {
  const open = requireOpen(state, command.complaintId);
  const data = {
    applicationId: command.applicationId,
    complaintId: command.complaintId,
    reasons: requireText(command.reasons, 'reasons'),
    decidedBy: requireText(command.supervisorId, 'supervisorId'),
    rejectedAt: command.at,
    late: instantMillis(command.at) > instantMillis(open.filed.considerBy),
  };
  return [{ type: 'ComplaintRejected', data }];
}

/** Binding on the provider: recorded, and a satisfied one revokes the decision as a satisfied complaint does. */
export function recordAuthorityDecision(command: RecordAuthorityDecision, state: ApplicationState): ApplicationEvent[] {
  const authority = requireText(command.authority, 'authority');
  const documentNumber = requireText(command.documentNumber, 'documentNumber');
  if (!isCalendarDate(command.date)) throw invalid('date', 'must be a date (yyyy-MM-dd)');
  if (command.outcome !== 'satisfied' && command.outcome !== 'rejected')
    throw invalid('outcome', "must be 'satisfied' or 'rejected'");
  const remedy = command.outcome === 'satisfied' ? validRemedy(command.remedy) : null;
  const recorded: AuthorityDecisionRecorded = {
    type: 'AuthorityDecisionRecorded',
    data: {
      applicationId: command.applicationId,
      complaintId: command.complaintId?.trim() || null,
      authority,
      documentNumber,
      date: command.date,
      outcome: command.outcome,
      remedy,
      recordedAt: command.at,
    },
  };
  if (!remedy) {
    expectDecidedOrOpen(state);
    return [recorded];
  }
  return [recorded, revoked(command, state, remedy, { kind: 'authority', documentNumber })];
}

/** Not on a withdrawn application: its fold accepts nothing more (the role matrix found one recorded there). */
function expectDecidedOrOpen(state: ApplicationState): void {
  if (state.status === 'none')
    throw new ApplicationError(ApplicationErrorCode.NotSubmitted, 'No application to record a decision on');
  if (state.status === 'withdrawn')
    throw new ApplicationError(ApplicationErrorCode.Withdrawn, 'A withdrawn application is not decided on');
}

function revoked(
  command: TimedCommand,
  state: ApplicationState,
  remedy: Remedy,
  by: DecisionRevoked['data']['by'],
): DecisionRevoked {
  if ((state.status !== 'included' && state.status !== 'refused') || !state.decision)
    throw new ApplicationError(
      ApplicationErrorCode.NotDecided,
      `There is no decision to revoke: the application is ${state.status}`,
    );
  const data = {
    applicationId: command.applicationId,
    quota: quotaOf(state.submission),
    persons: personsIn(state.submission),
    decision: state.decision,
    revokedFrom: state.status,
    remedy,
    by,
    subsidiesStopped: state.status === 'included' ? stoppedSubsidies(state) : [],
    revokedAt: command.at,
  };
  return { type: 'DecisionRevoked', data };
}

/** Every subsidy the revoked inclusion granted: none is paid yet (payments come with issue 21). */
function stoppedSubsidies(included: StateOf<'included'>): StoppedSubsidy[] {
  return Object.values(included.subsidies).map((granted) => ({
    kind: granted.kind,
    amount: granted.amount,
    grantedAt: granted.grantedAt,
  }));
}

const closed = (open: OpenComplaint | undefined, complaintId: string | null) =>
  open && open.filed.complaintId === complaintId ? undefined : open;

export const complaintOutcomeFolds: Folds<
  'ComplaintSatisfied' | 'ComplaintRejected' | 'AuthorityDecisionRecorded' | 'DecisionRevoked'
> = {
  ComplaintSatisfied: (state, event) => withComplaint(state, event.type, () => undefined),
  ComplaintRejected: (state, event) => withComplaint(state, event.type, () => undefined),
  AuthorityDecisionRecorded: (state, event) =>
    withComplaint(state, event.type, (open) => closed(open, event.data.complaintId)),
  DecisionRevoked: (state, event) => {
    const decided = expectAccepted(state, event.type) as StateOf<'included' | 'refused'>;
    const { applicationId, submission, digest, submittedAt, signature, sla, reviewerId } = decided;
    const revocations = (decided.revocations ?? 0) + 1;
    // A family that arrived keeps that fact through the revocation: its support was stopped (ADR 33).
    const arrivedOn =
      decided.status === 'included' && decided.arrival
        ? decided.arrival.arrivedOn
        : decided.arrivedUnderRevokedInclusion;
    const arrived = arrivedOn ? { arrivedUnderRevokedInclusion: arrivedOn } : {};
    const base = { applicationId, submission, digest, submittedAt, signature, reviewerId, revocations, ...arrived };
    const { remedy, revokedAt } = event.data;
    if (remedy === 'return-to-review')
      // A fresh service term, counted from the revocation (ADR 32): scheduled by the process.
      return { ...base, status: 'signed', reviewerId: null, sla: NO_SLA, reviewClockFrom: revokedAt };
    const review = eligibleReview(decided, event.data.by.kind, revokedAt, 'Eligible by the decision on a complaint');
    return { ...base, status: 'reviewed', sla, refusalProposedOnce: true, review, ...clock(decided) };
  },
};

const clock = (state: { reviewClockFrom?: string }) =>
  state.reviewClockFrom ? { reviewClockFrom: state.reviewClockFrom } : {};
