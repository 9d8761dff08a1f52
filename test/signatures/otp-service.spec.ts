import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { TestClock } from '@libs/testing';
import { OtpFailure, OtpService, SqliteOtpStore } from '@infra/signatures';
import { APPLICANT_IIN, APPLICATION_ID, SPOUSE_IIN, SUBMISSION_DIGEST } from '../domain/application/fixtures';

const SECRET = 'test-only OTP secret, 32 bytes or more long';
const DIGEST = SUBMISSION_DIGEST;
const BINDING = { applicationId: APPLICATION_ID, iin: APPLICANT_IIN, digest: DIGEST };

describe('OtpService (SQLite)', () => {
  let db: Database.Database;
  let clock: TestClock;
  let otp: OtpService;

  beforeEach(() => {
    db = new Database(':memory:');
    clock = new TestClock('2026-03-02T05:00:00.000Z');
    otp = new OtpService(new SqliteOtpStore(db), clock, { secret: SECRET });
  });
  afterEach(() => db.close());

  const attempt = (otpRequestId: string, code: string, binding: Partial<typeof BINDING> = {}) =>
    otp.verify({ otpRequestId, code, ...BINDING, ...binding });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('issues a 6-digit code that expires in 5 minutes, and accepts it once', () => {
    const issued = otp.issue(BINDING);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.expiresAt).toBe('2026-03-02T05:05:00.000Z');

    clock.advance({ minutes: 2 });
    expect(attempt(issued.otpRequestId, issued.code)).toEqual({
      valid: true,
      otpRequestId: issued.otpRequestId,
      issuedAt: '2026-03-02T05:00:00.000Z',
      verifiedAt: '2026-03-02T05:02:00.000Z',
    });
  });

  it('rejects a code that is used again', () => {
    const issued = otp.issue(BINDING);
    expect(attempt(issued.otpRequestId, issued.code).valid).toBe(true);
    expect(attempt(issued.otpRequestId, issued.code)).toEqual({ valid: false, reason: OtpFailure.AlreadyUsed });
  });

  it('still accepts the code at 4 min 59 s, and rejects it at 5 min 1 s', () => {
    const early = otp.issue(BINDING);
    const late = otp.issue(BINDING);
    clock.advance({ minutes: 4, seconds: 59 });
    expect(attempt(early.otpRequestId, early.code).valid).toBe(true);
    clock.advance({ seconds: 2 });
    expect(attempt(late.otpRequestId, late.code)).toEqual({ valid: false, reason: OtpFailure.Expired });
  });

  it('expires after 5 minutes', () => {
    const issued = otp.issue(BINDING);
    clock.advance({ minutes: 5, seconds: 1 });
    expect(attempt(issued.otpRequestId, issued.code)).toEqual({ valid: false, reason: OtpFailure.Expired });
  });

  it('locks the request after 3 wrong codes: the right code then fails too', () => {
    const issued = otp.issue(BINDING);
    for (let i = 0; i < 3; i++)
      expect(attempt(issued.otpRequestId, wrong(issued.code))).toEqual({ valid: false, reason: OtpFailure.WrongCode });
    expect(attempt(issued.otpRequestId, issued.code)).toEqual({ valid: false, reason: OtpFailure.TooManyAttempts });
    expect(db.prepare('SELECT attempts, locked_at FROM otp_requests').get()).toEqual({
      attempts: 3,
      locked_at: '2026-03-02T05:00:00.000Z',
    });
  });

  it('accepts the right code after 2 wrong ones', () => {
    const issued = otp.issue(BINDING);
    attempt(issued.otpRequestId, wrong(issued.code));
    attempt(issued.otpRequestId, 'not a code');
    expect(attempt(issued.otpRequestId, issued.code).valid).toBe(true);
  });

  it('rejects a code issued for other content, another signer or another application, counting each as an attempt', () => {
    const issued = otp.issue(BINDING);
    expect(attempt(issued.otpRequestId, issued.code, { digest: 'b'.repeat(64) })).toEqual({
      valid: false,
      reason: OtpFailure.OtherContent,
    });
    expect(attempt(issued.otpRequestId, issued.code, { iin: SPOUSE_IIN })).toEqual({
      valid: false,
      reason: OtpFailure.OtherSigner,
    });
    expect(attempt(issued.otpRequestId, issued.code, { applicationId: 'another-application' })).toEqual({
      valid: false,
      reason: OtpFailure.OtherApplication,
    });
    expect(attempt(issued.otpRequestId, issued.code)).toEqual({ valid: false, reason: OtpFailure.TooManyAttempts });
  });

  it('rejects an unknown request', () => {
    expect(attempt('00000000-0000-4000-8000-000000000000', '123456')).toEqual({
      valid: false,
      reason: OtpFailure.UnknownRequest,
    });
  });

  it('never stores the code in clear: only a keyed MAC bound to the request', () => {
    const issued = otp.issue(BINDING);
    const rows = db.prepare('SELECT * FROM otp_requests').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Object.keys(row).sort()).toEqual([
      'application_id',
      'attempts',
      'code_mac',
      'digest',
      'expires_at',
      'iin',
      'issued_at',
      'locked_at',
      'max_attempts',
      'otp_request_id',
      'used_at',
    ]);
    for (const value of Object.values(row)) expect(String(value)).not.toBe(issued.code);
    expect(row.code_mac).toMatch(/^[0-9a-f]{64}$/);
    // Not an unkeyed hash that 10^6 guesses would reverse.
    expect(row.code_mac).not.toBe(createHash('sha256').update(issued.code).digest('hex'));
    expect(row).toMatchObject({
      otp_request_id: issued.otpRequestId,
      application_id: APPLICATION_ID,
      iin: APPLICANT_IIN,
      digest: DIGEST,
      attempts: 0,
      used_at: null,
    });
  });

  it('does not accept a code under another server secret (the MAC is keyed)', () => {
    const issued = otp.issue(BINDING);
    const other = new OtpService(new SqliteOtpStore(db), clock, { secret: 'another secret, also 32 bytes or longer' });
    expect(other.verify({ otpRequestId: issued.otpRequestId, code: issued.code, ...BINDING })).toEqual({
      valid: false,
      reason: OtpFailure.WrongCode,
    });
  });

  it('keeps its state in the table: a new service on the same database sees used and locked requests', () => {
    const used = otp.issue(BINDING);
    expect(attempt(used.otpRequestId, used.code).valid).toBe(true);
    const reopened = new OtpService(new SqliteOtpStore(db), clock, { secret: SECRET });
    expect(reopened.verify({ otpRequestId: used.otpRequestId, code: used.code, ...BINDING })).toEqual({
      valid: false,
      reason: OtpFailure.AlreadyUsed,
    });
  });

  it('refuses a short secret and an invalid IIN', () => {
    expect(() => new OtpService(new SqliteOtpStore(db), clock, { secret: 'short' })).toThrow(/at least 32 bytes/);
    expect(() => otp.issue({ ...BINDING, iin: '123456789012' })).toThrow(/IIN/);
  });

  it('purges expired requests', () => {
    const store = new SqliteOtpStore(db);
    otp.issue(BINDING);
    clock.advance({ minutes: 10 });
    otp.issue(BINDING);
    expect(store.purgeExpiredBefore(clock.now().toISOString())).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM otp_requests').get()).toEqual({ n: 1 });
  });
});
