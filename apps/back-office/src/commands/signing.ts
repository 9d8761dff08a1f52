import type { SignatureProof, SignatureVerifier } from '@domain/application';

export const SIGNATURE_VERIFIER = Symbol('SignatureVerifier');
export const OTP_ISSUER = Symbol('OtpIssuer');
export const OTP_DELIVERY = Symbol('OtpDelivery');

export interface IssuedOtp {
  readonly otpRequestId: string;
  readonly code: string;
  readonly expiresAt: string;
}

/** Issues a one-time password bound to the application, the signer and the content digest. */
export interface OtpIssuer {
  issue(request: { applicationId: string; iin: string; digest: string }): IssuedOtp;
}

/**
 * Gets the code to the applicant. In production an SMS gateway adapter; for a local run and the
 * tests, `echo` hands it back in the response (never in production: start-up refuses it).
 */
export type OtpDelivery = 'echo' | 'sms';

export type { SignatureProof, SignatureVerifier };
