import { E2eApp } from './support/e2e-app';
import {
  ALL_ACCEPTED,
  APPLICANT_IIN,
  openQuota,
  reviewEligible,
  submissionBody,
  submitAndSign,
  confirmRefusal,
} from './support/journeys';

describe('the whole path over HTTP: submit → sign → review → include → two subsidies', () => {
  let e: E2eApp;
  beforeEach(async () => {
    e = await E2eApp.start();
    await openQuota(e);
  });
  afterEach(() => e.close());

  it('includes an eligible family and grants both subsidies; every answer says its revision and position', async () => {
    const portal = e.as('portal', 'egov');
    const submitted = await portal.post('/applications', submissionBody()).expect(201);
    expect(submitted.body).toMatchObject({
      applicationId: expect.any(String),
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      events: ['ApplicationSubmitted'],
      alreadyHandled: false,
    });
    const id = submitted.body.applicationId;

    const otp = await portal.post(`/applications/${id}/otp`, { signerIin: APPLICANT_IIN }).expect(201);
    expect(otp.body).toMatchObject({
      otpRequestId: expect.any(String),
      code: expect.stringMatching(/^\d{6}$/),
      delivery: 'echo',
      revision: 1,
      events: ['SigningCodeIssued'],
    });
    const signed = await portal
      .post(`/applications/${id}/sign`, {
        method: 'otp',
        signerIin: APPLICANT_IIN,
        otpRequestId: otp.body.otpRequestId,
        code: otp.body.code,
      })
      .expect(201);
    expect(signed.body).toMatchObject({ revision: 2, events: ['ApplicationSigned'] });

    const reviewed = await reviewEligible(e, id);
    const reviewer = e.as('reviewer');
    // Read your writes: the read model answers once it reflects the review.
    const afterReview = await reviewer.get(`/applications/${id}?atLeast=${reviewed.position}`).expect(200);
    expect(BigInt(afterReview.body.position)).toBeGreaterThanOrEqual(BigInt(reviewed.position));

    await e.settle();
    const { body } = await reviewer.get(`/applications/${id}`).expect(200);
    expect(body.data).toMatchObject({
      status: 'included',
      persons: 3,
      sla: { dueOn: '2026-03-26' },
      decision: {
        outcome: 'included',
        persons: 3,
        subsidies: { relocation: 70 * 4325 * 3, rent: 20 * 4325 * 12 },
      },
      applicant: { iin: APPLICANT_IIN },
    });
    const audit = await e.as('auditor').get(`/applications/${id}`).expect(200);
    expect(audit.body.data.applicant.iin).toBe('**********' + APPLICANT_IIN.slice(10));

    const quotas = await e.as('auditor').get('/quotas?year=2026').expect(200);
    expect(quotas.body.data.items).toEqual([
      expect.objectContaining({ region: 'pavlodar', category: 'kandas', capacity: 977, seatsTaken: 3, remaining: 974 }),
    ]);
    const totals = await e.as('auditor').get('/subsidies/totals?decisionYear=2026').expect(200);
    expect(totals.body.data.grandTotal).toEqual({ count: 2, amount: 70 * 4325 * 3 + 20 * 4325 * 12 });
  });

  it('refuses a not-eligible application with the reviewer’s grounds, once the applicant could be heard (ADR 32)', async () => {
    const id = await submitAndSign(e);
    const reviewer = e.as('reviewer');
    await reviewer.post(`/applications/${id}/review/start`).expect(200);
    const findings = ALL_ACCEPTED.map((f) => (f.documentIndex === 0 ? { ...f, accepted: false, note: 'expired' } : f));
    await reviewer
      .post(`/applications/${id}/review`, {
        verdict: 'not-eligible',
        findings,
        grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
      })
      .expect(200);
    await e.settle();
    expect((await reviewer.get(`/applications/${id}`).expect(200)).body.data).toMatchObject({ decision: null });
    await confirmRefusal(e, id, { afterHearingWindow: true }); // nobody came: a new token for the clock moved on
    const { body } = await e.as('reviewer').get(`/applications/${id}`).expect(200);
    expect(body.data).toMatchObject({
      status: 'refused',
      review: { verdict: 'not-eligible', grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'] },
      decision: { outcome: 'refused', grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'] },
    });
  });

  it('refuses on the quota-exhausted ground when the quota cannot hold the family', async () => {
    await openQuota(e, 2, 'akmola');
    const id = await submitAndSign(
      e,
      submissionBody((s) => ({ ...s, region: 'akmola' })),
    );
    await reviewEligible(e, id);
    await confirmRefusal(e, id);
    const { body } = await e.as('supervisor').get(`/applications/${id}`).expect(200);
    expect(body.data).toMatchObject({
      status: 'refused',
      decision: { outcome: 'refused', grounds: ['QUOTA_EXHAUSTED'] },
    });
  });

  it('breaches the SLA when the clock passes the due date: escalated, in the supervisors’ queue, refused late by a supervisor', async () => {
    const id = await submitAndSign(e);
    await e.as('reviewer').post(`/applications/${id}/review/start`).expect(200);
    await e.advanceTo('2026-03-27T05:00:00.000Z');
    const supervisor = e.as('supervisor');
    const queue = await supervisor.get('/queues/supervisors').expect(200);
    expect(queue.body.data).toEqual({
      items: [expect.objectContaining({ applicationId: id, breached: true, escalated: true })],
      nextCursor: null,
    });
    const dashboard = await supervisor.get('/dashboard/sla?year=2026').expect(200);
    expect(dashboard.body.data.overall).toMatchObject({ breached: 1 });

    await supervisor
      .post(`/applications/${id}/refuse`, {
        grounds: ['APPLICANT_NOT_ELIGIBLE'],
        explanation: 'No career-centre registration',
      })
      .expect(200);
    await confirmRefusal(e, id); // the hearing's time runs out: a new token for the clock moved on
    const { body } = await e.as('supervisor').get(`/applications/${id}`).expect(200);
    expect(body.data).toMatchObject({ status: 'refused', decision: { late: true } });
  });

  it('lets the applicant withdraw before the decision', async () => {
    const id = await submitAndSign(e);
    await e.as('portal', 'egov').post(`/applications/${id}/withdraw`, { reason: 'The family stays' }).expect(200);
    await e.settle();
    expect((await e.as('auditor').get(`/applications/${id}`).expect(200)).body.data.status).toBe('withdrawn');
  });
});
