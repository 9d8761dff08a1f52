import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { DEFAULT_SIGNING_CODE_POLICY, type SigningCodePolicy } from '@domain/application';
import { isValidIin } from '@domain/shared/iin';

export const OTP_CODE_DIGITS = 6;
/** The shortest server secret accepted: 256 bits, the HMAC-SHA-256 block's worth of security. */
export const OTP_MIN_SECRET_BYTES = 32;

/** What an OTP is issued for: one application, signed by one person, over one digest. */
export interface OtpBinding {
  readonly applicationId: string;
  readonly iin: string;
  readonly digest: string;
}

export interface IssuedOtp {
  readonly otpRequestId: string;
  /** For the delivery adapter (SMS through the eGov gateway) only: it is never stored nor logged. */
  readonly code: string;
  /** What the application's stream records (SigningCodeIssued) instead of the code. */
  readonly codeMac: string;
}

export interface OtpAttempt extends OtpBinding {
  readonly otpRequestId: string;
  readonly code: string;
}

export interface OtpServiceOptions {
  /** The server secret keying the code MACs (≥ 32 bytes); a string is taken as UTF-8. */
  readonly secret: string | Buffer;
  /** Validity and attempt limit of the codes issued; the domain's default unless set. */
  readonly policy?: SigningCodePolicy;
}

/**
 * One-time codes for signing an application: the edge's half of them (ADR 17). It makes a code and
 * the keyed MAC the application's stream records, and the MAC of a code an applicant types; the
 * Application decider compares the two and keeps expiry, attempts and use as events, so every
 * instance on the store sees them. This class stores nothing.
 *
 * The MAC is HMAC-SHA-256(server secret, [version, request id, application id, IIN, digest, code]),
 * not a plain or a slow (scrypt) hash: a 6-digit code has only 10^6 values, so without a key any
 * hash of it — scrypt included — is reversed by trying them all; the secret, which never lives in
 * the store, is what makes the recorded MAC useless to a reader of the events, and HMAC is cheap
 * enough that verification is no denial-of-service lever. Binding the MAC to the request id,
 * application, IIN and digest means a recorded MAC cannot be replayed for another request. Every
 * instance behind one store must share the secret (KANDAS_OTP_SECRET).
 */
export class OtpService {
  private readonly secret: Buffer;
  readonly policy: SigningCodePolicy;

  constructor(options: OtpServiceOptions) {
    this.secret =
      typeof options.secret === 'string' ? Buffer.from(options.secret, 'utf8') : Buffer.from(options.secret);
    if (this.secret.length < OTP_MIN_SECRET_BYTES)
      throw new Error(`OTP secret must be at least ${OTP_MIN_SECRET_BYTES} bytes`);
    this.policy = options.policy ?? DEFAULT_SIGNING_CODE_POLICY;
  }

  issue(binding: OtpBinding): IssuedOtp {
    if (typeof binding.applicationId !== 'string' || binding.applicationId === '')
      throw new Error('OTP: applicationId is required');
    if (!isValidIin(binding.iin)) throw new Error('OTP: iin is not a valid IIN');
    if (typeof binding.digest !== 'string' || binding.digest === '') throw new Error('OTP: digest is required');
    const otpRequestId = randomUUID();
    const code = String(randomInt(0, 10 ** OTP_CODE_DIGITS)).padStart(OTP_CODE_DIGITS, '0');
    return { otpRequestId, code, codeMac: this.mac(otpRequestId, binding, code) };
  }

  /** The MAC of a typed code, to compare with the one recorded at issue (a non-string code gets a MAC that matches nothing). */
  macOf(attempt: OtpAttempt): string {
    return this.mac(attempt.otpRequestId, attempt, typeof attempt.code === 'string' ? attempt.code : '');
  }

  private mac(otpRequestId: string, binding: OtpBinding, code: string): string {
    // A JSON array is an unambiguous encoding of the fields (no separator can be smuggled in).
    const message = JSON.stringify([
      'kandas-otp/v1',
      otpRequestId,
      binding.applicationId,
      binding.iin,
      binding.digest,
      code,
    ]);
    // base64url: shorter than hex, and no long run of decimal digits for a personal-data scan to mistake for an IIN.
    return createHmac('sha256', this.secret).update(message, 'utf8').digest('base64url');
  }
}
