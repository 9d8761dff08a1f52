import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Clock } from '@libs/event-sourcing';
import { isValidIin } from '@domain/shared/iin';
import { SqliteOtpStore } from './sqlite-otp-store';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 3;
export const OTP_CODE_DIGITS = 6;
/** The shortest server secret accepted: 256 bits, the HMAC-SHA-256 block's worth of security. */
export const OTP_MIN_SECRET_BYTES = 32;

/** The reasons a verification fails, as they reach `SignatureVerification.reason`. */
export const OtpFailure = {
  UnknownRequest: 'unknown OTP request',
  Expired: 'OTP expired',
  TooManyAttempts: 'too many attempts',
  WrongCode: 'wrong code',
  AlreadyUsed: 'OTP already used',
  OtherApplication: 'OTP issued for another application',
  OtherSigner: 'OTP issued for another signer',
  OtherContent: 'OTP issued for another content',
} as const;
export type OtpFailureReason = (typeof OtpFailure)[keyof typeof OtpFailure];

/** What an OTP is issued for: one application, signed by one person, over one digest. */
export interface OtpBinding {
  readonly applicationId: string;
  readonly iin: string;
  readonly digest: string;
}

export interface IssuedOtp {
  readonly otpRequestId: string;
  /** For the delivery adapter (SMS through the eGov gateway) only: it is never stored. */
  readonly code: string;
  readonly expiresAt: string;
}

export interface OtpAttempt extends OtpBinding {
  readonly otpRequestId: string;
  readonly code: string;
}

export type OtpVerificationResult =
  | { readonly valid: true; readonly otpRequestId: string; readonly issuedAt: string; readonly verifiedAt: string }
  | { readonly valid: false; readonly reason: OtpFailureReason };

export interface OtpServiceOptions {
  /** The server secret keying the code MACs (≥ 32 bytes); a string is taken as UTF-8. */
  readonly secret: string | Buffer;
  readonly ttlMs?: number;
  readonly maxAttempts?: number;
}

/**
 * One-time passwords for signing an application.
 *
 * The code is kept as HMAC-SHA-256(server secret, [request id, application id, IIN, digest, code]),
 * not as a plain or a slow (scrypt) hash: a 6-digit code has only 10^6 values, so without a key any
 * hash of it — scrypt included — is reversed by trying them all; the secret, which never lives in
 * the database, is what makes a leaked table useless, and HMAC is cheap enough that verification is
 * no denial-of-service lever. Binding the MAC to the request id, application, IIN and digest means a
 * row cannot be replayed for another request even by someone who can write to the table.
 */
export class OtpService {
  private readonly secret: Buffer;
  private readonly ttlMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: SqliteOtpStore,
    private readonly clock: Clock,
    options: OtpServiceOptions,
  ) {
    this.secret =
      typeof options.secret === 'string' ? Buffer.from(options.secret, 'utf8') : Buffer.from(options.secret);
    if (this.secret.length < OTP_MIN_SECRET_BYTES)
      throw new Error(`OTP secret must be at least ${OTP_MIN_SECRET_BYTES} bytes`);
    this.ttlMs = options.ttlMs ?? OTP_TTL_MS;
    this.maxAttempts = options.maxAttempts ?? OTP_MAX_ATTEMPTS;
    if (!(Number.isInteger(this.ttlMs) && this.ttlMs > 0)) throw new Error('OTP ttlMs must be a positive integer');
    if (!(Number.isInteger(this.maxAttempts) && this.maxAttempts > 0))
      throw new Error('OTP maxAttempts must be a positive integer');
  }

  issue(binding: OtpBinding): IssuedOtp {
    if (typeof binding.applicationId !== 'string' || binding.applicationId === '')
      throw new Error('OTP: applicationId is required');
    if (!isValidIin(binding.iin)) throw new Error('OTP: iin is not a valid IIN');
    if (typeof binding.digest !== 'string' || binding.digest === '') throw new Error('OTP: digest is required');
    const now = this.clock.now();
    const otpRequestId = randomUUID();
    const code = String(randomInt(0, 10 ** OTP_CODE_DIGITS)).padStart(OTP_CODE_DIGITS, '0');
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    this.store.insert({
      otpRequestId,
      applicationId: binding.applicationId,
      iin: binding.iin,
      digest: binding.digest,
      codeMac: this.mac(otpRequestId, binding, code).toString('hex'),
      issuedAt: now.toISOString(),
      expiresAt,
      maxAttempts: this.maxAttempts,
    });
    return { otpRequestId, code, expiresAt };
  }

  /**
   * Checks, in this order: the request exists, is not used, is not locked, has not expired, was
   * issued for this application, signer and digest, and the code matches (constant-time). Every
   * failure after the request is found to be open counts as an attempt; the last allowed one locks
   * it. A success uses the code up. All of it is one IMMEDIATE transaction.
   */
  verify(attempt: OtpAttempt): OtpVerificationResult {
    return this.store.transaction(() => {
      const record = typeof attempt.otpRequestId === 'string' ? this.store.find(attempt.otpRequestId) : undefined;
      if (!record) return fail(OtpFailure.UnknownRequest);
      if (record.usedAt !== null) return fail(OtpFailure.AlreadyUsed);
      if (record.lockedAt !== null || record.attempts >= record.maxAttempts) return fail(OtpFailure.TooManyAttempts);
      const now = this.clock.now();
      if (now.getTime() >= Date.parse(record.expiresAt)) return fail(OtpFailure.Expired);

      const failed = (reason: OtpFailureReason): OtpVerificationResult => {
        this.store.recordFailedAttempt(record.otpRequestId, now.toISOString());
        return fail(reason);
      };
      if (attempt.applicationId !== record.applicationId) return failed(OtpFailure.OtherApplication);
      if (attempt.iin !== record.iin) return failed(OtpFailure.OtherSigner);
      if (attempt.digest !== record.digest) return failed(OtpFailure.OtherContent);

      const presented = this.mac(record.otpRequestId, record, typeof attempt.code === 'string' ? attempt.code : '');
      const expected = Buffer.from(record.codeMac, 'hex');
      if (expected.length !== presented.length || !timingSafeEqual(expected, presented))
        return failed(OtpFailure.WrongCode);

      if (!this.store.markUsed(record.otpRequestId, now.toISOString())) return fail(OtpFailure.AlreadyUsed);
      return {
        valid: true,
        otpRequestId: record.otpRequestId,
        issuedAt: record.issuedAt,
        verifiedAt: now.toISOString(),
      };
    });
  }

  private mac(otpRequestId: string, binding: OtpBinding, code: string): Buffer {
    // A JSON array is an unambiguous encoding of the fields (no separator can be smuggled in).
    const message = JSON.stringify([
      'kandas-otp/v1',
      otpRequestId,
      binding.applicationId,
      binding.iin,
      binding.digest,
      code,
    ]);
    return createHmac('sha256', this.secret).update(message, 'utf8').digest();
  }
}

function fail(reason: OtpFailureReason): OtpVerificationResult {
  return { valid: false, reason };
}
