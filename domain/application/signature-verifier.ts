import { SignatureVerification } from './decisions/sign';

/** What the portal sends to sign with an EDS: a detached signature over the digest, and the signer's certificate. */
export interface EdsProof {
  readonly signatureBase64: string;
  readonly certificatePem: string;
}

export interface SignatureCheck {
  readonly applicationId: string;
  readonly signerIin: string;
  readonly digest: string;
  readonly signedAt: string;
  readonly proof: EdsProof;
}

/**
 * The port behind which EDS verification lives (infra/signatures). The controller asks it before
 * deciding and passes its answer in `SignApplication.verification`: the decider stays pure. A
 * one-time code needs no port: the decider judges it from the codes recorded in the stream (ADR 17).
 */
export interface SignatureVerifier {
  verify(check: SignatureCheck): Promise<SignatureVerification>;
}
