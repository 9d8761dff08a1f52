import { decisionFor } from '../decision-number';
import { expectAccepted, expectStatus, Folds } from '../fold';
import type { CalendarDate } from '../../shared/calendar-date';
import type { RefusalGroundList } from '../refusal-grounds';
import { instantMillis, isCalendarDate } from '../../shared/calendar-date';
import { personsIn, quotaOf } from '../submission';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { ApplicationIncluded, ApplicationRefused, Timeliness } from '../events';
import { requireStatus, requireText } from '../guards';
import {
  CURRENT_REFUSAL_GROUNDS,
  DUPLICATE_OR_SUPPORT_RECEIVED,
  findGround,
  notAGroundReason,
  QUOTA_EXHAUSTED,
} from '../refusal-grounds';
import { ApplicationState, SlaState, StateOf } from '../state';
import type { TimedCommand } from './timed-command';

export interface IncludeInQuota extends TimedCommand {
  readonly type: 'IncludeInQuota';
  /** Seats the quota reserved for the family; must equal the application's persons. */
  readonly persons: number;
  readonly decision: { readonly number: string; readonly date: CalendarDate };
}

export interface RefuseApplication extends TimedCommand {
  readonly type: 'RefuseApplication';
  readonly grounds: readonly string[];
  readonly explanation: string;
  /** Given by the process, numbered from its cause; a supervisor's refusal is numbered here, from the application and the instant decided. */
  readonly decision?: { readonly number: string; readonly date: CalendarDate };
  readonly groundsList?: RefusalGroundList;
}

/**
 * Grounds a reviewer does not judge, so an eligible review does not contradict them: the region's
 * quota, and a person already included through another application (ADR 16).
 */
const GROUNDS_BEYOND_THE_REVIEW: readonly string[] = [QUOTA_EXHAUSTED, DUPLICATE_OR_SUPPORT_RECEIVED];

/** One decision only, and inclusion only after an eligible review, counting the whole family. */
export function include(command: IncludeInQuota, state: ApplicationState): ApplicationIncluded[] {
  const reviewed = requireStatus(state, ['reviewed'], 'include in the quota', ApplicationErrorCode.NotReviewedEligible);
  if (reviewed.review.verdict !== 'eligible') {
    throw new ApplicationError(
      ApplicationErrorCode.NotReviewedEligible,
      'Only an application reviewed as eligible is included',
    );
  }
  const persons = personsIn(reviewed.submission);
  if (command.persons !== persons) {
    throw new ApplicationError(
      ApplicationErrorCode.PersonsMismatch,
      `The family counts ${persons} persons, not ${command.persons}`,
      [{ field: 'persons', reason: `must be ${persons}: the applicant and each family member` }],
    );
  }
  const decision = numberedApart(validDecision(command.decision), reviewed);
  const { region, year, applicant } = reviewed.submission;
  return [
    {
      type: 'ApplicationIncluded',
      data: {
        applicationId: command.applicationId,
        region,
        year,
        category: applicant.category,
        persons,
        decision,
        decidedAt: command.at,
        ...timeliness(reviewed.sla, command.at),
      },
    },
  ];
}

/** A reasoned refusal: coded grounds from the versioned list plus an explanation in words. */
export function refuse(command: RefuseApplication, state: ApplicationState): ApplicationRefused[] {
  const open = openForDecision(state, 'refuse');
  const { grounds, list, explanation } = reasonedGrounds(command, open);
  return [
    {
      type: 'ApplicationRefused',
      data: {
        applicationId: command.applicationId,
        quota: quotaOf(open.submission),
        grounds,
        groundsListVersion: list.version,
        explanation,
        decision: command.decision
          ? numberedApart(validDecision(command.decision), open)
          : numberedDecision(open, command.at),
        decidedAt: command.at,
        ...timeliness(open.sla, command.at),
      },
    },
  ];
}

/**
 * A refusal's number when the office takes it (a supervisor, or the process without a cause of its
 * own): from the application and the instant; after a revoked decision, numbered apart (`-2`, …).
 */
export function numberedDecision(
  state: StateOf<'signed' | 'under-review' | 'reviewed' | 'refusal-proposed'>,
  at: string,
) {
  return numberedApart(decisionFor('refusal', state.applicationId, state.submission.year, new Date(at)), state);
}

/**
 * A decision taken after a revoked one is numbered apart (ADR 32): `…-2`, `…-3`. The number the
 * command brings is the application's base number (the process derives it from the application id
 * alone); only the application knows how many of its decisions were revoked.
 */
function numberedApart<D extends { number: string }>(decision: D, state: { revocations?: number }): D {
  const revocations = state.revocations ?? 0;
  return revocations === 0 ? decision : { ...decision, number: `${decision.number}-${revocations + 1}` };
}

/** Signed and not decided, nor a refusal proposed: what a refusal, proposed or final, is taken on. */
export function openForDecision(
  state: ApplicationState,
  step: string,
): StateOf<'signed' | 'under-review' | 'reviewed'> {
  if (state.status === 'submitted')
    throw new ApplicationError(ApplicationErrorCode.NotSigned, 'An unsigned application is not decided on');
  return requireStatus(state, ['signed', 'under-review', 'reviewed'], step, ApplicationErrorCode.AlreadyDecided);
}

interface Reasoned {
  readonly grounds: readonly string[];
  readonly explanation: string;
  readonly groundsList?: RefusalGroundList;
}

/**
 * The grounds of a refusal (proposed or final): known codes of the list in force, at least one, an
 * explanation in words; an eligible review is contradicted only by the grounds it does not judge.
 */
export function reasonedGrounds(
  command: Reasoned,
  open: StateOf<'signed' | 'under-review' | 'reviewed'>,
): { grounds: readonly string[]; list: RefusalGroundList; explanation: string } {
  const list = command.groundsList ?? CURRENT_REFUSAL_GROUNDS;
  const explanation = requireText(command.explanation, 'explanation', ApplicationErrorCode.InvalidRefusal);
  const grounds = [...new Set(command.grounds)];
  if (grounds.length === 0)
    throw new ApplicationError(ApplicationErrorCode.InvalidRefusal, 'A refusal names at least one ground', [
      { field: 'grounds', reason: 'is empty' },
    ]);
  grounds.forEach((code, index) => {
    if (!findGround(list, code))
      throw new ApplicationError(ApplicationErrorCode.InvalidRefusal, `Unknown ground ${code}`, [
        { field: `grounds[${index}]`, reason: notAGroundReason(list) },
      ]);
  });
  if (
    open.status === 'reviewed' &&
    open.review.verdict === 'eligible' &&
    grounds.some((code) => !GROUNDS_BEYOND_THE_REVIEW.includes(code))
  ) {
    throw new ApplicationError(
      ApplicationErrorCode.RefusalContradictsReview,
      'An application reviewed as eligible is refused only because the quota is exhausted or a person was already included',
    );
  }
  return { grounds, list, explanation };
}

function validDecision(decision: { number: string; date: string } | undefined): { number: string; date: string } {
  const number = requireText(decision?.number, 'decision.number');
  if (!isCalendarDate(decision?.date))
    throw new ApplicationError(ApplicationErrorCode.InvalidCommand, 'decision.date must be a date', [
      { field: 'decision.date', reason: 'must be a date (yyyy-MM-dd)' },
    ]);
  return { number, date: decision.date };
}

/** A decision after the due date is recorded as late: the SLA dashboard counts it, nothing hides it. */
export function timeliness(sla: SlaState, at: string): Timeliness {
  const dueAt = sla.deadline?.dueAt ?? null;
  return { dueAt, late: dueAt !== null && instantMillis(at) > instantMillis(dueAt) };
}

export const outcomeFolds: Folds<'ApplicationIncluded' | 'ApplicationRefused'> = {
  ApplicationIncluded: (state, event) => {
    const { persons, decidedAt, decision } = event.data;
    const reviewed = expectStatus(state, 'reviewed', event.type);
    const included = { ...reviewed, status: 'included' as const, persons, decidedAt, decision, subsidies: {} };
    return { ...included, decisionDate: decision.date };
  },
  ApplicationRefused: (state, event) => ({
    ...expectAccepted(state, event.type),
    status: 'refused',
    decidedAt: event.data.decidedAt,
    grounds: event.data.grounds,
    decision: event.data.decision,
  }),
};
