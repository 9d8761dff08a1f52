import { SignatureCheck } from '@domain/application';
import { EdsFailure, EdsVerifier, SignatureVerifierAdapter } from '@infra/signatures';
import { APPLICANT_IIN, APPLICATION_ID, SUBMISSION_DIGEST } from '../domain/application/fixtures';
import { Issued, issue, signDigest, subjectWith } from './pki';

const DIGEST = SUBMISSION_DIGEST;

describe('SignatureVerifierAdapter: the SignatureVerifier port', () => {
  let ca: Issued;
  let leaf: Issued;
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
    adapter = new SignatureVerifierAdapter(EdsVerifier.fromPem(ca.pem));
  });

  const base = {
    applicationId: APPLICATION_ID,
    signerIin: APPLICANT_IIN,
    digest: DIGEST,
    signedAt: '2026-03-02T05:01:00.000Z',
  };

  it('verifies an EDS proof with the certificate verifier', async () => {
    const check: SignatureCheck = {
      ...base,
      proof: { signatureBase64: signDigest(leaf, DIGEST), certificatePem: leaf.pem },
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
});
