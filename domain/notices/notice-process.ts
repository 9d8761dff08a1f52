import { noticeOfArrival } from './rules/on-arrival';
import type { ApplicationEvent } from '../application/events';
import type { NoticeIntent } from './intents';
import { noNotice } from './intents';
import type { NoticeContext } from './notice-context';
import {
  noticeOfAuthorityDecision,
  noticeOfComplaint,
  noticeOfRejectedComplaint,
  noticeOfRevocation,
  noticeOfSatisfiedComplaint,
} from './rules/on-complaint';
import { noticeOfInclusion, noticeOfRefusal } from './rules/on-decision';
import { noticeOfHearing, noticeOfRefusalProposal } from './rules/on-hearing';
import { noticeOfAcceptance, noticeOfDeadlineMoved, noticeOfReviewStarted } from './rules/on-review-clock';
import { supportTypesNoticed } from './support-notice-process';
import { untold, type Untold } from './untold';

type ApplicationEventType = ApplicationEvent['type'];
type EventOf<T extends ApplicationEventType> = Extract<ApplicationEvent, { type: T }>;
type NoticeRule<E> = (event: E, context: NoticeContext) => readonly NoticeIntent[];

/**
 * What the applicant is told, one entry per event type of the Application: a rule or the reason
 * there is none. Exhaustive by its mapped type, so a new event type (a hearing, a complaint, a
 * payment) does not compile until it is given a notice rule or a reason here (ADR 28).
 */
export const NOTICE_PROCESS: { readonly [T in ApplicationEventType]: NoticeRule<EventOf<T>> | Untold } = {
  ApplicationSubmitted: untold('The portal answers the submission itself; acceptance is told at signing'),
  SigningCodeIssued: untold('The code goes to the applicant by SMS, not as a notice'),
  SigningCodeRejected: untold('The portal answers a wrong code at once'),
  ApplicationSigned: untold('Acceptance is told with its due date, once the deadline is scheduled'),
  ReviewDeadlineScheduled: noticeOfAcceptance,
  ReviewDeadlineRescheduled: noticeOfDeadlineMoved,
  ReviewStarted: noticeOfReviewStarted,
  ReviewReassigned: untold('Who reviews is the office’s own business'),
  ApplicationReviewed: untold('The review is told through its decision'),
  ApplicationIncluded: untold('The inclusion is told with its amounts, once both subsidies are granted'),
  ApplicationRefused: noticeOfRefusal,
  SubsidyGranted: noticeOfInclusion,
  ApplicationWithdrawn: untold('The applicant withdrew it: the portal answered then'),
  ReviewSlaAtRisk: untold('A warning for the office'),
  ReviewSlaBreached: untold('The decision, when it comes, says it came late'),
  ReviewEscalated: untold('Supervisors take it over: the office’s own business'),
  // Issue 20 (ADR 32): the preliminary refusal, the hearing's record, the complaint and its answer.
  HearingNoticeDeadlineScheduled: untold(
    'An internal deadline: the applicant is told of a proposal, not of its deadline',
  ),
  HearingNoticeAtRisk: untold('A warning for the office'),
  HearingNoticeBreached: untold('A warning for the office; the proposal, when it comes, is told'),
  HearingNoticeEscalated: untold('Supervisors take it over: the office’s own business'),
  RefusalProposed: noticeOfRefusalProposal,
  ApplicantObjected: untold('The applicant wrote it: the portal answered then'),
  HearingHeld: noticeOfHearing,
  ReviewReopenedAsEligible: untold('Told through the decision that follows'),
  ComplaintFiled: noticeOfComplaint,
  ComplaintAtRisk: untold('A warning for the office'),
  ComplaintBreached: untold('A warning for the office'),
  ComplaintEscalated: untold('Supervisors take it over: the office’s own business'),
  ComplaintSatisfied: noticeOfSatisfiedComplaint,
  ComplaintRejected: noticeOfRejectedComplaint,
  AuthorityDecisionRecorded: noticeOfAuthorityDecision,
  DecisionRevoked: noticeOfRevocation,
  // Issue 21 (ADR 33): after inclusion.
  FamilyArrived: noticeOfArrival,
};

/** The intents of one event: what its rule wants told, or why nothing is. */
export function noticesFor(event: ApplicationEvent, context: NoticeContext): readonly NoticeIntent[] {
  const rule = NOTICE_PROCESS[event.type] as NoticeRule<ApplicationEvent> | Untold;
  if (typeof rule !== 'function') return [noNotice('NOT_FOR_THE_APPLICANT', rule.because)];
  return rule(event, context);
}

/**
 * The event types some notice rule acts on — the application's and the support's (ADR 33): what
 * the runner subscribes to.
 */
export function typesNoticed(): string[] {
  const application = (Object.keys(NOTICE_PROCESS) as ApplicationEventType[]).filter(
    (type) => typeof NOTICE_PROCESS[type] === 'function',
  );
  return [...application, ...supportTypesNoticed()];
}
