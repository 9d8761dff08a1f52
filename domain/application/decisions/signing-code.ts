import type { Instant } from '../../shared/calendar-date';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import type { ApplicationEvent, SigningCodeIssued, SigningCodeRejected } from '../events';
import { expectStatus, Folds } from '../fold';
import { requireText } from '../guards';
import type { ApplicationState, SigningCode, StateOf } from '../state';
import { signableBy } from './signable';
import type { TimedCommand } from './timed-command';

/** How long an issued code may be used, and how many wrong codes it tolerates (the default, data). */
export interface SigningCodePolicy {
  readonly validForSeconds: number;
  readonly maxAttempts: number;
}

/** 6 digits, 5 minutes, 3 attempts: what the portal tells the applicant. */
export const DEFAULT_SIGNING_CODE_POLICY: SigningCodePolicy = { validForSeconds: 300, maxAttempts: 3 };

/** HMAC-SHA-256 in base64url without padding: 43 characters (ADR 17). */
const CODE_MAC = /^[A-Za-z0-9_-]{43}$/;

export interface IssueSigningCode extends TimedCommand {
  readonly type: 'IssueSigningCode';
  readonly signerIin: string;
  /** Chosen by the edge (a random UUID); the MAC is bound to it. */
  readonly otpRequestId: string;
  /** The keyed MAC of the code the edge generated and sends; the code itself never reaches the domain. */
  readonly codeMac: string;
  readonly policy: SigningCodePolicy;
}

/** What the applicant presents: the request the code was issued under and the edge's MAC of the typed code. */
export interface PresentedCode {
  readonly otpRequestId: string;
  readonly codeMac: string;
}

/** A code is issued only for what its signer may sign: a submitted application, to its applicant. */
export function issueSigningCode(command: IssueSigningCode, state: ApplicationState): SigningCodeIssued[] {
  const submitted = signableBy(state, command.signerIin);
  const otpRequestId = requireText(command.otpRequestId, 'otpRequestId');
  if (typeof command.codeMac !== 'string' || !CODE_MAC.test(command.codeMac))
    throw invalid('codeMac', 'must be a base64url HMAC-SHA-256');
  const { validForSeconds, maxAttempts } = command.policy ?? {};
  if (!isPositiveInteger(validForSeconds)) throw invalid('policy.validForSeconds', 'must be a positive integer');
  if (!isPositiveInteger(maxAttempts)) throw invalid('policy.maxAttempts', 'must be a positive integer');
  if (submitted.signingCodes?.has(otpRequestId)) throw invalid('otpRequestId', 'was issued already');
  const issued: SigningCodeIssued = {
    type: 'SigningCodeIssued',
    data: {
      applicationId: command.applicationId,
      otpRequestId,
      codeMac: command.codeMac,
      issuedAt: command.at,
      expiresAt: new Date(Date.parse(command.at) + validForSeconds * 1000).toISOString(),
      maxAttempts,
    },
  };
  return [issued];
}

/** The verdict on a presented code: good (with the code as issued), or a wrong attempt to record. */
export type CodeJudgement =
  | { readonly kind: 'valid'; readonly code: SigningCode }
  | { readonly kind: 'wrong'; readonly rejection: SigningCodeRejected };

/**
 * Judges a presented code against the codes issued to the application, at the command's instant.
 * In this order: a request never issued here, a locked one (its attempts used up) and an expired one
 * are refused and nothing is recorded; a wrong code is a fact to record (the attempt counts on every
 * instance); only a matching code signs. A code already used is refused before (see `refuseUsedCode`).
 */
export function judgeCode(submitted: StateOf<'submitted'>, presented: PresentedCode, at: Instant): CodeJudgement {
  const otpRequestId = requireText(presented?.otpRequestId, 'otpRequestId');
  const code = submitted.signingCodes?.get(otpRequestId);
  if (!code)
    throw otpError(ApplicationErrorCode.OtpUnknown, 'No code was issued under this request', 0, 'otpRequestId');
  const left = code.maxAttempts - code.failedAttempts;
  if (left <= 0) throw otpError(ApplicationErrorCode.OtpLocked, 'Too many wrong codes: ask for a new code', 0);
  if (Date.parse(at) >= Date.parse(code.expiresAt))
    throw otpError(ApplicationErrorCode.OtpExpired, `The code expired at ${code.expiresAt}: ask for a new code`, 0);
  if (typeof presented.codeMac === 'string' && sameMac(code.codeMac, presented.codeMac)) return { kind: 'valid', code };
  return {
    kind: 'wrong',
    rejection: {
      type: 'SigningCodeRejected',
      data: {
        applicationId: submitted.applicationId,
        otpRequestId,
        attempt: code.failedAttempts + 1,
        attemptsLeft: left - 1,
        rejectedAt: at,
      },
    },
  };
}

/** Signing again with the code that signed: that code is used (a retry with the same key never gets here). */
export function refuseUsedCode(state: { readonly status: string }, otpRequestId: unknown): void {
  const signature = 'signature' in state ? (state.signature as { evidence?: Record<string, string> }) : undefined;
  if (signature?.evidence?.otpRequestId !== undefined && signature.evidence.otpRequestId === otpRequestId)
    throw otpError(ApplicationErrorCode.OtpUsed, 'This code signed the application already', 0);
}

/**
 * The refusal a command recorded instead of throwing: a wrong code is appended (so the limit holds
 * everywhere) and answered as `APPLICATION.OTP_WRONG`. The command handler throws what this returns,
 * on the first run and on a retry alike (the retry finds the recorded event).
 */
export function refusalRecordedIn(events: readonly ApplicationEvent[]): ApplicationError | null {
  const rejected = events.find((e): e is SigningCodeRejected => e.type === 'SigningCodeRejected');
  if (!rejected) return null;
  const { attemptsLeft } = rejected.data;
  const advice = attemptsLeft > 0 ? `${attemptsLeft} attempt(s) left` : 'no attempt left: ask for a new code';
  return otpError(ApplicationErrorCode.OtpWrong, `The code is wrong; ${advice}`, attemptsLeft);
}

export const signingCodeFolds: Folds<'SigningCodeIssued' | 'SigningCodeRejected'> = {
  SigningCodeIssued: (state, event) => {
    const submitted = expectStatus(state, 'submitted', event.type);
    const { otpRequestId, applicationId: _id, ...issued } = event.data;
    const codes = new Map(submitted.signingCodes);
    codes.set(otpRequestId, { ...issued, failedAttempts: 0 });
    return { ...submitted, signingCodes: codes };
  },
  SigningCodeRejected: (state, event) => {
    const submitted = expectStatus(state, 'submitted', event.type);
    const code = submitted.signingCodes?.get(event.data.otpRequestId);
    if (!code) throw new Error(`History is inconsistent: ${event.type} of a code never issued`);
    const codes = new Map(submitted.signingCodes);
    codes.set(event.data.otpRequestId, { ...code, failedAttempts: event.data.attempt });
    return { ...submitted, signingCodes: codes };
  },
};

function otpError(code: ApplicationErrorCode, message: string, attemptsLeft: number, field = 'code'): ApplicationError {
  return new ApplicationError(code, message, [{ field, reason: message }], { attemptsLeft });
}

function invalid(field: string, reason: string): ApplicationError {
  return new ApplicationError(ApplicationErrorCode.InvalidCommand, `${field} ${reason}`, [{ field, reason }]);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * Compares two MACs in time independent of where they differ. The attacker cannot steer the bytes
 * of a MAC (they are keyed), so this is prudence rather than the only defence.
 */
function sameMac(expected: string, presented: string): boolean {
  if (expected.length !== presented.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ presented.charCodeAt(i);
  return difference === 0;
}
