export { OtpService, OTP_CODE_DIGITS, OTP_MIN_SECRET_BYTES } from './otp-service';
export type { OtpBinding, OtpAttempt, IssuedOtp, OtpServiceOptions } from './otp-service';
export { EdsVerifier, EdsFailure } from './eds-verifier';
export type { EdsCheck, EdsAlgorithm, EdsFailureReason } from './eds-verifier';
export { SignatureVerifierAdapter } from './signature-verifier';
export { loadTrustedCas, parseTrustedCas, TrustedCaError } from './trusted-cas';
export { parsePemCertificates, PemError } from './pem';
