import Database from 'better-sqlite3';
import { TestClock } from '@libs/testing';
import { SignatureCheck } from '@domain/application';
import {
  EdsFailure,
  EdsVerifier,
  OtpFailure,
  OtpService,
  SignatureRoutingFailure,
  SignatureVerifierAdapter,
  SqliteOtpStore,
} from '@infra/signatures';
import { APPLICANT_IIN, APPLICATION_ID, SUBMISSION_DIGEST } from '../domain/application/fixtures';
import { Issued, issue, signDigest, subjectWith } from './pki';

const DIGEST = SUBMISSION_DIGEST;

describe('SignatureVerifierAdapter: the SignatureVerifier port', () => {
  let ca: Issued;
  let leaf: Issued;
  let db: Database.Database;
  let clock: TestClock;
  let otp: OtpService;
  let adapter: SignatureVerifierAdapter;

  beforeAll(async () => {
    ca = await issue({
      subject: [{ C: ['KZ'] }, { CN: ['Test CA'] }],
      kind: 'ec',
      ca: true,
      notBefore: '2020-01-01T00:00:00Z',
      notAfter: '2040-01-01T00:00:00Z',
    });
    leaf = await issue({
      subject: subjectWith('НҰРЛАНҰЛЫ ЕРЖАН', APPLICANT_IIN),
      kind: 'ec',
      issuer: ca,
      notBefore: '2025-01-01T00:00:00Z',
      notAfter: '2027-01-01T00:00:00Z',
    });
  });

  beforeEach(() => {
    db = new Database(':memory:');
    clock = new TestClock('2026-03-02T05:00:00.000Z');
    otp = new OtpService(new SqliteOtpStore(db), clock, { secret: 'test-only OTP secret, 32 bytes or more long' });
    adapter = new SignatureVerifierAdapter(otp, EdsVerifier.fromPem(ca.pem));
  });
  afterEach(() => db.close());

  const base = {
    applicationId: APPLICATION_ID,
    signerIin: APPLICANT_IIN,
    digest: DIGEST,
    signedAt: '2026-03-02T05:01:00.000Z',
  };

  it('verifies an OTP proof with the OTP service, once, with the request as evidence', async () => {
    const issued = otp.issue({ applicationId: APPLICATION_ID, iin: APPLICANT_IIN, digest: DIGEST });
    clock.advance({ minutes: 1 });
    const check: SignatureCheck = {
      ...base,
      method: 'otp',
      proof: { method: 'otp', otpRequestId: issued.otpRequestId, code: issued.code },
    };
    await expect(adapter.verify(check)).resolves.toEqual({
      valid: true,
      evidence: {
        otpRequestId: issued.otpRequestId,
        issuedAt: '2026-03-02T05:00:00.000Z',
        verifiedAt: '2026-03-02T05:01:00.000Z',
      },
    });
    await expect(adapter.verify(check)).resolves.toEqual({
      valid: false,
      reason: OtpFailure.AlreadyUsed,
      evidence: {},
    });
  });

  it('passes the application, signer and digest of the check to the OTP binding', async () => {
    const issued = otp.issue({ applicationId: APPLICATION_ID, iin: APPLICANT_IIN, digest: DIGEST });
    const check: SignatureCheck = {
      ...base,
      digest: 'f'.repeat(64),
      method: 'otp',
      proof: { method: 'otp', otpRequestId: issued.otpRequestId, code: issued.code },
    };
    await expect(adapter.verify(check)).resolves.toMatchObject({ valid: false, reason: OtpFailure.OtherContent });
  });

  it('verifies an EDS proof with the certificate verifier', async () => {
    const check: SignatureCheck = {
      ...base,
      method: 'eds',
      proof: { method: 'eds', signatureBase64: signDigest(leaf, DIGEST), certificatePem: leaf.pem },
    };
    await expect(adapter.verify(check)).resolves.toMatchObject({
      valid: true,
      evidence: { subjectIin: APPLICANT_IIN, algorithm: 'ECDSA-P256-SHA256' },
    });
    const tampered: SignatureCheck = { ...check, digest: 'f'.repeat(64) };
    await expect(adapter.verify(tampered)).resolves.toEqual({
      valid: false,
      reason: EdsFailure.SignatureMismatch,
      evidence: {},
    });
  });

  it('rejects a proof of another method than the one claimed, without touching the OTP', async () => {
    const issued = otp.issue({ applicationId: APPLICATION_ID, iin: APPLICANT_IIN, digest: DIGEST });
    const mismatched: SignatureCheck = {
      ...base,
      method: 'eds',
      proof: { method: 'otp', otpRequestId: issued.otpRequestId, code: issued.code },
    };
    await expect(adapter.verify(mismatched)).resolves.toEqual({
      valid: false,
      reason: SignatureRoutingFailure.MethodMismatch,
      evidence: {},
    });
    const edsAsOtp: SignatureCheck = {
      ...base,
      method: 'otp',
      proof: { method: 'eds', signatureBase64: signDigest(leaf, DIGEST), certificatePem: leaf.pem },
    };
    await expect(adapter.verify(edsAsOtp)).resolves.toMatchObject({
      valid: false,
      reason: SignatureRoutingFailure.MethodMismatch,
    });
    expect(db.prepare('SELECT attempts, used_at FROM otp_requests').get()).toEqual({ attempts: 0, used_at: null });
  });

  it('rejects an unknown proof method (input from outside the type system)', async () => {
    // Through unknown: a proof method the type does not allow, as it could arrive from outside.
    const check = { ...base, method: 'sms', proof: { method: 'sms' } } as unknown as SignatureCheck;
    await expect(adapter.verify(check)).resolves.toEqual({
      valid: false,
      reason: SignatureRoutingFailure.UnknownMethod,
      evidence: {},
    });
  });
});
