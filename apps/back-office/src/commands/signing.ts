import type { EdsProof, SigningCodePolicy, SignatureVerifier } from '@domain/application';
import type { IssuedOtp, OtpAttempt, OtpBinding } from '@infra/signatures';

export const SIGNATURE_VERIFIER = Symbol('SignatureVerifier');
export const OTP_ISSUER = Symbol('OtpIssuer');
export const OTP_DELIVERY = Symbol('OtpDelivery');

/**
 * The edge's half of one-time codes (ADR 17): makes a code and its keyed MAC, and the MAC of a typed
 * code. What the codes allow (expiry, attempts, use) the Application decider decides from its stream.
 */
export interface OtpIssuer {
  readonly policy: SigningCodePolicy;
  issue(binding: OtpBinding): IssuedOtp;
  macOf(attempt: OtpAttempt): string;
}

/**
 * Gets the code to the applicant. In production an SMS gateway adapter; for a local run and the
 * tests, `echo` hands it back in the response (never in production: start-up refuses it).
 */
export type OtpDelivery = 'echo' | 'sms';

export type { EdsProof, SignatureVerifier };
