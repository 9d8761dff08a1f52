// The test PKI (@peculiar/x509 under tsyringe) needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '@domain/shared/canonical-json';
import { EventTypeRegistry } from '@libs/event-sourcing';
import { applicationDigest, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import type { ApplicationSubmitted } from '@domain/application';
import { SPOUSE_IIN } from '../domain/application/fixtures';
import { Issued, issue, signDigest, subjectWith } from '../signatures/pki';
import { E2eApp } from './support/e2e-app';
import { APPLICANT_IIN, openQuota, submissionBody } from './support/journeys';
import { appendsNothing, collect, expectFieldErrors, expectProblem } from './support/problems';

const CA_LIFE = { notBefore: '2020-01-01T00:00:00Z', notAfter: '2040-01-01T00:00:00Z' };
const LEAF_LIFE = { notBefore: '2025-06-01T00:00:00Z', notAfter: '2027-06-01T00:00:00Z' };

interface Pki {
  trustedCa: Issued;
  applicant: Issued;
  applicantRsa: Issued;
  untrustedApplicant: Issued;
  spouse: Issued;
}
let pki: Pki;
let caDir: string;

beforeAll(async () => {
  const trustedCa = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Test National Certification Authority'] }],
    kind: 'ec',
    ca: true,
    ...CA_LIFE,
  });
  const otherCa = await issue({
    subject: [{ C: ['KZ'] }, { CN: ['Somebody Else CA'] }],
    kind: 'ec',
    ca: true,
    ...CA_LIFE,
  });
  pki = {
    trustedCa,
    applicant: await issue({
      subject: subjectWith('НҰРЛАНҰЛЫ ЕРЖАН', APPLICANT_IIN),
      kind: 'ec',
      issuer: trustedCa,
      ...LEAF_LIFE,
    }),
    applicantRsa: await issue({
      subject: subjectWith('НҰРЛАНҰЛЫ ЕРЖАН', APPLICANT_IIN),
      kind: 'rsa',
      issuer: trustedCa,
      ...LEAF_LIFE,
    }),
    untrustedApplicant: await issue({
      subject: subjectWith('НҰРЛАНҰЛЫ ЕРЖАН', APPLICANT_IIN),
      kind: 'ec',
      issuer: otherCa,
      ...LEAF_LIFE,
    }),
    spouse: await issue({
      subject: subjectWith('САПАРОВА АЙГҮЛ', SPOUSE_IIN),
      kind: 'ec',
      issuer: trustedCa,
      ...LEAF_LIFE,
    }),
  };
  caDir = mkdtempSync(join(tmpdir(), 'kandas-e2e-ca-'));
  writeFileSync(join(caDir, 'trusted-cas.pem'), trustedCa.pem);
});
afterAll(() => rmSync(caDir, { recursive: true, force: true }));

/** The digest the applicant signs: the one the ApplicationSubmitted event recorded. */
async function digestOf(e: E2eApp, id: string): Promise<string> {
  const [submitted] = await collect(e.store.readStream(`application-${id}`, { maxCount: 1 }));
  expect(submitted?.type).toBe('ApplicationSubmitted');
  return (submitted!.data as { digest: string }).digest;
}

describe('signing an application with an EDS certificate (KANDAS_TRUSTED_CA_FILE set)', () => {
  let e: E2eApp;
  let id: string;
  let digest: string;
  beforeEach(async () => {
    e = await E2eApp.start({ env: { KANDAS_TRUSTED_CA_FILE: join(caDir, 'trusted-cas.pem') } });
    await openQuota(e);
    id = (await e.as('portal', 'egov').post('/applications', submissionBody()).expect(201)).body.applicationId;
    digest = await digestOf(e, id);
  });
  afterEach(() => e.close());

  const sign = (signer: Issued, options: { signerIin?: string; over?: string } = {}) =>
    e.as('portal', 'egov').post(`/applications/${id}/sign`, {
      method: 'eds',
      signerIin: options.signerIin ?? APPLICANT_IIN,
      signatureBase64: signDigest(signer, options.over ?? digest),
      certificatePem: signer.pem,
    });
  const refused = async (signer: Issued, reason: string, options: { signerIin?: string; over?: string } = {}) => {
    const response = await appendsNothing(e, () => sign(signer, options));
    expectFieldErrors(response, ['signature'], 422, 'APPLICATION.SIGNATURE_INVALID');
    expect(response.body.errors).toEqual([{ field: 'signature', reason }]);
  };

  it.each([
    ['ECDSA P-256', 'applicant', 'ECDSA-P256-SHA256'],
    ['RSA 2048', 'applicantRsa', 'RSA-SHA256'],
  ] as const)(
    'accepts the applicant’s %s signature over the digest; the evidence names the certificate serial and issuer',
    async (_, key, algorithm) => {
      const signer = pki[key];
      const response = await sign(signer).expect(201);
      expect(response.body).toMatchObject({ revision: 1, events: ['ApplicationSigned'], alreadyHandled: false });

      const [signed] = await collect(e.store.readStream(`application-${id}`, { fromRevision: 1, maxCount: 1 }));
      const certificate = new X509Certificate(signer.pem);
      expect(signed).toMatchObject({ type: 'ApplicationSigned', metadata: { actor: { id: 'egov', role: 'portal' } } });
      expect(signed!.data).toMatchObject({
        method: 'eds',
        signerIin: APPLICANT_IIN,
        digest,
        signedAt: e.clock.now().toISOString(),
        evidence: {
          certificateSerial: certificate.serialNumber,
          certificateFingerprint256: certificate.fingerprint256,
          issuer: expect.stringContaining('CN=Test National Certification Authority'),
          subjectIin: APPLICANT_IIN,
          algorithm,
        },
      });

      await e.settle();
      const { body } = await e.as('reviewer').get(`/applications/${id}`).expect(200);
      expect(body.data).toMatchObject({ status: 'signed', sla: { dueOn: '2026-03-26' } });
    },
  );

  it('refuses a certificate from a CA it does not trust: 422 APPLICATION.SIGNATURE_INVALID', () =>
    refused(pki.untrustedApplicant, 'certificate not issued by a trusted CA'));

  it('refuses the applicant’s IIN signed with another person’s certificate: 422 APPLICATION.SIGNATURE_INVALID', () =>
    refused(pki.spouse, 'certificate IIN differs from the signer'));

  it('refuses a valid signature over anything but the application’s digest', () =>
    refused(pki.applicant, 'signature does not match the application digest', {
      over: digest.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    }));

  it('refuses another person signing with their own valid certificate: 422 APPLICATION.SIGNER_NOT_APPLICANT', async () => {
    const response = await appendsNothing(e, () => sign(pki.spouse, { signerIin: SPOUSE_IIN }));
    expectFieldErrors(response, ['signerIin'], 422, 'APPLICATION.SIGNER_NOT_APPLICANT');
  });

  it('refuses the trusted CA’s own certificate as a signer (it carries no IIN)', () =>
    refused(pki.trustedCa, 'certificate carries no IIN'));

  it('refuses a signature that is not base64', async () => {
    const response = await appendsNothing(e, () =>
      e.as('portal', 'egov').post(`/applications/${id}/sign`, {
        method: 'eds',
        signerIin: APPLICANT_IIN,
        signatureBase64: '!!!! not base64 !!!!',
        certificatePem: pki.applicant.pem,
      }),
    );
    expectFieldErrors(response, ['signature'], 422, 'APPLICATION.SIGNATURE_INVALID');
  });
});

describe('an application submitted before ADR 20 (ApplicationSubmitted v1: receivingRegion, quotaYear)', () => {
  let e: E2eApp;
  const id = randomUUID();
  const { region, year, ...rest } = submissionBody();
  /** The submission as the portal sent it then, and as the v1 event stores it: its keys were signed too. */
  const v1Submission = { ...rest, receivingRegion: region, quotaYear: year };
  /** Computed here from the stored bytes, not by the code under test. */
  const v1Digest = createHash('sha256').update(canonicalJson(v1Submission), 'utf8').digest('hex');

  beforeEach(async () => {
    e = await E2eApp.start({ env: { KANDAS_TRUSTED_CA_FILE: join(caDir, 'trusted-cas.pem') } });
    await openQuota(e);
    const at = e.clock.now().toISOString();
    await e.store.append(
      `application-${id}`,
      [
        {
          eventId: randomUUID(),
          type: 'ApplicationSubmitted',
          schemaVersion: 1,
          data: {
            applicationId: id,
            submission: v1Submission,
            digest: v1Digest,
            documentPolicyVersion: '2026.1',
            submittedAt: at,
          },
          metadata: {
            commandId: id,
            correlationId: id,
            causationId: id,
            actor: { id: 'egov', role: 'portal' },
            occurredAt: at,
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
  });
  afterEach(() => e.close());

  it('reads it in today’s names, marked as digested in its v1 shape, and the stored digest still verifies', async () => {
    const [stored] = await collect(e.store.readStream(`application-${id}`, { maxCount: 1 }));
    expect(stored).toMatchObject({
      schemaVersion: 1,
      data: { submission: { receivingRegion: region, quotaYear: year } },
    });

    const upcast = new EventTypeRegistry()
      .registerAll(WORKFLOW_EVENT_TYPES)
      .upcast<ApplicationSubmitted['data']>(stored!);
    expect(upcast.data.submission).toMatchObject({ region, year });
    expect(upcast.data.submission).not.toHaveProperty('receivingRegion');
    expect(upcast.data).toMatchObject({ digest: v1Digest, submissionVersion: 1 });
    expect(applicationDigest(upcast.data.submission, upcast.data.submissionVersion)).toBe(v1Digest);
    expect(applicationDigest(upcast.data.submission)).not.toBe(v1Digest); // today's shape is other bytes

    await e.settle();
    const { body } = await e.as('reviewer').get(`/applications/${id}`).expect(200);
    expect(body.data).toMatchObject({ region, year, digest: v1Digest });
    expect(body.data).not.toHaveProperty('receivingRegion');
    expect(body.data).not.toHaveProperty('quotaYear');
  });

  it('is signed with an EDS over the digest it was submitted with', async () => {
    await e
      .as('portal', 'egov')
      .post(`/applications/${id}/sign`, {
        method: 'eds',
        signerIin: APPLICANT_IIN,
        signatureBase64: signDigest(pki.applicant, v1Digest),
        certificatePem: pki.applicant.pem,
      })
      .expect(201);
    const [signed] = await collect(e.store.readStream(`application-${id}`, { fromRevision: 1, maxCount: 1 }));
    expect(signed).toMatchObject({ type: 'ApplicationSigned', data: { method: 'eds', digest: v1Digest } });
  });
});

describe('EDS without trusted CAs', () => {
  it('refuses every EDS signature when KANDAS_TRUSTED_CA_FILE is not set', async () => {
    const e = await E2eApp.start();
    try {
      await openQuota(e);
      const id = (await e.as('portal', 'egov').post('/applications', submissionBody()).expect(201)).body.applicationId;
      const body = {
        method: 'eds',
        signerIin: APPLICANT_IIN,
        signatureBase64: signDigest(pki.applicant, await digestOf(e, id)),
        certificatePem: pki.applicant.pem,
      };
      const response = await appendsNothing(e, () => e.as('portal', 'egov').post(`/applications/${id}/sign`, body));
      expectProblem(response, 422, 'APPLICATION.SIGNATURE_INVALID');
      expect(response.body.errors[0].reason).toMatch(/not configured/);
    } finally {
      await e.close();
    }
  });
});
