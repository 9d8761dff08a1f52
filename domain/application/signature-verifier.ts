import { SignatureVerification } from './decisions/sign';
import { SignatureMethod } from './events';

/** What the portal sends as proof: the OTP the applicant typed, or a detached EDS signature. */
export type SignatureProof =
  | { readonly method: 'otp'; readonly otpRequestId: string; readonly code: string }
  | { readonly method: 'eds'; readonly signatureBase64: string; readonly certificatePem: string };

export interface SignatureCheck {
  readonly applicationId: string;
  readonly method: SignatureMethod;
  readonly signerIin: string;
  readonly digest: string;
  readonly signedAt: string;
  readonly proof: SignatureProof;
}

/**
 * The port behind which OTP and EDS verification live (infra/signatures). The command handler asks
 * it before deciding, and passes its answer in `SignApplication.verification`: the decider stays pure.
 */
export interface SignatureVerifier {
  verify(check: SignatureCheck): Promise<SignatureVerification>;
}
