import type { ApplicationEvent } from '../application/events';
import type { QuotaEvent } from '../quota/events';
import { ignore, type Intent } from './intents';
import type { ProcessContext } from './process-policy';
import { escalateOnBreach } from './rules/on-breach';
import { releaseOnRefusal, releaseOnWithdrawal } from './rules/on-closing';
import { grantSubsidies } from './rules/on-inclusion';
import { includeOnSeatsReserved, refuseOnReservationDeclined } from './rules/on-reservation';
import { reserveOrPropose } from './rules/on-review';
import { carryOutRevocation, escalateOnComplaintBreach } from './rules/on-complaint';
import {
  escalateOnNoticeBreach,
  moveNoticeDeadline,
  reserveOnReopened,
  scheduleNoticeDeadline,
} from './rules/on-hearing';
import { scheduleReviewDeadline } from './rules/on-signing';
import { openSupportOnArrival } from './rules/on-arrival';

/** Every event the review process hears: the Application's and the RegionalQuota's. */
export type WorkflowEvent = ApplicationEvent | QuotaEvent;
export type WorkflowEventType = WorkflowEvent['type'];
export type WorkflowEventOf<T extends WorkflowEventType> = Extract<WorkflowEvent, { type: T }>;

export type Reaction<E> = (event: E, context: ProcessContext) => readonly Intent[];

/** An event the process hears but never acts on, and why (the runner does not even subscribe to it). */
export interface NoReaction {
  readonly kind: 'no-reaction';
  readonly because: string;
}

const noReaction = (because: string): NoReaction => ({ kind: 'no-reaction', because });

/**
 * The review process, one entry per event type — a rule or the reason there is none. The mapped
 * type makes it exhaustive: a new event type of either aggregate does not compile until it is
 * given a rule or a reason here.
 */
export type ProcessRules = { readonly [T in WorkflowEventType]: Reaction<WorkflowEventOf<T>> | NoReaction };

export const REVIEW_PROCESS: ProcessRules = {
  ApplicationSubmitted: noReaction('The review clock starts when the applicant signs'),
  SigningCodeIssued: noReaction('A code is sent to the applicant; signing is what starts the review clock'),
  SigningCodeRejected: noReaction('A wrong code counts against its attempts; the applicant tries again or asks anew'),
  ApplicationSigned: scheduleReviewDeadline,
  // The scheduler fires the review's deadlines from the pending-deadlines read model; the process
  // derives the hearing notice's from them (ADR 32).
  ReviewDeadlineScheduled: scheduleNoticeDeadline,
  ReviewDeadlineRescheduled: moveNoticeDeadline,
  ReviewStarted: noReaction('A reviewer works on the application; the next step is the review'),
  ReviewReassigned: noReaction('A new reviewer takes over; nothing else changes'),
  ApplicationReviewed: reserveOrPropose,
  ApplicationIncluded: grantSubsidies,
  ApplicationRefused: releaseOnRefusal,
  SubsidyGranted: noReaction('Support is the last step of an inclusion'),
  ApplicationWithdrawn: releaseOnWithdrawal,
  ReviewSlaAtRisk: noReaction('A warning for the reviewer and the dashboards; the breach is what escalates'),
  ReviewSlaBreached: escalateOnBreach,
  ReviewEscalated: noReaction('Supervisors take escalated reviews from their queue'),
  HearingNoticeDeadlineScheduled: noReaction('The deadline scheduler fires it from the pending-deadlines read model'),
  HearingNoticeAtRisk: noReaction('A warning for the reviewer and the dashboards; the breach is what escalates'),
  HearingNoticeBreached: escalateOnNoticeBreach,
  HearingNoticeEscalated: noReaction('Supervisors take escalated applications from their queue'),
  RefusalProposed: noReaction('The applicant is notified and heard; the final decision is a supervisor’s'),
  ApplicantObjected: noReaction('Recorded for the hearing and the supervisor’s decision'),
  HearingHeld: noReaction('Recorded for the supervisor’s decision'),
  ReviewReopenedAsEligible: reserveOnReopened,
  ComplaintFiled: noReaction('The deadline scheduler fires its term from the pending-deadlines read model'),
  ComplaintAtRisk: noReaction('A warning for the supervisors and the dashboards; the breach is what escalates'),
  ComplaintBreached: escalateOnComplaintBreach,
  ComplaintEscalated: noReaction('Supervisors take escalated complaints from their queue'),
  ComplaintSatisfied: noReaction('The revocation recorded with it is what the process carries out'),
  ComplaintRejected: noReaction('The decision stands; the applicant may turn to the authority'),
  AuthorityDecisionRecorded: noReaction('The revocation recorded with a satisfied one is what the process carries out'),
  DecisionRevoked: carryOutRevocation,
  FamilyArrived: openSupportOnArrival,
  QuotaCapacitySet: noReaction('An order sets the capacity; reservations already made stand'),
  SeatsReserved: includeOnSeatsReserved,
  SeatReservationDeclined: refuseOnReservationDeclined,
  SeatsReleased: noReaction('Seats given back wait for the next eligible review'),
};

/** The intents of one event: what its rule wants, or one `ignore` saying why nothing. */
export function react(
  event: WorkflowEvent,
  context: ProcessContext,
  rules: ProcessRules = REVIEW_PROCESS,
): readonly Intent[] {
  const rule = rules[event.type] as Reaction<WorkflowEvent> | NoReaction;
  if (typeof rule !== 'function') return [ignore('NO_RULE_FOR_EVENT', rule.because)];
  return rule(event, context);
}

/** The event types some rule acts on: what a runner needs to subscribe to. */
export function typesActedOn(rules: ProcessRules = REVIEW_PROCESS): WorkflowEventType[] {
  return (Object.keys(rules) as WorkflowEventType[]).filter((type) => typeof rules[type] === 'function');
}
