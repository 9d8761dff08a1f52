import { createHash } from 'node:crypto';
import { DEFAULT_SIGNING_CODE_POLICY } from '@domain/application';
import { OtpService } from '@infra/signatures';
import { APPLICANT_IIN, APPLICATION_ID, SPOUSE_IIN, SUBMISSION_DIGEST } from '../domain/application/fixtures';

const SECRET = 'test-only OTP secret, 32 bytes or more long';
const BINDING = { applicationId: APPLICATION_ID, iin: APPLICANT_IIN, digest: SUBMISSION_DIGEST };

/** The edge's half of one-time codes: a code and its keyed MAC; what the codes allow is the decider's (ADR 17). */
describe('OtpService: codes and their keyed MACs', () => {
  const otp = new OtpService({ secret: SECRET });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('issues a 6-digit code under a fresh request id, and the MAC of that code typed back is the one issued', () => {
    const issued = otp.issue(BINDING);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.otpRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(otp.macOf({ ...BINDING, otpRequestId: issued.otpRequestId, code: issued.code })).toBe(issued.codeMac);
    expect(otp.issue(BINDING).otpRequestId).not.toBe(issued.otpRequestId);
  });

  it('gives another MAC for a wrong code, another request, signer, application or content', () => {
    const issued = otp.issue(BINDING);
    const typed = { ...BINDING, otpRequestId: issued.otpRequestId, code: issued.code };
    for (const attempt of [
      { ...typed, code: wrong(issued.code) },
      { ...typed, otpRequestId: otp.issue(BINDING).otpRequestId },
      { ...typed, iin: SPOUSE_IIN },
      { ...typed, applicationId: '00000000-0000-4000-8000-000000000000' },
      { ...typed, digest: 'f'.repeat(64) },
      { ...typed, code: 42 as unknown as string },
    ])
      expect(otp.macOf(attempt)).not.toBe(issued.codeMac);
  });

  it('records no code: the MAC is keyed (another secret gives another MAC) and no unkeyed hash of the code', () => {
    const issued = otp.issue(BINDING);
    const typed = { ...BINDING, otpRequestId: issued.otpRequestId, code: issued.code };
    expect(issued.codeMac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.codeMac).not.toContain(issued.code);
    expect(issued.codeMac).not.toBe(createHash('sha256').update(issued.code).digest('base64url'));
    expect(new OtpService({ secret: 'another secret, also 32 bytes or longer' }).macOf(typed)).not.toBe(issued.codeMac);
    // Two instances sharing KANDAS_OTP_SECRET agree: a code issued by one is recognised by the other.
    expect(new OtpService({ secret: SECRET }).macOf(typed)).toBe(issued.codeMac);
  });

  it('carries the policy the codes are issued under: the domain default (5 minutes, 3 attempts) unless set', () => {
    expect(otp.policy).toEqual(DEFAULT_SIGNING_CODE_POLICY);
    expect(new OtpService({ secret: SECRET, policy: { validForSeconds: 60, maxAttempts: 5 } }).policy).toEqual({
      validForSeconds: 60,
      maxAttempts: 5,
    });
  });

  it('refuses a short secret, an invalid IIN and a missing binding', () => {
    expect(() => new OtpService({ secret: 'short' })).toThrow(/at least 32 bytes/);
    expect(() => otp.issue({ ...BINDING, iin: '123456789012' })).toThrow(/IIN/);
    expect(() => otp.issue({ ...BINDING, digest: '' })).toThrow(/digest/);
    expect(() => otp.issue({ ...BINDING, applicationId: '' })).toThrow(/applicationId/);
  });
});
