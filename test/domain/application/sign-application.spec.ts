import { applicationDecider } from '@domain/application';
import type { SignApplication } from '@domain/application/decisions/sign';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID, APPLICANT_IIN, history, SPOUSE_IIN, SUBMISSION_DIGEST } from './fixtures';

const spec = deciderSpecification(applicationDecider);
const digest = SUBMISSION_DIGEST;
const AT = '2026-03-02T05:10:00.000Z';

type SignWithEds = Extract<SignApplication, { method: 'eds' }>;

/** An EDS signature (verified at the edge); signing with a one-time code: signing-code.spec.ts. */
function signing(overrides: Partial<SignWithEds> = {}): SignWithEds {
  return {
    type: 'SignApplication',
    applicationId: APPLICATION_ID,
    at: AT,
    method: 'eds',
    signerIin: APPLICANT_IIN,
    signedDigest: digest,
    verification: { valid: true, evidence: { certificateSerial: '4f1a', issuer: 'NCA RK' } },
    ...overrides,
  };
}

describe('SignApplication', () => {
  it('accepts the applicant signing exactly the submitted content with an EDS', () => {
    spec
      .given(history.submitted())
      .when(signing())
      .then([
        {
          type: 'ApplicationSigned',
          data: {
            applicationId: APPLICATION_ID,
            method: 'eds',
            signerIin: APPLICANT_IIN,
            digest,
            evidence: { certificateSerial: '4f1a', issuer: 'NCA RK' },
            signedAt: AT,
          },
        },
      ]);
  });

  it('refuses a signer who is not the applicant', () => {
    spec
      .given(history.submitted())
      .when(signing({ signerIin: SPOUSE_IIN }))
      .thenThrows({ code: 'APPLICATION.SIGNER_NOT_APPLICANT' });
  });

  it('refuses a digest other than the digest of the submitted content', () => {
    spec
      .given(history.submitted())
      .when(signing({ signedDigest: 'b'.repeat(64) }))
      .thenThrows({ code: 'APPLICATION.DIGEST_MISMATCH' });
  });

  it('refuses a signature the verifier did not accept', () => {
    spec
      .given(history.submitted())
      .when(signing({ verification: { valid: false, reason: 'certificate revoked', evidence: {} } }))
      .thenThrows({ code: 'APPLICATION.SIGNATURE_INVALID' });
  });

  it('refuses an unknown signature method', () => {
    spec
      .given(history.submitted())
      .when(signing({ method: 'fax' as never }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });

  it('refuses signing twice, signing before submitting, and signing a withdrawn application', () => {
    spec.given(history.signed()).when(signing()).thenThrows({ code: 'APPLICATION.ALREADY_SIGNED' });
    spec.given(history.underReview()).when(signing()).thenThrows({ code: 'APPLICATION.ALREADY_SIGNED' });
    spec.given([]).when(signing()).thenThrows({ code: 'APPLICATION.NOT_SUBMITTED' });
    spec.given(history.withdrawn()).when(signing()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
    spec.given(history.included()).when(signing()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
  });
});
