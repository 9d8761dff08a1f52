import { Folds } from '../fold';
import { instantMillis, isInstant } from '../../shared/calendar-date';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import type {
  AddedDocument,
  ApplicantObjected,
  ApplicationRefused,
  ApplicationReviewed,
  HearingAttendance,
  HearingHeld,
  ReviewReopenedAsEligible,
} from '../events';
import { requireStatus, requireText } from '../guards';
import type { ApplicationState, StateOf } from '../state';
import { personsIn, quotaOf } from '../submission';
import { numberedDecision, timeliness } from './decide-outcome';
import { invalid, proposed } from './refusal-proposal';
import type { TimedCommand } from './timed-command';

export interface RecordApplicantObjection extends TimedCommand {
  readonly type: 'RecordApplicantObjection';
  readonly objectionId: string;
  readonly text: string;
  readonly documentsAdded?: readonly AddedDocument[];
}

export interface RecordHearing extends TimedCommand {
  readonly type: 'RecordHearing';
  readonly heardBy: string;
  readonly heldAt: string;
  readonly attendance: HearingAttendance;
  readonly statement: string;
  readonly documentsAdded?: readonly AddedDocument[];
}

/** The supervisor's final refusal after the hearing: the proposal's grounds and explanation, now decided. */
export interface ConfirmRefusal extends TimedCommand {
  readonly type: 'ConfirmRefusal';
}

export interface ReopenReviewAsEligible extends TimedCommand {
  readonly type: 'ReopenReviewAsEligible';
  readonly supervisorId: string;
  readonly reason: string;
}

type Proposed = StateOf<'refusal-proposed'>;

function awaitingDecision(state: ApplicationState, step: string): Proposed {
  return requireStatus(state, ['refusal-proposed'], step, ApplicationErrorCode.NoRefusalProposed);
}

/** The applicant's objection (portal), any number of them while the refusal is only proposed. */
export function recordObjection(command: RecordApplicantObjection, state: ApplicationState): ApplicantObjected[] {
  const open = awaitingDecision(state, 'object to a proposed refusal');
  const objectionId = requireText(command.objectionId, 'objectionId');
  if (open.objections.some((objection) => objection.objectionId === objectionId)) return [];
  const data = {
    applicationId: command.applicationId,
    objectionId,
    text: requireText(command.text, 'text'),
    documentsAdded: validDocuments(command.documentsAdded),
    objectedAt: command.at,
  };
  return [{ type: 'ApplicantObjected', data }];
}

const ATTENDANCE: readonly string[] = ['attended', 'absent', 'in-writing'];

/** The officer's record of the hearing: once, while the refusal is only proposed. */
export function recordHearing(command: RecordHearing, state: ApplicationState): HearingHeld[] {
  const open = awaitingDecision(state, 'record a hearing');
  if (open.hearing)
    throw new ApplicationError(
      ApplicationErrorCode.HearingAlreadyHeld,
      `The hearing was held at ${open.hearing.heldAt}`,
    );
  if (!isInstant(command.heldAt) || instantMillis(command.heldAt) > instantMillis(command.at))
    throw invalid('heldAt', 'must be an instant, not in the future');
  if (!ATTENDANCE.includes(command.attendance))
    throw invalid('attendance', "must be 'attended', 'absent' or 'in-writing'");
  const data = {
    applicationId: command.applicationId,
    heardBy: requireText(command.heardBy, 'heardBy'),
    heldAt: command.heldAt,
    attendance: command.attendance,
    statement: requireText(command.statement, 'statement'),
    documentsAdded: validDocuments(command.documentsAdded),
    recordedAt: command.at,
  };
  return [{ type: 'HearingHeld', data }];
}

function validDocuments(documents: readonly AddedDocument[] | undefined): AddedDocument[] {
  return (documents ?? []).map((document, index) => ({
    title: requireText(document?.title, `documentsAdded[${index}].title`),
    reference: requireText(document?.reference, `documentsAdded[${index}].reference`),
  }));
}

/** Final only once the applicant was heard, or the hearing's time ran out unused. */
export function confirmRefusal(command: ConfirmRefusal, state: ApplicationState): ApplicationRefused[] {
  const open = awaitingDecision(state, 'confirm a refusal');
  const { proposal } = open;
  if (!open.hearing && instantMillis(command.at) <= instantMillis(proposal.hearing.heldBy))
    throw new ApplicationError(
      ApplicationErrorCode.HearingWindowOpen,
      `The applicant may be heard until ${proposal.hearing.heldBy}: record the hearing or wait until then`,
    );
  const data = {
    applicationId: command.applicationId,
    quota: proposal.quota,
    grounds: proposal.grounds,
    groundsListVersion: proposal.groundsListVersion,
    explanation: proposal.explanation,
    decision: numberedDecision(open, command.at),
    decidedAt: command.at,
    ...timeliness(open.sla, command.at),
  };
  return [{ type: 'ApplicationRefused', data }];
}

/** Not confirmed: the application stands as eligible, and the process asks the quota again. */
export function reopenAsEligible(command: ReopenReviewAsEligible, state: ApplicationState): ReviewReopenedAsEligible[] {
  const open = awaitingDecision(state, 'reopen the review');
  const data = {
    applicationId: command.applicationId,
    quota: quotaOf(open.submission),
    persons: personsIn(open.submission),
    proposalSource: open.proposal.source,
    reason: requireText(command.reason, 'reason'),
    reopenedBy: requireText(command.supervisorId, 'supervisorId'),
    reopenedAt: command.at,
  };
  return [{ type: 'ReviewReopenedAsEligible', data }];
}

/**
 * The verdict as it now stands when a supervisor or a complaint's decision finds the application
 * eligible: the reviewer's review, if any, with the verdict turned (ADR 32). The state only; the
 * stored review is never rewritten.
 */
export function eligibleReview(
  state: Pick<Proposed, 'applicationId' | 'submission'> & { readonly review?: ApplicationReviewed['data'] },
  decidedBy: string,
  at: string,
  comment: string,
): ApplicationReviewed['data'] {
  const prior = state.review;
  return {
    applicationId: state.applicationId,
    quota: quotaOf(state.submission),
    persons: personsIn(state.submission),
    reviewerId: decidedBy,
    verdict: 'eligible',
    findings: prior?.findings ?? [],
    grounds: [],
    groundsListVersion: prior?.groundsListVersion ?? '',
    comment,
    reviewedAt: at,
  };
}

export const hearingFolds: Folds<'ApplicantObjected' | 'HearingHeld' | 'ReviewReopenedAsEligible'> = {
  ApplicantObjected: (state, event) => {
    const open = proposed(state, event.type);
    return { ...open, objections: [...open.objections, event.data] };
  },
  HearingHeld: (state, event) => ({ ...proposed(state, event.type), hearing: event.data }),
  ReviewReopenedAsEligible: (state, event) => {
    const { proposal: _, objections: __, hearing: ___, ...open } = proposed(state, event.type);
    const { reopenedBy, reopenedAt, reason } = event.data;
    return { ...open, status: 'reviewed', review: eligibleReview(open, reopenedBy, reopenedAt, reason) };
  },
};
