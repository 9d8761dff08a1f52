import { Decider } from '../shared/decider';
import { arrivalFolds, RecordArrival, recordArrival } from './decisions/arrival';
import { IncludeInQuota, include, outcomeFolds, refuse, RefuseApplication } from './decisions/decide-outcome';
import { GrantSubsidy, grantSubsidy, subsidyFolds } from './decisions/grant-subsidy';
import {
  ReassignReview,
  reassignReview,
  RecordReview,
  recordReview,
  reviewFolds,
  StartReview,
  startReview,
} from './decisions/review';
import { RescheduleReviewDeadline, rescheduleDeadline, rescheduleFolds } from './decisions/reschedule';
import { sign, SignApplication, signFolds } from './decisions/sign';
import { IssueSigningCode, issueSigningCode, signingCodeFolds } from './decisions/signing-code';
import {
  escalate,
  EscalateReview,
  flagAtRisk,
  FlagReviewSlaAtRisk,
  recordBreach,
  RecordReviewSlaBreach,
  ScheduleReviewDeadline,
  scheduleDeadline,
  slaFolds,
} from './decisions/sla';
import { submit, SubmitApplication, submitFolds } from './decisions/submit';
import {
  complaintFolds,
  EscalateComplaint,
  escalateComplaint,
  FileComplaint,
  fileComplaint,
  FlagComplaintAtRisk,
  flagComplaintAtRisk,
  RecordComplaintBreach,
  recordComplaintBreach,
} from './decisions/complaint';
import {
  complaintOutcomeFolds,
  RecordAuthorityDecision,
  recordAuthorityDecision,
  RejectComplaint,
  rejectComplaint,
  SatisfyComplaint,
  satisfyComplaint,
} from './decisions/complaint-outcome';
import {
  ConfirmRefusal,
  confirmRefusal,
  hearingFolds,
  RecordApplicantObjection,
  RecordHearing,
  recordHearing,
  recordObjection,
  reopenAsEligible,
  ReopenReviewAsEligible,
} from './decisions/hearing';
import {
  EscalateHearingNotice,
  escalateHearingNotice,
  FlagHearingNoticeAtRisk,
  flagHearingNoticeAtRisk,
  hearingNoticeFolds,
  RecordHearingNoticeBreach,
  recordHearingNoticeBreach,
  ScheduleHearingNoticeDeadline,
  scheduleHearingNotice,
} from './decisions/hearing-notice';
import { ProposeRefusal, proposeRefusal, refusalProposalFolds } from './decisions/refusal-proposal';
import { withdraw, WithdrawApplication, withdrawFolds } from './decisions/withdraw';
import { ApplicationEvent, ApplicationEventType } from './events';
import type { Folds } from './fold';
import { ApplicationState, initialApplicationState } from './state';

/** Every command of the Application; each is declared beside the decision that takes it. */
export type ApplicationCommand =
  | SubmitApplication
  | IssueSigningCode
  | SignApplication
  | ScheduleReviewDeadline
  | RescheduleReviewDeadline
  | StartReview
  | ReassignReview
  | RecordReview
  | IncludeInQuota
  | RefuseApplication
  | GrantSubsidy
  | WithdrawApplication
  | FlagReviewSlaAtRisk
  | RecordReviewSlaBreach
  | EscalateReview
  | ScheduleHearingNoticeDeadline
  | FlagHearingNoticeAtRisk
  | RecordHearingNoticeBreach
  | EscalateHearingNotice
  | ProposeRefusal
  | RecordApplicantObjection
  | RecordHearing
  | ConfirmRefusal
  | ReopenReviewAsEligible
  | FileComplaint
  | FlagComplaintAtRisk
  | RecordComplaintBreach
  | EscalateComplaint
  | SatisfyComplaint
  | RejectComplaint
  | RecordAuthorityDecision
  | RecordArrival;

export type ApplicationCommandOf<T extends ApplicationCommand['type']> = Extract<ApplicationCommand, { type: T }>;

type Decision<C extends ApplicationCommand> = (command: C, state: ApplicationState) => readonly ApplicationEvent[];

/** The decision of each command type; the mapped type makes a command without one a compile error. */
const DECISIONS: { readonly [T in ApplicationCommand['type']]: Decision<ApplicationCommandOf<T>> } = {
  SubmitApplication: submit,
  IssueSigningCode: issueSigningCode,
  SignApplication: sign,
  ScheduleReviewDeadline: scheduleDeadline,
  RescheduleReviewDeadline: rescheduleDeadline,
  StartReview: startReview,
  ReassignReview: reassignReview,
  RecordReview: recordReview,
  IncludeInQuota: include,
  RefuseApplication: refuse,
  GrantSubsidy: grantSubsidy,
  WithdrawApplication: withdraw,
  FlagReviewSlaAtRisk: flagAtRisk,
  RecordReviewSlaBreach: recordBreach,
  EscalateReview: escalate,
  ScheduleHearingNoticeDeadline: scheduleHearingNotice,
  FlagHearingNoticeAtRisk: flagHearingNoticeAtRisk,
  RecordHearingNoticeBreach: recordHearingNoticeBreach,
  EscalateHearingNotice: escalateHearingNotice,
  ProposeRefusal: proposeRefusal,
  RecordApplicantObjection: recordObjection,
  RecordHearing: recordHearing,
  ConfirmRefusal: confirmRefusal,
  ReopenReviewAsEligible: reopenAsEligible,
  FileComplaint: fileComplaint,
  FlagComplaintAtRisk: flagComplaintAtRisk,
  RecordComplaintBreach: recordComplaintBreach,
  EscalateComplaint: escalateComplaint,
  SatisfyComplaint: satisfyComplaint,
  RejectComplaint: rejectComplaint,
  RecordAuthorityDecision: recordAuthorityDecision,
  RecordArrival: recordArrival,
};

export function decide(command: ApplicationCommand, state: ApplicationState): readonly ApplicationEvent[] {
  // TypeScript cannot tie a union member to the table entry of its own type (microsoft/TypeScript#30581);
  // the mapped type above is what guarantees that they match.
  const decision = DECISIONS[command.type] as Decision<ApplicationCommand>;
  return decision(command, state);
}

/** How each event type folds into the state; the mapped type makes an event without a fold a compile error. */
const FOLDS: Folds<ApplicationEventType> = {
  ...submitFolds,
  ...signingCodeFolds,
  ...signFolds,
  ...slaFolds,
  ...rescheduleFolds,
  ...reviewFolds,
  ...outcomeFolds,
  ...subsidyFolds,
  ...withdrawFolds,
  ...hearingNoticeFolds,
  ...refusalProposalFolds,
  ...hearingFolds,
  ...complaintFolds,
  ...complaintOutcomeFolds,
  ...arrivalFolds,
};

export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  // The same correlation TypeScript cannot see as in `decide`: FOLDS' mapped type guarantees it.
  const fold = FOLDS[event.type] as (state: ApplicationState, event: ApplicationEvent) => ApplicationState;
  return fold(state, event);
}

/** The Application aggregate: one stream per application (`application-<uuid>`). */
export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  initialState: initialApplicationState,
  evolve,
  decide,
};

export const applicationStreamId = (applicationId: string): string => `application-${applicationId}`;
