import { SignatureCheck, SignatureVerification, SignatureVerifier } from '@domain/application';
import { EdsVerifier } from './eds-verifier';
import { OtpService } from './otp-service';

export const SignatureRoutingFailure = {
  MethodMismatch: 'signature method does not match the proof',
  UnknownMethod: 'unknown signature method',
} as const;

/**
 * The SignatureVerifier port: an OTP proof goes to the OTP service (which uses the code up), an EDS
 * proof to the certificate verifier. A verification failure is an answer ({ valid: false, reason });
 * only an infrastructure fault (the database) rejects the promise.
 */
export class SignatureVerifierAdapter implements SignatureVerifier {
  constructor(
    private readonly otp: OtpService,
    private readonly eds: Pick<EdsVerifier, 'verify'>,
  ) {}

  async verify(check: SignatureCheck): Promise<SignatureVerification> {
    const proof = check.proof;
    if (!proof || (proof.method !== 'otp' && proof.method !== 'eds'))
      return fail(SignatureRoutingFailure.UnknownMethod);
    if (check.method !== proof.method) return fail(SignatureRoutingFailure.MethodMismatch);

    if (proof.method === 'otp') {
      const result = this.otp.verify({
        otpRequestId: proof.otpRequestId,
        code: proof.code,
        applicationId: check.applicationId,
        iin: check.signerIin,
        digest: check.digest,
      });
      if (!result.valid) return fail(result.reason);
      return {
        valid: true,
        evidence: { otpRequestId: result.otpRequestId, issuedAt: result.issuedAt, verifiedAt: result.verifiedAt },
      };
    }

    return this.eds.verify({
      digest: check.digest,
      signerIin: check.signerIin,
      signedAt: check.signedAt,
      signatureBase64: proof.signatureBase64,
      certificatePem: proof.certificatePem,
    });
  }
}

function fail(reason: string): SignatureVerification {
  return { valid: false, reason, evidence: {} };
}
