import { Folds, withSla } from '../fold';
import type { ScheduledDeadline } from '../review-deadline';
import { instantMillis, isInstant } from '../../shared/calendar-date';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { ReviewDeadlineScheduled, ReviewEscalated, ReviewSlaAtRisk, ReviewSlaBreached } from '../events';
import { requireStatus, requireText } from '../guards';
import { ApplicationState, isClosed, StateOf } from '../state';
import type { TimedCommand } from './timed-command';

export interface ScheduleReviewDeadline extends TimedCommand {
  readonly type: 'ScheduleReviewDeadline';
  readonly deadline: ScheduledDeadline;
}

export interface FlagReviewSlaAtRisk extends TimedCommand {
  readonly type: 'FlagReviewSlaAtRisk';
}

export interface RecordReviewSlaBreach extends TimedCommand {
  readonly type: 'RecordReviewSlaBreach';
}

export interface EscalateReview extends TimedCommand {
  readonly type: 'EscalateReview';
  readonly reason: string;
}

type Open = StateOf<'signed' | 'under-review' | 'reviewed' | 'refusal-proposed'>;

/**
 * The SLA steps come from the scheduler. A decision or a withdrawal cancels what is pending, so on a
 * closed application they decide nothing (an answer, not an error: the scheduler did nothing wrong).
 * Each SLA fact is recorded once.
 */
function openForSla(state: ApplicationState, step: string): Open | null {
  if (isClosed(state)) return null;
  if (state.status === 'submitted')
    throw new ApplicationError(ApplicationErrorCode.NotSigned, `Cannot ${step}: the review clock starts at signing`);
  // A proposed refusal is not a decision: the review's term runs on (ADR 32).
  return requireStatus(
    state,
    ['signed', 'under-review', 'reviewed', 'refusal-proposed'],
    step,
    ApplicationErrorCode.NotSigned,
  );
}

export function scheduleDeadline(command: ScheduleReviewDeadline, state: ApplicationState): ReviewDeadlineScheduled[] {
  const open = openForSla(state, 'schedule the review deadline');
  if (!open || open.sla.deadline) return [];
  const { deadline } = command;
  const bad =
    !deadline ||
    !isInstant(deadline.dueAt) ||
    !isInstant(deadline.atRiskAt) ||
    instantMillis(deadline.atRiskAt) > instantMillis(deadline.dueAt);
  if (bad)
    throw new ApplicationError(
      ApplicationErrorCode.InvalidCommand,
      'The deadline needs a due instant and an at-risk instant before it',
      [{ field: 'deadline', reason: 'is incomplete or inconsistent' }],
    );
  requireText(deadline.calendarVersion, 'deadline.calendarVersion');
  if (typeof deadline.calendarProvisional !== 'boolean')
    throw new ApplicationError(
      ApplicationErrorCode.InvalidCommand,
      'The deadline must say whether its calendar data is provisional',
      [{ field: 'deadline.calendarProvisional', reason: 'must be true or false' }],
    );
  return [{ type: 'ReviewDeadlineScheduled', data: { applicationId: command.applicationId, ...deadline } }];
}

export function flagAtRisk(command: FlagReviewSlaAtRisk, state: ApplicationState): ReviewSlaAtRisk[] {
  const open = openForSla(state, 'flag the review as at risk');
  if (!open || open.sla.atRisk) return [];
  const deadline = requireDeadline(open);
  notBefore(command.at, deadline.atRiskAt, 'the at-risk point');
  return [
    {
      type: 'ReviewSlaAtRisk',
      data: {
        applicationId: command.applicationId,
        atRiskAt: deadline.atRiskAt,
        dueAt: deadline.dueAt,
        flaggedAt: command.at,
      },
    },
  ];
}

export function recordBreach(command: RecordReviewSlaBreach, state: ApplicationState): ReviewSlaBreached[] {
  const open = openForSla(state, 'record a breach of the review deadline');
  if (!open || open.sla.breached) return [];
  const deadline = requireDeadline(open);
  notBefore(command.at, deadline.dueAt, 'the due instant');
  return [
    {
      type: 'ReviewSlaBreached',
      data: { applicationId: command.applicationId, dueAt: deadline.dueAt, breachedAt: command.at },
    },
  ];
}

/** A breached review moves to the supervisors' queue. */
export function escalate(command: EscalateReview, state: ApplicationState): ReviewEscalated[] {
  // A malformed command is refused whatever the state, even where it would have nothing to do.
  const reason = requireText(command.reason, 'reason');
  const open = openForSla(state, 'escalate the review');
  if (!open || open.sla.escalated) return [];
  if (!open.sla.breached)
    throw new ApplicationError(ApplicationErrorCode.NotBreached, 'Only a review past its deadline is escalated');
  return [
    {
      type: 'ReviewEscalated',
      data: { applicationId: command.applicationId, queue: 'supervisors', reason, escalatedAt: command.at },
    },
  ];
}

function requireDeadline(open: Open) {
  if (!open.sla.deadline)
    throw new ApplicationError(ApplicationErrorCode.DeadlineNotScheduled, 'No review deadline is scheduled yet');
  return open.sla.deadline;
}

/** A scheduler step fired before its instant is refused: the clock of whoever fired it is wrong. */
export function notBefore(at: string, point: string, what: string): void {
  if (instantMillis(at) < instantMillis(point))
    throw new ApplicationError(ApplicationErrorCode.SlaNotDue, `It is not yet ${what} (${point})`);
}

export const slaFolds: Folds<'ReviewDeadlineScheduled' | 'ReviewSlaAtRisk' | 'ReviewSlaBreached' | 'ReviewEscalated'> =
  {
    ReviewDeadlineScheduled: (state, event) => {
      const { applicationId: _, ...deadline } = event.data;
      return withSla(state, event.type, { deadline });
    },
    ReviewSlaAtRisk: (state, event) => withSla(state, event.type, { atRisk: true }),
    ReviewSlaBreached: (state, event) => withSla(state, event.type, { breached: true }),
    ReviewEscalated: (state, event) => withSla(state, event.type, { escalated: true }),
  };
