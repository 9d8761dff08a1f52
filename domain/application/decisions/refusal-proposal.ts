import { expectAccepted, expectStatus, Folds } from '../fold';
import { instantMillis, isCalendarDate, isInstant } from '../../shared/calendar-date';
import type { RefusalGroundList } from '../refusal-grounds';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import type { OfferedHearing, RefusalProposed, RefusalSource } from '../events';
import { requireText } from '../guards';
import type { ApplicationState } from '../state';
import { quotaOf } from '../submission';
import { openForDecision, reasonedGrounds } from './decide-outcome';
import type { TimedCommand } from './timed-command';

/**
 * A preliminary decision to refuse (ADR 32). The hearing's instants come with the command, computed
 * from the calendar in force by whoever proposes (the process, or the supervisor's endpoint), as
 * ScheduleReviewDeadline's do: the decision stays pure.
 */
export interface ProposeRefusal extends TimedCommand {
  readonly type: 'ProposeRefusal';
  readonly source: RefusalSource;
  readonly proposedBy: string;
  readonly grounds: readonly string[];
  readonly explanation: string;
  readonly hearing: OfferedHearing;
  readonly termsVersion: string;
  readonly seats?: { readonly remaining: number; readonly persons: number };
  readonly groundsList?: RefusalGroundList;
}

const HEARING_WAYS: readonly string[] = ['in-person', 'video-call', 'in-writing'];
const SOURCES: readonly string[] = ['review', 'supervisor', 'quota'];

/** Open and not decided: the notice states the grounds and the hearing; the review's term runs on. */
export function proposeRefusal(command: ProposeRefusal, state: ApplicationState): RefusalProposed[] {
  const open = openForDecision(state, 'propose a refusal');
  const { grounds, list, explanation } = reasonedGrounds(command, open);
  const proposedBy = requireText(command.proposedBy, 'proposedBy');
  const hearing = validHearing(command);
  if (!SOURCES.includes(command.source)) throw invalid('source', "must be 'review', 'supervisor' or 'quota'");
  const noticeDueBy = open.hearingNotice?.deadline.noticeDueBy ?? null;
  return [
    {
      type: 'RefusalProposed',
      data: {
        applicationId: command.applicationId,
        quota: quotaOf(open.submission),
        grounds,
        groundsListVersion: list.version,
        explanation,
        source: command.source,
        proposedBy,
        proposedAt: command.at,
        hearing,
        noticeDueBy,
        noticeLate: noticeDueBy !== null && instantMillis(command.at) > instantMillis(noticeDueBy),
        ...(command.seats ? { seats: command.seats } : {}),
        termsVersion: requireText(command.termsVersion, 'termsVersion'),
      },
    },
  ];
}

function validHearing({ hearing, at }: ProposeRefusal): OfferedHearing {
  if (!hearing || !HEARING_WAYS.includes(hearing.way))
    throw invalid('hearing.way', "must be 'in-person', 'video-call' or 'in-writing'");
  if (!isInstant(hearing.heldBy) || instantMillis(hearing.heldBy) <= instantMillis(at))
    throw invalid('hearing.heldBy', 'must be an instant after the proposal');
  if (!isCalendarDate(hearing.heldByOn)) throw invalid('hearing.heldByOn', 'must be a date (yyyy-MM-dd)');
  const place = hearing.place?.trim();
  return { way: hearing.way, ...(place ? { place } : {}), heldByOn: hearing.heldByOn, heldBy: hearing.heldBy };
}

export function invalid(field: string, reason: string): ApplicationError {
  return new ApplicationError(ApplicationErrorCode.InvalidCommand, `${field} ${reason}`, [{ field, reason }]);
}

export const refusalProposalFolds: Folds<'RefusalProposed'> = {
  RefusalProposed: (state, event) => {
    const accepted = expectAccepted(state, event.type);
    const review = accepted.status === 'reviewed' ? { review: accepted.review } : {};
    const { status: _, ...rest } = accepted as typeof accepted & { review?: unknown };
    const { review: __, ...withoutReview } = rest;
    return {
      ...withoutReview,
      ...review,
      status: 'refusal-proposed',
      refusalProposedOnce: true,
      proposal: event.data,
      objections: [],
      hearing: null,
    };
  },
};

/** Kept for the folds of the hearing (decisions/hearing.ts): the state a proposal is answered in. */
export const proposed = (state: ApplicationState, type: string) => expectStatus(state, 'refusal-proposed', type);
