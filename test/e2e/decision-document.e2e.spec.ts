import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_KEY_FILE } from '@libs/auth';
import { documentProblems } from '@libs/workflow';
import { oneSpaced, pdfText } from '../support/pdf-text';
import { E2eApp } from './support/e2e-app';
import {
  ALL_ACCEPTED,
  confirmRefusal,
  freshSubmissionBody,
  openQuota,
  reviewEligible,
  submitAndSign,
} from './support/journeys';
import { expectFieldErrors, expectProblem, UNKNOWN_ID } from './support/problems';

/** The signed decision letter over HTTP, and what the portal reads of its own applications (ADR 29). */
describe('the decision letter and the portal’s own reads over HTTP', () => {
  let e: E2eApp;
  let included: string;
  let refused: string;
  let undecided: string;
  let publicKeyPem: string;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    await openQuota(e, 3, 'akmola');
    e.clock.set('2026-03-02T05:01:00.000Z');
    included = await submitAndSign(e);
    refused = await submitAndSign(e);
    undecided = await submitAndSign(e);
    const fillsAkmola = await submitAndSign(
      e,
      freshSubmissionBody((s) => ({ ...s, region: 'akmola' })),
    );
    await e.settle();
    e.clock.set('2026-03-10T06:00:00.000Z');
    await reviewEligible(e, included, 'reviewer-7');
    await reviewEligible(e, fillsAkmola, 'reviewer-7');
    const reviewer = e.as('reviewer', 'reviewer-9');
    await reviewer.post(`/applications/${refused}/review/start`).expect(200);
    await reviewer
      .post(`/applications/${refused}/review`, {
        verdict: 'not-eligible',
        findings: ALL_ACCEPTED.map((f) => (f.documentIndex === 0 ? { ...f, accepted: false, note: 'expired' } : f)),
        grounds: ['INVALID_OR_EXPIRED_DOCUMENTS', 'INCOMPLETE_DOCUMENTS'],
      })
      .expect(200);
    await confirmRefusal(e, refused); // the applicant heard, the refusal confirmed at once (ADR 32)
    publicKeyPem = readFileSync(join(e.dir, PUBLIC_KEY_FILE), 'utf8');
  });
  afterAll(() => e.close());

  /** The answer's bytes whole, as a Buffer. */
  const pdf = (as: ReturnType<E2eApp['as']>, path: string) => as.get(path).responseType('blob');

  it('gives officers the signed letter of an inclusion: PDF, signature and key id in the headers, the same bytes each time', async () => {
    const response = await pdf(e.as('reviewer'), `/applications/${included}/decision-document`).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.body as Buffer;
    const signature = {
      keyId: response.headers['kandas-key-id'],
      algorithm: 'Ed25519',
      signature: response.headers['kandas-signature'],
      sha256: expect.any(String),
    };
    const sig = await e.as('auditor').get(`/applications/${included}/decision-document.sig`).expect(200);
    expect(sig.body).toEqual(signature);
    expect(documentProblems(bytes, sig.body, publicKeyPem)).toEqual([]);
    const again = await pdf(e.as('operator'), `/applications/${included}/decision-document`).expect(200);
    expect((again.body as Buffer).equals(bytes)).toBe(true);

    const decision = await e.as('auditor').get(`/audit/applications/${included}/decision`).expect(200);
    const text = oneSpaced(pdfText(bytes).join('\n'));
    expect(text).toContain(`ШЕШІМ № ${decision.body.decisionNumber}, 10.03.2026`);
    expect(text).toContain(`РЕШЕНИЕ № ${decision.body.decisionNumber} от 10.03.2026`);
    expect(text).toContain('Өтініш беруші: Нұрланұлы Ержан Серікұлы');
    expect(text).toContain(oneSpaced(`Итого: ${decision.body.amounts.total.toLocaleString('ru-RU')} тенге`));
  });

  it('gives the portal the letter of an application it submitted, the officers’ very bytes, and its signature beside it', async () => {
    const officer = await pdf(e.as('supervisor'), `/applications/${refused}/decision-document`).expect(200);
    const portal = await pdf(e.as('portal', 'egov'), `/portal/applications/${refused}/decision-document`).expect(200);
    expect((portal.body as Buffer).equals(officer.body as Buffer)).toBe(true);
    const sig = await e.as('portal', 'egov').get(`/portal/applications/${refused}/decision-document.sig`).expect(200);
    expect(documentProblems(portal.body as Buffer, sig.body, publicKeyPem)).toEqual([]);
    const text = oneSpaced(pdfText(portal.body as Buffer).join('\n'));
    expect(text).toContain('Құжаттар жарамсыз немесе мерзімі өткен (INVALID_OR_EXPIRED_DOCUMENTS)');
    expect(text).toContain('Неполный пакет документов (INCOMPLETE_DOCUMENTS)');
  });

  it('answers 409 with the reason while the application is not decided', async () => {
    expectProblem(
      await e.as('portal', 'egov').get(`/portal/applications/${undecided}/decision-document`),
      409,
      'DECISION_DOCUMENT.NOT_DECIDED',
    );
    expectProblem(
      await e.as('reviewer').get(`/applications/${undecided}/decision-document.sig`),
      409,
      'DECISION_DOCUMENT.NOT_DECIDED',
    );
  });

  it('answers another portal, as an unknown id, 404: whether an application exists is not told', async () => {
    for (const path of [
      `/portal/applications/${included}`,
      `/portal/applications/${included}/decision-document`,
      `/portal/applications/${included}/decision-document.sig`,
      `/portal/applications/${UNKNOWN_ID}`,
    ]) {
      const other = await e.as('portal', 'enbek').get(path);
      expectProblem(other, 404, 'APPLICATION.NOT_FOUND');
    }
    expectProblem(
      await e.as('reviewer').get(`/applications/${UNKNOWN_ID}/decision-document`),
      404,
      'APPLICATION.NOT_FOUND',
    );
  });

  it('shows the portal its application: status, the dates, and the decision with its amounts', async () => {
    const response = await e.as('portal', 'egov').get(`/portal/applications/${included}`).expect(200);
    const decision = await e.as('auditor').get(`/audit/applications/${included}/decision`).expect(200);
    expect(response.body).toEqual({
      applicationId: included,
      status: 'included',
      region: { code: 'pavlodar', kk: 'Павлодар облысы', ru: 'Павлодарская область' },
      year: 2026,
      category: 'kandas',
      persons: 3,
      submittedAt: '2026-03-02T05:01:00.000Z',
      signedAt: '2026-03-02T05:01:00.000Z',
      acceptedOn: '2026-03-02',
      dueOn: '2026-03-26',
      dueAt: decision.body.deadline.dueAt,
      decision: {
        outcome: 'included',
        number: decision.body.decisionNumber,
        date: '2026-03-10',
        decidedAt: '2026-03-10T06:00:00.000Z',
        amounts: {
          relocation: decision.body.amounts.relocation,
          rent: decision.body.amounts.rent,
          total: decision.body.amounts.total,
          mci: { value: decision.body.amounts.mci.value, year: 2026 },
        },
        grounds: [],
        groundsListVersion: null,
        explanation: null,
        document: { href: `/portal/applications/${included}/decision-document`, ready: true },
      },
    });
  });

  it('shows a refusal’s grounds with their Kazakh and Russian labels, and an undecided application’s due date', async () => {
    const refusal = await e.as('portal', 'egov').get(`/portal/applications/${refused}`).expect(200);
    expect(refusal.body.status).toBe('refused');
    expect(refusal.body.decision).toMatchObject({
      outcome: 'refused',
      amounts: { relocation: null, rent: null, total: null, mci: null },
      grounds: [
        {
          code: 'INVALID_OR_EXPIRED_DOCUMENTS',
          kk: 'Құжаттар жарамсыз немесе мерзімі өткен',
          ru: 'Документы недействительны или истёк срок их действия',
        },
        { code: 'INCOMPLETE_DOCUMENTS', kk: 'Құжаттар топтамасы толық емес', ru: 'Неполный пакет документов' },
      ],
      groundsListVersion: '1',
      document: { ready: true },
    });
    const open = await e.as('portal', 'egov').get(`/portal/applications/${undecided}`).expect(200);
    expect(open.body).toMatchObject({
      status: 'signed',
      acceptedOn: '2026-03-02',
      dueOn: '2026-03-26',
      decision: null,
    });
  });

  it('lists the regions with seats left, for the portal and officers; a full quota is not offered', async () => {
    const response = await e.as('portal', 'egov').get('/regions/open?year=2026&category=kandas').expect(200);
    const regions = response.body.data.regions as Array<{
      region: { code: string };
      left: number;
      capacity: number;
      taken: number;
    }>;
    expect(regions.map((quota) => quota.region.code)).not.toContain('akmola');
    expect(regions.find((quota) => quota.region.code === 'pavlodar')).toEqual({
      region: { code: 'pavlodar', kk: 'Павлодар облысы', ru: 'Павлодарская область' },
      category: 'kandas',
      capacity: 977,
      taken: 3,
      left: 974,
    });
    const officers = await e.as('operator').get('/regions/open?year=2026').expect(200);
    expect(officers.body.data.regions.length).toBeGreaterThanOrEqual(regions.length);
    expect((await e.as('portal').get('/regions/open?year=2025').expect(200)).body.data.regions).toEqual([]);
  });

  it('refuses a missing or malformed year and an unknown category with 400 naming the field', async () => {
    expectFieldErrors(await e.as('portal').get('/regions/open'), ['year']);
    expectFieldErrors(await e.as('portal').get('/regions/open?year=26'), ['year']);
    expectFieldErrors(await e.as('portal').get('/regions/open?year=2026&category=tourist'), ['category']);
  });
});
