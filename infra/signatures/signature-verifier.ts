import { SignatureCheck, SignatureVerification, SignatureVerifier } from '@domain/application';
import { EdsVerifier } from './eds-verifier';

/**
 * The SignatureVerifier port on the EDS verifier. A verification failure is an answer
 * ({ valid: false, reason }); only an infrastructure fault rejects the promise.
 */
export class SignatureVerifierAdapter implements SignatureVerifier {
  constructor(private readonly eds: Pick<EdsVerifier, 'verify'>) {}

  verify(check: SignatureCheck): Promise<SignatureVerification> {
    return Promise.resolve(
      this.eds.verify({
        digest: check.digest,
        signerIin: check.signerIin,
        signedAt: check.signedAt,
        signatureBase64: check.proof.signatureBase64,
        certificatePem: check.proof.certificatePem,
      }),
    );
  }
}
