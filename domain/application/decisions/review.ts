import { expectAccepted, expectStatus, Folds } from '../fold';
import type { DocumentFinding, PersonIncludedElsewhere, Verdict } from '../events';
import type { RefusalGroundList } from '../refusal-grounds';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { ApplicationReviewed, ReviewReassigned, ReviewStarted } from '../events';
import { requireStatus, requireText } from '../guards';
import { CURRENT_REFUSAL_GROUNDS } from '../refusal-grounds';
import { ApplicationState } from '../state';
import { personsIn, quotaOf } from '../submission';
import { reviewViolations } from './review-rules';
import type { TimedCommand } from './timed-command';

export interface StartReview extends TimedCommand {
  readonly type: 'StartReview';
  readonly reviewerId: string;
}

export interface ReassignReview extends TimedCommand {
  readonly type: 'ReassignReview';
  readonly toReviewerId: string;
  readonly reason: string;
}

export interface RecordReview extends TimedCommand {
  readonly type: 'RecordReview';
  readonly reviewerId: string;
  readonly verdict: Verdict;
  readonly findings: readonly DocumentFinding[];
  /** Codes of the refusal-ground list: at least one when not eligible, none when eligible. */
  readonly grounds: readonly string[];
  readonly comment?: string;
  readonly groundsList?: RefusalGroundList;
  /** Persons of the application included through another one, looked up by the handler (ADR 16). */
  readonly personsIncludedElsewhere?: readonly PersonIncludedElsewhere[];
}

/** No review before signing; one reviewer at a time (a supervisor reassigns). */
export function startReview(command: StartReview, state: ApplicationState): ReviewStarted[] {
  if (state.status === 'under-review') {
    if (state.reviewerId === command.reviewerId) return [];
    throw new ApplicationError(
      ApplicationErrorCode.ReviewAlreadyStarted,
      `Reviewer ${state.reviewerId} is already reviewing it`,
    );
  }
  if (state.status === 'reviewed')
    throw new ApplicationError(ApplicationErrorCode.AlreadyReviewed, 'The review is already recorded');
  if (state.status === 'submitted')
    throw new ApplicationError(ApplicationErrorCode.NotSigned, 'An application is reviewed only after it is signed');
  requireStatus(state, ['signed'], 'start a review', ApplicationErrorCode.NotSigned);
  const reviewerId = requireText(command.reviewerId, 'reviewerId');
  return [{ type: 'ReviewStarted', data: { applicationId: command.applicationId, reviewerId, startedAt: command.at } }];
}

export function reassignReview(command: ReassignReview, state: ApplicationState): ReviewReassigned[] {
  if (state.status === 'submitted')
    throw new ApplicationError(ApplicationErrorCode.NotSigned, 'An application is reviewed only after it is signed');
  if (state.status === 'reviewed')
    throw new ApplicationError(ApplicationErrorCode.AlreadyReviewed, 'The review is already recorded');
  const current = requireStatus(
    state,
    ['signed', 'under-review'],
    'reassign the review',
    ApplicationErrorCode.NotSigned,
  );
  const toReviewerId = requireText(command.toReviewerId, 'toReviewerId');
  const reason = requireText(command.reason, 'reason');
  if (current.reviewerId === toReviewerId) return [];
  return [
    {
      type: 'ReviewReassigned',
      data: {
        applicationId: command.applicationId,
        fromReviewerId: current.reviewerId,
        toReviewerId,
        reason,
        reassignedAt: command.at,
      },
    },
  ];
}

export function recordReview(command: RecordReview, state: ApplicationState): ApplicationReviewed[] {
  if (state.status === 'reviewed')
    throw new ApplicationError(ApplicationErrorCode.AlreadyReviewed, 'The review is already recorded');
  if (state.status === 'signed')
    throw new ApplicationError(ApplicationErrorCode.ReviewNotStarted, 'Start the review before recording it');
  if (state.status === 'submitted')
    throw new ApplicationError(ApplicationErrorCode.NotSigned, 'An application is reviewed only after it is signed');
  const reviewing = requireStatus(state, ['under-review'], 'record a review', ApplicationErrorCode.ReviewNotStarted);
  if (reviewing.reviewerId !== command.reviewerId) {
    throw new ApplicationError(
      ApplicationErrorCode.NotAssignedReviewer,
      `The review is assigned to ${reviewing.reviewerId}`,
    );
  }
  const list = command.groundsList ?? CURRENT_REFUSAL_GROUNDS;
  const violations = reviewViolations(command, reviewing.submission.documents.length, list);
  if (violations.length > 0)
    throw new ApplicationError(
      ApplicationErrorCode.InvalidReview,
      'The review is incomplete or contradictory',
      violations,
    );
  return [
    {
      type: 'ApplicationReviewed',
      data: {
        applicationId: command.applicationId,
        quota: quotaOf(reviewing.submission),
        persons: personsIn(reviewing.submission),
        reviewerId: command.reviewerId,
        verdict: command.verdict,
        findings: command.findings,
        grounds: command.grounds,
        groundsListVersion: list.version,
        ...(command.comment ? { comment: command.comment } : {}),
        ...(command.personsIncludedElsewhere?.length
          ? { personsIncludedElsewhere: command.personsIncludedElsewhere }
          : {}),
        reviewedAt: command.at,
      },
    },
  ];
}

export const reviewFolds: Folds<'ReviewStarted' | 'ReviewReassigned' | 'ApplicationReviewed'> = {
  ReviewStarted: (state, event) => ({
    ...expectStatus(state, 'signed', event.type),
    status: 'under-review',
    reviewerId: event.data.reviewerId,
  }),
  ReviewReassigned: (state, event) => ({
    ...expectAccepted(state, event.type),
    status: 'under-review',
    reviewerId: event.data.toReviewerId,
  }),
  ApplicationReviewed: (state, event) => ({
    ...expectStatus(state, 'under-review', event.type),
    status: 'reviewed',
    review: event.data,
  }),
};
