import type { FamilyArrived } from './arrival-events';
import { Instant } from '../shared/calendar-date';
import {
  ApplicantObjected,
  ApplicationReviewed,
  ApplicationSigned,
  ComplaintFiled,
  DecisionRef,
  HearingHeld,
  HearingNoticeDeadline,
  RefusalProposed,
  SubsidyGranted,
  SubsidyKind,
} from './events';
import { ScheduledDeadline } from './review-deadline';
import { ApplicationSubmission } from './submission';

export interface SlaState {
  readonly deadline: ScheduledDeadline | null;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
}

/** An issued one-time code as signing needs it (SigningCodeIssued, then its wrong attempts). */
export interface SigningCode {
  readonly codeMac: string;
  readonly issuedAt: Instant;
  readonly expiresAt: Instant;
  readonly maxAttempts: number;
  readonly failedAttempts: number;
}

/** What every state after submission knows. */
interface Filed {
  readonly applicationId: string;
  readonly submission: ApplicationSubmission;
  readonly digest: string;
  readonly submittedAt: Instant;
}

/** The notice deadline of a preliminary refusal and the flags fired on it (ADR 32). */
export interface HearingNoticeState {
  readonly deadline: HearingNoticeDeadline;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
}

/** The complaint being considered: one at a time (ADR 32). */
export interface OpenComplaint {
  readonly filed: ComplaintFiled['data'];
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
}

interface Accepted extends Filed {
  readonly signature: ApplicationSigned['data'];
  readonly sla: SlaState;
  readonly reviewerId: string | null;
  /** Absent on an application signed before ADR 32, or until its review deadline is scheduled. */
  readonly hearingNotice?: HearingNoticeState;
  /** True once a refusal was proposed: the notice deadline has nothing left to watch. */
  readonly refusalProposedOnce?: boolean;
  readonly complaint?: OpenComplaint;
  /** Decisions revoked so far: a new decision after one is numbered apart (`-2`, `-3`, …). */
  readonly revocations?: number;
  /** Where the review's service term is counted from: the signing, or the last revocation back to review. */
  readonly reviewClockFrom?: Instant;
  /**
   * The day the family arrived under an inclusion since revoked (ADR 33): its support was stopped
   * then, and a new inclusion does not open another by itself.
   */
  readonly arrivedUnderRevokedInclusion?: string;
}

export type ApplicationState =
  | { readonly status: 'none' }
  | ({ readonly status: 'submitted' } & Filed & {
        /** The codes issued to sign with, by request id; absent until the first is issued. */
        readonly signingCodes?: ReadonlyMap<string, SigningCode>;
      })
  | ({ readonly status: 'signed' } & Accepted)
  | ({ readonly status: 'under-review' } & Accepted & { readonly reviewerId: string })
  | ({ readonly status: 'reviewed' } & Accepted & { readonly review: ApplicationReviewed['data'] })
  | ({ readonly status: 'refusal-proposed' } & Accepted & {
        /** The review the proposal followed, when there was one (not for a supervisor's proposal before it). */
        readonly review?: ApplicationReviewed['data'];
        readonly proposal: RefusalProposed['data'];
        readonly objections: readonly ApplicantObjected['data'][];
        readonly hearing: HearingHeld['data'] | null;
      })
  | ({ readonly status: 'included' } & Accepted & {
        readonly review: ApplicationReviewed['data'];
        readonly persons: number;
        readonly decidedAt: Instant;
        readonly decisionDate: string;
        readonly decision?: DecisionRef;
        readonly subsidies: Readonly<Partial<Record<SubsidyKind, SubsidyGranted['data']>>>;
        /** The family's arrival in the region, once recorded (ADR 33). */
        readonly arrival?: FamilyArrived['data'];
      })
  | ({ readonly status: 'refused' } & Accepted & {
        readonly decidedAt: Instant;
        readonly grounds: readonly string[];
        readonly decision?: DecisionRef;
      })
  | ({ readonly status: 'withdrawn' } & Filed & {
        readonly withdrawnFrom: ApplicationStatus;
        readonly withdrawnAt: Instant;
      });

export type ApplicationStatus = ApplicationState['status'];

export type StateOf<S extends ApplicationStatus> = Extract<ApplicationState, { status: S }>;

/** A decision (inclusion or refusal) or a withdrawal closes the application: nothing is pending after. */
export function isClosed(state: ApplicationState): boolean {
  return state.status === 'included' || state.status === 'refused' || state.status === 'withdrawn';
}

export const initialApplicationState = (): ApplicationState => ({ status: 'none' });

export const NO_SLA: SlaState = { deadline: null, atRisk: false, breached: false, escalated: false };
