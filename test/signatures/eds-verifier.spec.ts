import { X509Certificate } from 'node:crypto';
import { EdsCheck, EdsFailure, EdsVerifier } from '@infra/signatures';
import { APPLICANT_IIN, SPOUSE_IIN, SUBMISSION_DIGEST } from '../domain/application/fixtures';
import { Issued, issue, signDigest, subjectWith } from './pki';

const DIGEST = SUBMISSION_DIGEST;
const SIGNED_AT = '2026-03-02T05:10:00.000Z';
const LEAF_LIFE = { notBefore: '2025-06-01T00:00:00Z', notAfter: '2027-06-01T00:00:00Z' };

interface Pki {
  root: Issued;
  oldRoot: Issued;
  intermediate: Issued;
  expiredIntermediate: Issued;
  untrustedRoot: Issued;
  rsaLeaf: Issued;
  ecLeaf: Issued;
  expiredLeaf: Issued;
  notYetValidLeaf: Issued;
  untrustedLeaf: Issued;
  noIinLeaf: Issued;
  otherIinLeaf: Issued;
  leafOfExpiredCa: Issued;
  leafOfExpiredIntermediate: Issued;
  forgedLeaf: Issued;
  leafIssuedByLeaf: Issued;
  p384Leaf: Issued;
  injectedIinLeaf: Issued;
}

let pki: Pki;
let verifier: EdsVerifier;

beforeAll(async () => {
  const root = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Test National Certification Authority (RSA)'] }],
    kind: 'rsa',
    ca: true,
    notBefore: '2020-01-01T00:00:00Z',
    notAfter: '2040-01-01T00:00:00Z',
  });
  const oldRoot = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Test Retired Root'] }],
    kind: 'ec',
    ca: true,
    notBefore: '2015-01-01T00:00:00Z',
    notAfter: '2025-12-31T00:00:00Z',
  });
  const untrustedRoot = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Somebody Else CA'] }],
    kind: 'ec',
    ca: true,
    notBefore: '2020-01-01T00:00:00Z',
    notAfter: '2040-01-01T00:00:00Z',
  });
  const intermediate = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Test NCA Issuing CA (GOST-free EC)'] }],
    kind: 'ec',
    ca: true,
    issuer: root,
    notBefore: '2024-01-01T00:00:00Z',
    notAfter: '2034-01-01T00:00:00Z',
  });
  const expiredIntermediate = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Test Expired Issuing CA'] }],
    kind: 'ec',
    ca: true,
    issuer: root,
    notBefore: '2021-01-01T00:00:00Z',
    notAfter: '2025-12-31T00:00:00Z',
  });
  // Same key type as the root's, so that only the issuer signature (not the algorithm) gives it away.
  const rsaForger = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Forger'] }],
    kind: 'rsa',
    ca: true,
    notBefore: '2020-01-01T00:00:00Z',
    notAfter: '2040-01-01T00:00:00Z',
  });
  const person = (iin?: string) => subjectWith('НҰРЛАНҰЛЫ ЕРЖАН', iin);
  const ecLeaf = await issue({ subject: person(APPLICANT_IIN), kind: 'ec', issuer: intermediate, ...LEAF_LIFE });
  pki = {
    root,
    oldRoot,
    intermediate,
    expiredIntermediate,
    untrustedRoot,
    ecLeaf,
    rsaLeaf: await issue({ subject: person(APPLICANT_IIN), kind: 'rsa', issuer: root, ...LEAF_LIFE }),
    expiredLeaf: await issue({
      subject: person(APPLICANT_IIN),
      kind: 'ec',
      issuer: root,
      notBefore: '2024-01-01T00:00:00Z',
      notAfter: '2025-01-01T00:00:00Z',
    }),
    notYetValidLeaf: await issue({
      subject: person(APPLICANT_IIN),
      kind: 'ec',
      issuer: root,
      notBefore: '2026-06-01T00:00:00Z',
      notAfter: '2028-06-01T00:00:00Z',
    }),
    untrustedLeaf: await issue({ subject: person(APPLICANT_IIN), kind: 'ec', issuer: untrustedRoot, ...LEAF_LIFE }),
    noIinLeaf: await issue({ subject: person(), kind: 'ec', issuer: root, ...LEAF_LIFE }),
    otherIinLeaf: await issue({
      subject: subjectWith('САПАРОВА АЙГҮЛ', SPOUSE_IIN),
      kind: 'ec',
      issuer: root,
      ...LEAF_LIFE,
    }),
    leafOfExpiredCa: await issue({ subject: person(APPLICANT_IIN), kind: 'ec', issuer: oldRoot, ...LEAF_LIFE }),
    leafOfExpiredIntermediate: await issue({
      subject: person(APPLICANT_IIN),
      kind: 'ec',
      issuer: expiredIntermediate,
      ...LEAF_LIFE,
    }),
    forgedLeaf: await issue({
      subject: person(APPLICANT_IIN),
      kind: 'ec',
      issuer: root,
      forgedWith: rsaForger,
      ...LEAF_LIFE,
    }),
    leafIssuedByLeaf: await issue({ subject: person(APPLICANT_IIN), kind: 'ec', issuer: ecLeaf, ...LEAF_LIFE }),
    p384Leaf: await issue({ subject: person(APPLICANT_IIN), kind: 'ec-p384', issuer: root, ...LEAF_LIFE }),
    injectedIinLeaf: await issue({
      subject: [{ C: ['KZ'] }, { CN: [`Mallory\nserialNumber=IIN${APPLICANT_IIN}`] }],
      kind: 'ec',
      issuer: root,
      ...LEAF_LIFE,
    }),
  };
  verifier = new EdsVerifier([new X509Certificate(root.pem), new X509Certificate(oldRoot.pem)]);
});

function check(signer: Issued, overrides: Partial<EdsCheck> & { chain?: Issued[] } = {}): EdsCheck {
  const { chain = [], ...rest } = overrides;
  return {
    digest: DIGEST,
    signerIin: APPLICANT_IIN,
    signedAt: SIGNED_AT,
    signatureBase64: signDigest(signer, DIGEST),
    certificatePem: [signer, ...chain].map((c) => c.pem).join('\n'),
    ...rest,
  };
}

describe('EdsVerifier: a detached signature over the application digest', () => {
  it('accepts an RSA-2048 signature by a certificate the trusted CA issued, with evidence', () => {
    const leaf = new X509Certificate(pki.rsaLeaf.pem);
    expect(verifier.verify(check(pki.rsaLeaf))).toEqual({
      valid: true,
      evidence: {
        certificateSerial: leaf.serialNumber,
        certificateFingerprint256: leaf.fingerprint256,
        issuer: 'C=KZ, CN=Test National Certification Authority (RSA)',
        subjectIin: APPLICANT_IIN,
        validTo: '2027-06-01T00:00:00.000Z',
        algorithm: 'RSA-SHA256',
      },
    });
  });

  it('accepts an ECDSA P-256 signature through an intermediate CA sent in the bundle, in DER or r‖s form', () => {
    const der = verifier.verify(check(pki.ecLeaf, { chain: [pki.intermediate] }));
    expect(der).toMatchObject({
      valid: true,
      evidence: {
        algorithm: 'ECDSA-P256-SHA256',
        subjectIin: APPLICANT_IIN,
        issuer: expect.stringContaining('Issuing CA'),
      },
    });
    const p1363 = signDigest(pki.ecLeaf, DIGEST, 'ieee-p1363');
    expect(Buffer.from(p1363, 'base64')).toHaveLength(64);
    expect(verifier.verify(check(pki.ecLeaf, { chain: [pki.intermediate], signatureBase64: p1363 })).valid).toBe(true);
  });

  it('rejects a signature over another digest (tampered content)', () => {
    const tampered = DIGEST.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(verifier.verify(check(pki.rsaLeaf, { digest: tampered }))).toEqual({
      valid: false,
      reason: EdsFailure.SignatureMismatch,
      evidence: {},
    });
    expect(verifier.verify(check(pki.ecLeaf, { chain: [pki.intermediate], digest: tampered })).reason).toBe(
      EdsFailure.SignatureMismatch,
    );
  });

  it('rejects a signature made with another key than the certificate’s', () => {
    expect(verifier.verify(check(pki.rsaLeaf, { signatureBase64: signDigest(pki.ecLeaf, DIGEST) })).reason).toBe(
      EdsFailure.SignatureMismatch,
    );
    expect(
      verifier.verify(
        check(pki.otherIinLeaf, { signatureBase64: signDigest(pki.noIinLeaf, DIGEST), signerIin: SPOUSE_IIN }),
      ).reason,
    ).toBe(EdsFailure.SignatureMismatch);
  });

  describe('certificate trust', () => {
    it('rejects a certificate from an untrusted CA, even with that CA in the bundle', () => {
      expect(verifier.verify(check(pki.untrustedLeaf)).reason).toBe(EdsFailure.NotTrusted);
      expect(verifier.verify(check(pki.untrustedLeaf, { chain: [pki.untrustedRoot] })).reason).toBe(
        EdsFailure.NotTrusted,
      );
    });

    it('rejects a certificate naming the trusted CA as issuer but signed by another key', () => {
      expect(new X509Certificate(pki.forgedLeaf.pem).checkIssued(new X509Certificate(pki.root.pem))).toBe(true);
      expect(verifier.verify(check(pki.forgedLeaf)).reason).toBe(EdsFailure.NotTrusted);
    });

    it('rejects a certificate whose intermediate CA is not sent', () => {
      expect(verifier.verify(check(pki.ecLeaf)).reason).toBe(EdsFailure.NotTrusted);
    });

    it('rejects a chain through a certificate that is not a CA', () => {
      expect(verifier.verify(check(pki.leafIssuedByLeaf, { chain: [pki.ecLeaf, pki.intermediate] })).reason).toBe(
        EdsFailure.NotTrusted,
      );
    });
  });

  describe('validity at the signing time', () => {
    it('rejects an expired certificate', () => {
      expect(verifier.verify(check(pki.expiredLeaf)).reason).toBe(EdsFailure.NotValidAtSigningTime);
    });

    it('rejects a certificate not yet valid', () => {
      expect(verifier.verify(check(pki.notYetValidLeaf)).reason).toBe(EdsFailure.NotValidAtSigningTime);
    });

    it('accepts the same certificate at a signing time inside its validity', () => {
      expect(verifier.verify(check(pki.expiredLeaf, { signedAt: '2024-06-01T00:00:00.000Z' })).valid).toBe(true);
    });

    it('rejects a valid certificate whose trusted CA had expired', () => {
      expect(verifier.verify(check(pki.leafOfExpiredCa)).reason).toBe(EdsFailure.NotValidAtSigningTime);
      expect(verifier.verify(check(pki.leafOfExpiredCa, { signedAt: '2025-07-01T00:00:00.000Z' })).valid).toBe(true);
    });

    it('rejects a valid certificate whose intermediate CA had expired', () => {
      expect(verifier.verify(check(pki.leafOfExpiredIntermediate, { chain: [pki.expiredIntermediate] })).reason).toBe(
        EdsFailure.NotValidAtSigningTime,
      );
    });
  });

  describe("the signer's IIN", () => {
    it('rejects a certificate without an IIN', () => {
      expect(verifier.verify(check(pki.noIinLeaf)).reason).toBe(EdsFailure.NoIin);
    });

    it('rejects a certificate of another person', () => {
      expect(verifier.verify(check(pki.otherIinLeaf)).reason).toBe(EdsFailure.OtherIin);
      expect(verifier.verify(check(pki.otherIinLeaf, { signerIin: SPOUSE_IIN })).valid).toBe(true);
    });

    it('reads the IIN only from the serialNumber attribute, not from a CN that imitates it', () => {
      expect(new X509Certificate(pki.injectedIinLeaf.pem).subject).not.toMatch(
        new RegExp(`^serialNumber=IIN${APPLICANT_IIN}$`, 'm'),
      );
      expect(verifier.verify(check(pki.injectedIinLeaf)).reason).toBe(EdsFailure.NoIin);
    });
  });

  describe('malformed input', () => {
    it.each([
      ['not PEM at all', 'hello'],
      ['a PEM block with garbage inside', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
      ['an unterminated block', '-----BEGIN CERTIFICATE-----\nMIIB\n'],
      ['a private key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'],
    ])('rejects a certificate that is %s', (_, certificatePem) => {
      expect(verifier.verify(check(pki.rsaLeaf, { certificatePem })).reason).toBe(EdsFailure.MalformedCertificate);
    });

    it.each([
      ['empty', ''],
      ['not base64', 'this is not base64!'],
      ['base64 with a bad length', 'QUJDRA='],
    ])('rejects a signature that is %s', (_, signatureBase64) => {
      expect(verifier.verify(check(pki.ecLeaf, { chain: [pki.intermediate], signatureBase64 })).reason).toBe(
        EdsFailure.MalformedSignature,
      );
    });

    it('rejects a truncated signature value as not matching (OpenSSL does not tell the two apart)', () => {
      const signatureBase64 = Buffer.from([0x30, 0x45, 0x02, 0x21, 0x00]).toString('base64');
      expect(verifier.verify(check(pki.ecLeaf, { chain: [pki.intermediate], signatureBase64 })).reason).toBe(
        EdsFailure.SignatureMismatch,
      );
    });

    it('rejects an unreadable signing time', () => {
      expect(verifier.verify(check(pki.rsaLeaf, { signedAt: 'yesterday' })).reason).toBe(
        EdsFailure.MalformedSigningTime,
      );
    });

    it('rejects a key it does not support (ECDSA P-384)', () => {
      expect(verifier.verify(check(pki.p384Leaf)).reason).toBe(EdsFailure.UnsupportedAlgorithm);
    });
  });

  it('accepts only CA certificates as trust anchors', () => {
    expect(() => new EdsVerifier([])).toThrow(/at least one/);
    expect(() => new EdsVerifier([new X509Certificate(pki.rsaLeaf.pem)])).toThrow(/not a CA/);
    expect(EdsVerifier.fromPem(pki.root.pem).verify(check(pki.rsaLeaf)).valid).toBe(true);
  });
});
