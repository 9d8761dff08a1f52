import { expectStatus, Folds } from '../fold';
import { NO_SLA } from '../state';
import type { SignatureMethod } from '../events';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { ApplicationSigned } from '../events';
import { requireStatus } from '../guards';
import { ApplicationState, StateOf } from '../state';
import type { TimedCommand } from './timed-command';

/** The outcome of the signature check done behind the SignatureVerifier port, before deciding. */
export interface SignatureVerification {
  readonly valid: boolean;
  readonly reason?: string;
  readonly evidence: Readonly<Record<string, string>>;
}

export interface SignApplication extends TimedCommand {
  readonly type: 'SignApplication';
  readonly method: SignatureMethod;
  readonly signerIin: string;
  readonly signedDigest: string;
  readonly verification: SignatureVerification;
}

/**
 * Signing with an OTP or an EDS accepts the application and starts the review clock. The signature
 * itself is verified behind the SignatureVerifier port before deciding; here the domain checks that
 * the applicant signed exactly what was submitted.
 */
export function sign(command: SignApplication, state: ApplicationState): ApplicationSigned[] {
  if (command.method !== 'otp' && command.method !== 'eds' && state.status === 'submitted') {
    throw new ApplicationError(ApplicationErrorCode.InvalidCommand, 'Unknown signature method', [
      { field: 'method', reason: 'must be otp or eds' },
    ]);
  }
  const submitted = signableBy(state, command.signerIin);
  if (command.signedDigest !== submitted.digest) {
    throw new ApplicationError(
      ApplicationErrorCode.DigestMismatch,
      'The signed digest is not the digest of the submitted content',
      [{ field: 'signedDigest', reason: 'does not match the submitted content' }],
    );
  }
  if (!command.verification.valid) {
    throw new ApplicationError(
      ApplicationErrorCode.SignatureInvalid,
      `The signature was not verified: ${command.verification.reason ?? 'invalid'}`,
      [{ field: 'signature', reason: command.verification.reason ?? 'is invalid' }],
    );
  }
  return [
    {
      type: 'ApplicationSigned',
      data: {
        applicationId: command.applicationId,
        method: command.method,
        signerIin: command.signerIin,
        digest: command.signedDigest,
        evidence: command.verification.evidence,
        signedAt: command.at,
      },
    },
  ];
}

/**
 * The application as its applicant may sign it: only a submitted application, only by the applicant.
 * Asked before a one-time code is sent, too, so that no code is sent for what cannot be signed.
 */
export function signableBy(state: ApplicationState, signerIin: string): StateOf<'submitted'> {
  if (state.status === 'signed' || state.status === 'under-review' || state.status === 'reviewed') {
    throw new ApplicationError(ApplicationErrorCode.AlreadySigned, 'The application is already signed');
  }
  const submitted = requireStatus(state, ['submitted'], 'sign', ApplicationErrorCode.AlreadySigned);
  if (signerIin !== submitted.submission.applicant.iin) {
    throw new ApplicationError(ApplicationErrorCode.SignerNotApplicant, 'Only the applicant signs the application', [
      { field: 'signerIin', reason: "is not the applicant's IIN" },
    ]);
  }
  return submitted;
}

export const signFolds: Folds<'ApplicationSigned'> = {
  ApplicationSigned: (state, event) => ({
    ...expectStatus(state, 'submitted', event.type),
    status: 'signed',
    signature: event.data,
    sla: NO_SLA,
    reviewerId: null,
  }),
};
