import { CalendarDate, Instant } from '../shared/calendar-date';
import { DocumentPolicy } from './documents';
import { DocumentFinding, SignatureMethod, SubsidyKind, Verdict } from './events';
import { RefusalGroundList } from './refusal-grounds';
import { ScheduledDeadline } from './review-deadline';
import { SubsidyPolicyData } from './decisions/grant-subsidy';
import { ApplicationSubmission } from './submission';

/** Every command carries the instant it is decided at (`at`), from the handler's clock. */
interface Timed {
  readonly applicationId: string;
  readonly at: Instant;
}

export interface SubmitApplication extends Timed {
  readonly type: 'SubmitApplication';
  readonly submission: ApplicationSubmission;
  /**
   * SHA-256 (lower-case hex) of the canonical JSON of `submission`: the digest the applicant will
   * sign. Computed by the caller, since the domain does no cryptography; recorded as given.
   */
  readonly digest: string;
  /** Whether the year's order gives the receiving region a quota for the applicant's category (looked up by the handler). */
  readonly receivingRegionHasQuota: boolean;
  readonly documentPolicy?: DocumentPolicy;
}

/** The outcome of the signature check done behind the SignatureVerifier port, before deciding. */
export interface SignatureVerification {
  readonly valid: boolean;
  readonly reason?: string;
  readonly evidence: Readonly<Record<string, string>>;
}

export interface SignApplication extends Timed {
  readonly type: 'SignApplication';
  readonly method: SignatureMethod;
  readonly signerIin: string;
  readonly signedDigest: string;
  readonly verification: SignatureVerification;
}

export interface ScheduleReviewDeadline extends Timed {
  readonly type: 'ScheduleReviewDeadline';
  readonly deadline: ScheduledDeadline;
}

export interface StartReview extends Timed {
  readonly type: 'StartReview';
  readonly reviewerId: string;
}

export interface ReassignReview extends Timed {
  readonly type: 'ReassignReview';
  readonly toReviewerId: string;
  readonly reason: string;
}

export interface RecordReview extends Timed {
  readonly type: 'RecordReview';
  readonly reviewerId: string;
  readonly verdict: Verdict;
  readonly findings: readonly DocumentFinding[];
  readonly refusalGrounds: readonly string[];
  readonly comment?: string;
  readonly groundsList?: RefusalGroundList;
}

export interface IncludeInQuota extends Timed {
  readonly type: 'IncludeInQuota';
  /** Seats the quota reserved for the family; must equal the persons moving. */
  readonly personsCounted: number;
  readonly decision: { readonly number: string; readonly date: CalendarDate };
}

export interface RefuseApplication extends Timed {
  readonly type: 'RefuseApplication';
  readonly grounds: readonly string[];
  readonly explanation: string;
  readonly decision: { readonly number: string; readonly date: CalendarDate };
  readonly groundsList?: RefusalGroundList;
}

export interface GrantSubsidy extends Timed {
  readonly type: 'GrantSubsidy';
  readonly kind: SubsidyKind;
  /** The administrator's current tables (MCI, rent rates); the domain's defaults when omitted. */
  readonly policy?: SubsidyPolicyData;
}

export interface WithdrawApplication extends Timed {
  readonly type: 'WithdrawApplication';
  readonly reason: string;
}

export interface FlagReviewSlaAtRisk extends Timed {
  readonly type: 'FlagReviewSlaAtRisk';
}

export interface RecordReviewSlaBreach extends Timed {
  readonly type: 'RecordReviewSlaBreach';
}

export interface EscalateReview extends Timed {
  readonly type: 'EscalateReview';
  readonly reason: string;
}

export type ApplicationCommand =
  | SubmitApplication
  | SignApplication
  | ScheduleReviewDeadline
  | StartReview
  | ReassignReview
  | RecordReview
  | IncludeInQuota
  | RefuseApplication
  | GrantSubsidy
  | WithdrawApplication
  | FlagReviewSlaAtRisk
  | RecordReviewSlaBreach
  | EscalateReview;
