import { Instant } from '../shared/calendar-date';
import { ApplicationReviewed, ApplicationSigned, SubsidyGranted, SubsidyKind } from './events';
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

interface Accepted extends Filed {
  readonly signature: ApplicationSigned['data'];
  readonly sla: SlaState;
  readonly reviewerId: string | null;
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
  | ({ readonly status: 'included' } & Accepted & {
        readonly review: ApplicationReviewed['data'];
        readonly persons: number;
        readonly decidedAt: Instant;
        readonly decisionDate: string;
        readonly subsidies: Readonly<Partial<Record<SubsidyKind, SubsidyGranted['data']>>>;
      })
  | ({ readonly status: 'refused' } & Accepted & { readonly decidedAt: Instant; readonly grounds: readonly string[] })
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
