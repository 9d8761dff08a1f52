export { SqliteOtpStore } from './sqlite-otp-store';
export type { OtpRecord } from './sqlite-otp-store';
export {
  OtpService,
  OtpFailure,
  OTP_TTL_MS,
  OTP_MAX_ATTEMPTS,
  OTP_CODE_DIGITS,
  OTP_MIN_SECRET_BYTES,
} from './otp-service';
export type {
  OtpBinding,
  OtpAttempt,
  IssuedOtp,
  OtpVerificationResult,
  OtpServiceOptions,
  OtpFailureReason,
} from './otp-service';
export { EdsVerifier, EdsFailure } from './eds-verifier';
export type { EdsCheck, EdsAlgorithm, EdsFailureReason } from './eds-verifier';
export { SignatureVerifierAdapter, SignatureRoutingFailure } from './signature-verifier';
export { loadTrustedCas, parseTrustedCas, TrustedCaError } from './trusted-cas';
export { parsePemCertificates, PemError } from './pem';
