import { expectStatus, Folds } from '../fold';
import { NO_SLA } from '../state';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import type { ApplicationSigned, SigningCodeRejected } from '../events';
import { ApplicationState } from '../state';
import { judgeCode, PresentedCode, refuseUsedCode } from './signing-code';
import { signableBy } from './signable';
import type { TimedCommand } from './timed-command';

export { signableBy } from './signable';

/** The outcome of the EDS check done behind the SignatureVerifier port, before deciding. */
export interface SignatureVerification {
  readonly valid: boolean;
  readonly reason?: string;
  readonly evidence: Readonly<Record<string, string>>;
}

interface SigningBy extends TimedCommand {
  readonly type: 'SignApplication';
  readonly signerIin: string;
  readonly signedDigest: string;
}

/**
 * With a one-time code the domain judges the code itself, from the codes issued to the application
 * (ADR 17): the edge only computes the MAC of the typed code. With an EDS the certificate chain and
 * the signature are checked at the edge, behind the SignatureVerifier port, and the verdict comes in.
 */
export type SignApplication =
  | (SigningBy & { readonly method: 'otp'; readonly code: PresentedCode })
  | (SigningBy & { readonly method: 'eds'; readonly verification: SignatureVerification });

/**
 * Signing with an OTP or an EDS accepts the application and starts the review clock; the applicant
 * must sign exactly what was submitted. A wrong one-time code decides a `SigningCodeRejected`: the
 * attempt is recorded, and the command is answered as refused (`refusalRecordedIn`).
 */
export function sign(
  command: SignApplication,
  state: ApplicationState,
): Array<ApplicationSigned | SigningCodeRejected> {
  if (command.method !== 'otp' && command.method !== 'eds' && state.status === 'submitted') {
    throw new ApplicationError(ApplicationErrorCode.InvalidCommand, 'Unknown signature method', [
      { field: 'method', reason: 'must be otp or eds' },
    ]);
  }
  if (command.method === 'otp') refuseUsedCode(state, command.code?.otpRequestId);
  const submitted = signableBy(state, command.signerIin);
  if (command.signedDigest !== submitted.digest) {
    throw new ApplicationError(
      ApplicationErrorCode.DigestMismatch,
      'The signed digest is not the digest of the submitted content',
      [{ field: 'signedDigest', reason: 'does not match the submitted content' }],
    );
  }
  if (command.method === 'otp') {
    const judged = judgeCode(submitted, command.code, command.at);
    if (judged.kind === 'wrong') return [judged.rejection];
    const { otpRequestId } = command.code;
    return [signed(command, { otpRequestId, issuedAt: judged.code.issuedAt, verifiedAt: command.at })];
  }
  if (!command.verification.valid) {
    throw new ApplicationError(
      ApplicationErrorCode.SignatureInvalid,
      `The signature was not verified: ${command.verification.reason ?? 'invalid'}`,
      [{ field: 'signature', reason: command.verification.reason ?? 'is invalid' }],
    );
  }
  return [signed(command, command.verification.evidence)];
}

function signed(command: SignApplication, evidence: Readonly<Record<string, string>>): ApplicationSigned {
  return {
    type: 'ApplicationSigned',
    data: {
      applicationId: command.applicationId,
      method: command.method,
      signerIin: command.signerIin,
      digest: command.signedDigest,
      evidence,
      signedAt: command.at,
    },
  };
}

export const signFolds: Folds<'ApplicationSigned'> = {
  ApplicationSigned: (state, event) => {
    // The codes are done with: a signed application is signed once, and a used code is known by its evidence.
    const { signingCodes: _codes, ...submitted } = expectStatus(state, 'submitted', event.type);
    return { ...submitted, status: 'signed', signature: event.data, sla: NO_SLA, reviewerId: null };
  },
};
