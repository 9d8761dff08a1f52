import { expectAccepted, Folds } from '../fold';
import { instantMillis, isInstant } from '../../shared/calendar-date';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import type {
  HearingNoticeAtRisk,
  HearingNoticeBreached,
  HearingNoticeDeadline,
  HearingNoticeDeadlineScheduled,
  HearingNoticeEscalated,
} from '../events';
import { requireText } from '../guards';
import type { ApplicationState, HearingNoticeState, StateOf } from '../state';
import { notBefore } from './sla';
import type { TimedCommand } from './timed-command';

/** The notice deadline, derived by the process from the review's deadline on the calendar in force. */
export interface ScheduleHearingNoticeDeadline extends TimedCommand {
  readonly type: 'ScheduleHearingNoticeDeadline';
  readonly deadline: HearingNoticeDeadline;
}

export interface FlagHearingNoticeAtRisk extends TimedCommand {
  readonly type: 'FlagHearingNoticeAtRisk';
}

export interface RecordHearingNoticeBreach extends TimedCommand {
  readonly type: 'RecordHearingNoticeBreach';
}

export interface EscalateHearingNotice extends TimedCommand {
  readonly type: 'EscalateHearingNotice';
  readonly reason: string;
}

type Watched = StateOf<'signed' | 'under-review' | 'reviewed'>;

/**
 * The notice deadline matters while a refusal could still be proposed: once one was (or the
 * application is decided or withdrawn), the scheduler's steps are moot and decide nothing.
 */
function watched(state: ApplicationState): Watched | null {
  if (state.status !== 'signed' && state.status !== 'under-review' && state.status !== 'reviewed') return null;
  return state.refusalProposedOnce ? null : state;
}

/** Recorded when first derived, and again only when the review's deadline moved it (ADR 23, ADR 32). */
export function scheduleHearingNotice(
  command: ScheduleHearingNoticeDeadline,
  state: ApplicationState,
): HearingNoticeDeadlineScheduled[] {
  const { deadline } = command;
  const bad =
    !deadline ||
    !isInstant(deadline.noticeDueBy) ||
    !isInstant(deadline.atRiskAt) ||
    instantMillis(deadline.atRiskAt) > instantMillis(deadline.noticeDueBy);
  if (bad)
    throw new ApplicationError(
      ApplicationErrorCode.InvalidCommand,
      'The notice deadline is incomplete or inconsistent',
      [{ field: 'deadline', reason: 'needs a notice instant and an at-risk instant before it' }],
    );
  requireText(deadline.calendarVersion, 'deadline.calendarVersion');
  const open = watched(state);
  const previous = open?.hearingNotice?.deadline;
  if (!open || (previous && sameNoticeDeadline(previous, deadline))) return [];
  return [
    {
      type: 'HearingNoticeDeadlineScheduled',
      data: { applicationId: command.applicationId, ...deadline, scheduledAt: command.at },
    },
  ];
}

function sameNoticeDeadline(a: HearingNoticeDeadline, b: HearingNoticeDeadline): boolean {
  return (
    instantMillis(a.noticeDueBy) === instantMillis(b.noticeDueBy) &&
    instantMillis(a.atRiskAt) === instantMillis(b.atRiskAt)
  );
}

export function flagHearingNoticeAtRisk(
  command: FlagHearingNoticeAtRisk,
  state: ApplicationState,
): HearingNoticeAtRisk[] {
  const notice = watchedNotice(state);
  if (!notice || notice.atRisk) return [];
  notBefore(command.at, notice.deadline.atRiskAt, 'the at-risk point of the hearing notice');
  const { atRiskAt, noticeDueBy } = notice.deadline;
  return [
    {
      type: 'HearingNoticeAtRisk',
      data: { applicationId: command.applicationId, atRiskAt, noticeDueBy, flaggedAt: command.at },
    },
  ];
}

export function recordHearingNoticeBreach(
  command: RecordHearingNoticeBreach,
  state: ApplicationState,
): HearingNoticeBreached[] {
  const notice = watchedNotice(state);
  if (!notice || notice.breached) return [];
  const { noticeDueBy } = notice.deadline;
  notBefore(command.at, noticeDueBy, 'the last instant of the hearing notice');
  return [
    {
      type: 'HearingNoticeBreached',
      data: { applicationId: command.applicationId, noticeDueBy, breachedAt: command.at },
    },
  ];
}

/** A refusal can no longer be notified in time: the supervisors take it over. */
export function escalateHearingNotice(
  command: EscalateHearingNotice,
  state: ApplicationState,
): HearingNoticeEscalated[] {
  const reason = requireText(command.reason, 'reason');
  const notice = watchedNotice(state);
  if (!notice || notice.escalated) return [];
  if (!notice.breached)
    throw new ApplicationError(ApplicationErrorCode.NotBreached, 'Only a notice deadline that has passed is escalated');
  return [
    {
      type: 'HearingNoticeEscalated',
      data: { applicationId: command.applicationId, queue: 'supervisors', reason, escalatedAt: command.at },
    },
  ];
}

function watchedNotice(state: ApplicationState): HearingNoticeState | null {
  if (state.status === 'submitted')
    throw new ApplicationError(ApplicationErrorCode.NotSigned, 'The notice deadline starts with the review clock');
  const open = watched(state);
  if (!open) return null;
  if (!open.hearingNotice)
    throw new ApplicationError(
      ApplicationErrorCode.DeadlineNotScheduled,
      'No hearing notice deadline is scheduled yet',
    );
  return open.hearingNotice;
}

function withNotice(state: ApplicationState, type: string, change: (notice: HearingNoticeState) => HearingNoticeState) {
  const accepted = expectAccepted(state, type);
  if (!accepted.hearingNotice) return accepted;
  return { ...accepted, hearingNotice: change(accepted.hearingNotice) };
}

export const hearingNoticeFolds: Folds<
  'HearingNoticeDeadlineScheduled' | 'HearingNoticeAtRisk' | 'HearingNoticeBreached' | 'HearingNoticeEscalated'
> = {
  HearingNoticeDeadlineScheduled: (state, event) => {
    const accepted = expectAccepted(state, event.type);
    const { applicationId: _, scheduledAt, ...deadline } = event.data;
    const now = instantMillis(scheduledAt);
    const previous = accepted.hearingNotice;
    // A flag the moved deadline would not have fired yet is lowered, and fires again at its new instant.
    const hearingNotice: HearingNoticeState = {
      deadline,
      atRisk: (previous?.atRisk ?? false) && instantMillis(deadline.atRiskAt) <= now,
      breached: (previous?.breached ?? false) && instantMillis(deadline.noticeDueBy) <= now,
      escalated: previous?.escalated ?? false,
    };
    return { ...accepted, hearingNotice };
  },
  HearingNoticeAtRisk: (state, event) => withNotice(state, event.type, (n) => ({ ...n, atRisk: true })),
  HearingNoticeBreached: (state, event) => withNotice(state, event.type, (n) => ({ ...n, breached: true })),
  HearingNoticeEscalated: (state, event) => withNotice(state, event.type, (n) => ({ ...n, escalated: true })),
};
