import {
  applicationDecider,
  ApplicationError,
  ApplicationEvent,
  DEFAULT_SIGNING_CODE_POLICY,
  refusalRecordedIn,
} from '@domain/application';
import type { IssueSigningCode } from '@domain/application/decisions/signing-code';
import type { SignApplication } from '@domain/application/decisions/sign';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID, APPLICANT_IIN, history, SPOUSE_IIN, SUBMISSION_DIGEST } from './fixtures';

const spec = deciderSpecification(applicationDecider);
const ISSUED_AT = '2026-03-02T05:05:00.000Z';
const EXPIRES_AT = '2026-03-02T05:10:00.000Z';
const MAC = 'A'.repeat(43);
const WRONG_MAC = 'B'.repeat(43);

function issuing(overrides: Partial<IssueSigningCode> = {}): IssueSigningCode {
  return {
    type: 'IssueSigningCode',
    applicationId: APPLICATION_ID,
    at: ISSUED_AT,
    signerIin: APPLICANT_IIN,
    otpRequestId: 'otp-1',
    codeMac: MAC,
    policy: DEFAULT_SIGNING_CODE_POLICY,
    ...overrides,
  };
}

function signingWith(codeMac: string, at = '2026-03-02T05:06:00.000Z', otpRequestId = 'otp-1'): SignApplication {
  return {
    type: 'SignApplication',
    applicationId: APPLICATION_ID,
    at,
    method: 'otp',
    signerIin: APPLICANT_IIN,
    signedDigest: SUBMISSION_DIGEST,
    code: { otpRequestId, codeMac },
  };
}

const issued = (otpRequestId = 'otp-1'): ApplicationEvent => ({
  type: 'SigningCodeIssued',
  data: {
    applicationId: APPLICATION_ID,
    otpRequestId,
    codeMac: MAC,
    issuedAt: ISSUED_AT,
    expiresAt: EXPIRES_AT,
    maxAttempts: 3,
  },
});

const rejected = (attempt: number): ApplicationEvent => ({
  type: 'SigningCodeRejected',
  data: {
    applicationId: APPLICATION_ID,
    otpRequestId: 'otp-1',
    attempt,
    attemptsLeft: 3 - attempt,
    rejectedAt: '2026-03-02T05:06:00.000Z',
  },
});

/** The refusal a spec expects: its code and the attempts it says are left. */
const refusedWith =
  (code: string, attemptsLeft: number) =>
  (error: unknown): boolean =>
    error instanceof ApplicationError && error.code === code && error.details.attemptsLeft === attemptsLeft;

describe('IssueSigningCode', () => {
  it('records the code as its MAC, with its expiry (5 minutes) and attempt limit (3), never the code', () => {
    spec.given(history.submitted()).when(issuing()).then([issued()]);
  });

  it('issues no code for what its signer may not sign', () => {
    spec
      .given(history.submitted())
      .when(issuing({ signerIin: SPOUSE_IIN }))
      .thenThrows({
        code: 'APPLICATION.SIGNER_NOT_APPLICANT',
      });
    spec.given(history.signed()).when(issuing()).thenThrows({ code: 'APPLICATION.ALREADY_SIGNED' });
    spec.given(history.withdrawn()).when(issuing()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
  });

  it('refuses a malformed MAC or policy, and a request id issued already', () => {
    spec
      .given(history.submitted())
      .when(issuing({ codeMac: '123456' }))
      .thenThrows({
        code: 'APPLICATION.INVALID_COMMAND',
      });
    spec
      .given(history.submitted())
      .when(issuing({ policy: { validForSeconds: 0, maxAttempts: 3 } }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec
      .given([...history.submitted(), issued()])
      .when(issuing())
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });
});

describe('SignApplication with a one-time code: the decider judges the code from the stream', () => {
  it('signs with the right code before it expires; the evidence names the request and both instants', () => {
    spec
      .given([...history.submitted(), issued()])
      .when(signingWith(MAC))
      .then([
        {
          type: 'ApplicationSigned',
          data: {
            applicationId: APPLICATION_ID,
            method: 'otp',
            signerIin: APPLICANT_IIN,
            digest: SUBMISSION_DIGEST,
            evidence: { otpRequestId: 'otp-1', issuedAt: ISSUED_AT, verifiedAt: '2026-03-02T05:06:00.000Z' },
            signedAt: '2026-03-02T05:06:00.000Z',
          },
        },
      ]);
  });

  it('records a wrong code as a rejected attempt (the answer is then APPLICATION.OTP_WRONG with the attempts left)', () => {
    spec
      .given([...history.submitted(), issued()])
      .when(signingWith(WRONG_MAC))
      .then([rejected(1)]);
    spec
      .given([...history.submitted(), issued(), rejected(1)])
      .when(signingWith(WRONG_MAC))
      .then([rejected(2)]);
    expect(refusalRecordedIn([rejected(1) as never])).toMatchObject({
      code: 'APPLICATION.OTP_WRONG',
      details: { attemptsLeft: 2 },
    });
    expect(refusalRecordedIn([rejected(3) as never])).toMatchObject({ details: { attemptsLeft: 0 } });
    expect(refusalRecordedIn(history.signed())).toBeNull();
  });

  it('still signs with the right code after two wrong ones', () => {
    spec
      .given([...history.submitted(), issued(), rejected(1), rejected(2)])
      .when(signingWith(MAC))
      .then([expect.objectContaining({ type: 'ApplicationSigned' }) as never]);
  });

  it('locks the code after 3 wrong ones: the right code is refused then, APPLICATION.OTP_LOCKED, nothing recorded', () => {
    spec
      .given([...history.submitted(), issued(), rejected(1), rejected(2), rejected(3)])
      .when(signingWith(MAC))
      .thenThrows(refusedWith('APPLICATION.OTP_LOCKED', 0));
  });

  it('accepts the code at 4 min 59 s and refuses it from 5 min on: APPLICATION.OTP_EXPIRED, nothing recorded', () => {
    spec
      .given([...history.submitted(), issued()])
      .when(signingWith(MAC, '2026-03-02T05:09:59.000Z'))
      .then([expect.objectContaining({ type: 'ApplicationSigned' }) as never]);
    spec
      .given([...history.submitted(), issued()])
      .when(signingWith(MAC, EXPIRES_AT))
      .thenThrows(refusedWith('APPLICATION.OTP_EXPIRED', 0));
    // A wrong code after expiry is not counted: the code is over.
    spec
      .given([...history.submitted(), issued()])
      .when(signingWith(WRONG_MAC, EXPIRES_AT))
      .thenThrows(refusedWith('APPLICATION.OTP_EXPIRED', 0));
  });

  it('refuses the code that signed already, APPLICATION.OTP_USED; another code on a signed application is ALREADY_SIGNED', () => {
    const signedWithOtp1 = [...history.submitted(), issued()];
    const signature: ApplicationEvent = {
      type: 'ApplicationSigned',
      data: {
        applicationId: APPLICATION_ID,
        method: 'otp',
        signerIin: APPLICANT_IIN,
        digest: SUBMISSION_DIGEST,
        evidence: { otpRequestId: 'otp-1', issuedAt: ISSUED_AT, verifiedAt: '2026-03-02T05:06:00.000Z' },
        signedAt: '2026-03-02T05:06:00.000Z',
      },
    };
    spec
      .given([...signedWithOtp1, signature])
      .when(signingWith(MAC))
      .thenThrows(refusedWith('APPLICATION.OTP_USED', 0));
    spec
      .given([...signedWithOtp1, signature])
      .when(signingWith(MAC, undefined, 'otp-2'))
      .thenThrows({ code: 'APPLICATION.ALREADY_SIGNED' });
  });

  it('refuses a request never issued to this application: APPLICATION.OTP_UNKNOWN, nothing recorded', () => {
    spec
      .given([...history.submitted(), issued()])
      .when(signingWith(MAC, undefined, 'otp-of-another-application'))
      .thenThrows(refusedWith('APPLICATION.OTP_UNKNOWN', 0));
    spec.given(history.submitted()).when(signingWith(MAC)).thenThrows(refusedWith('APPLICATION.OTP_UNKNOWN', 0));
  });

  it('keeps each code to its own attempts: a second code is judged on its own', () => {
    spec
      .given([...history.submitted(), issued(), rejected(1), rejected(2), rejected(3), issued('otp-2')])
      .when(signingWith(MAC, undefined, 'otp-2'))
      .then([expect.objectContaining({ type: 'ApplicationSigned' }) as never]);
  });

  it('refuses a signer other than the applicant before judging the code (nothing recorded)', () => {
    spec
      .given([...history.submitted(), issued()])
      .when({ ...signingWith(WRONG_MAC), signerIin: SPOUSE_IIN })
      .thenThrows({ code: 'APPLICATION.SIGNER_NOT_APPLICANT' });
  });
});
