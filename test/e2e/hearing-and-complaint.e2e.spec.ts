import { randomUUID } from 'node:crypto';
import { E2eApp } from './support/e2e-app';
import { ALL_ACCEPTED, confirmRefusal, openQuota, submitAndSign } from './support/journeys';
import { appendsNothing, expectFieldErrors, expectProblem } from './support/problems';

const GROUNDS = ['INVALID_OR_EXPIRED_DOCUMENTS'];

async function notEligible(e: E2eApp, id: string): Promise<void> {
  const reviewer = e.as('reviewer', 'reviewer-9');
  await reviewer.post(`/applications/${id}/review/start`).expect(200);
  await reviewer
    .post(`/applications/${id}/review`, {
      verdict: 'not-eligible',
      findings: ALL_ACCEPTED.map((f) => (f.documentIndex === 0 ? { ...f, accepted: false, note: 'expired' } : f)),
      grounds: GROUNDS,
    })
    .expect(200);
}

/**
 * The preliminary refusal and the complaint over HTTP on the real server and SQLite files (ADR 32):
 * a not-eligible review → proposal in the hearings queue → objection → hearing → confirmed refusal →
 * complaint → complaints queue → satisfied (included) or rejected.
 */
describe('the hearing and the complaint over HTTP', () => {
  let e: E2eApp;
  /** Objected, heard, refused, complained of, satisfied: included. */
  let heard: string;
  /** Not heard, refused once the hearing's time ran out, complained of, rejected; complained of too late. */
  let unheard: string;
  /** Left proposed: the bad inputs aim at it, then the supervisor reopens it. */
  let proposed: string;
  const complaintOfHeard = randomUUID();
  const complaintOfUnheard = randomUUID();

  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    e.clock.set('2026-03-02T05:01:00.000Z');
    heard = await submitAndSign(e);
    unheard = await submitAndSign(e);
    proposed = await submitAndSign(e);
    await e.settle();
    e.clock.set('2026-03-10T06:00:00.000Z');
    for (const id of [heard, unheard, proposed]) await notEligible(e, id);
    await e.settle();
  });
  afterAll(() => e.close());

  const details = async (id: string) => (await e.as('supervisor').get(`/applications/${id}`).expect(200)).body.data;
  const hearings = async () => (await e.as('reviewer').get('/queues/hearings').expect(200)).body.data.items;
  const complaints = async () => (await e.as('supervisor').get('/queues/complaints').expect(200)).body.data.items;
  const metrics = async () => (await e.http.get('/metrics').expect(200)).text;

  it('a not-eligible review proposes the refusal: the hearings queue lists it, the details show the proposal', async () => {
    const items = await hearings();
    expect(items.map((item: { applicationId: string }) => item.applicationId).sort()).toEqual(
      [heard, unheard, proposed].sort(),
    );
    const item = items.find((i: { applicationId: string }) => i.applicationId === heard);
    expect(item).toEqual({
      applicationId: heard,
      applicantName: expect.any(String),
      region: 'pavlodar',
      category: 'kandas',
      source: 'review',
      grounds: GROUNDS,
      proposedAt: '2026-03-10T06:00:00.000Z',
      hearing: { way: expect.any(String), heldBy: expect.any(String) },
      noticeDueBy: expect.any(String),
      noticeLate: false,
      objections: 0,
      heardAt: null,
      dueAt: expect.any(String),
      clock: { state: expect.any(String), workingDaysLeft: expect.any(Number) },
    });
    expect(Date.parse(item.hearing.heldBy)).toBeGreaterThan(Date.parse(item.proposedAt));
    const dueAts = items.map((i: { dueAt: string }) => i.dueAt);
    expect(dueAts).toEqual([...dueAts].sort());

    const data = await details(heard);
    expect(data.status).toBe('refusal-proposed');
    expect(data.refusalProposal).toMatchObject({
      source: 'review',
      grounds: GROUNDS,
      proposedBy: 'review-process',
      objections: [],
      heard: null,
    });
    expect(data.complaints).toEqual([]);
    expect(data.revocations).toEqual([]);
    expect(await metrics()).toMatch(/kandas_hearings\{state="heard"\} 0/);
  });

  it('records the portal’s objection; a confirmation before the hearing or its time is 422, nothing appended', async () => {
    const objection = { objectionId: randomUUID(), text: 'The passport was renewed', documentsAdded: [] };
    const objected = await e.as('portal', 'egov').post(`/portal/applications/${heard}/objections`, objection);
    expect(objected.status).toBe(200);
    expect(objected.body.events).toEqual(['ApplicantObjected']);
    const early = await appendsNothing(e, () => e.as('supervisor').post(`/applications/${heard}/refusal/confirm`, {}));
    expectProblem(early, 422, 'APPLICATION.HEARING_WINDOW_OPEN');
  });

  it('records the hearing with who heard; then the supervisor confirms the refusal', async () => {
    await e.advanceTo('2026-03-11T06:00:00.000Z');
    const hearing = {
      heldAt: '2026-03-11T05:00:00.000Z',
      attendance: 'attended',
      statement: 'The applicant brought the renewed passport',
      documentsAdded: [{ title: 'Passport', reference: 'files/passport.pdf' }],
    };
    const held = await e.as('reviewer', 'reviewer-9').post(`/applications/${heard}/hearing`, hearing).expect(200);
    expect(held.body.events).toEqual(['HearingHeld']);
    const again = await appendsNothing(e, () => e.as('supervisor').post(`/applications/${heard}/hearing`, hearing));
    expectProblem(again, 422, 'APPLICATION.HEARING_ALREADY_HELD');
    await e.settle();
    const item = (await hearings()).find((i: { applicationId: string }) => i.applicationId === heard);
    expect(item).toMatchObject({ objections: 1, heardAt: '2026-03-11T05:00:00.000Z' });

    const confirmed = await e.as('supervisor').post(`/applications/${heard}/refusal/confirm`).expect(200);
    expect(confirmed.body.events).toEqual(['ApplicationRefused']);
    await e.settle();
    const data = await details(heard);
    expect(data.status).toBe('refused');
    expect(data.decision).toMatchObject({ outcome: 'refused', grounds: GROUNDS });
    expect(data.refusalProposal.objections).toEqual([
      expect.objectContaining({ text: 'The passport was renewed', documentsAdded: [] }),
    ]);
    expect(data.refusalProposal.heard).toEqual({ ...hearing, heardBy: 'reviewer-9' });
    expect((await hearings()).map((i: { applicationId: string }) => i.applicationId)).not.toContain(heard);
  });

  it('confirms an unheard refusal once the hearing’s time ran out', async () => {
    await confirmRefusal(e, unheard, { afterHearingWindow: true });
    expect((await details(unheard)).status).toBe('refused');
  });

  it('takes the portal’s complaints: the complaints queue lists them with their term, one open at a time', async () => {
    const portal = e.as('portal', 'egov');
    for (const [id, complaintId] of [
      [heard, complaintOfHeard],
      [unheard, complaintOfUnheard],
    ] as const) {
      const filed = await portal
        .post(`/portal/applications/${id}/complaints`, {
          complaintId,
          against: 'refusal',
          text: 'The refusal is wrong',
        })
        .expect(200);
      expect(filed.body.events).toEqual(['ComplaintFiled']);
    }
    const second = await appendsNothing(e, () =>
      portal.post(`/portal/applications/${heard}/complaints`, {
        complaintId: randomUUID(),
        against: 'refusal',
        text: 'Again',
      }),
    );
    expectProblem(second, 422, 'APPLICATION.COMPLAINT_ALREADY_OPEN');
    await e.settle();

    const items = await complaints();
    expect(items.map((i: { complaintId: string }) => i.complaintId).sort()).toEqual(
      [complaintOfHeard, complaintOfUnheard].sort(),
    );
    expect(items.find((i: { complaintId: string }) => i.complaintId === complaintOfHeard)).toEqual({
      applicationId: heard,
      complaintId: complaintOfHeard,
      applicantName: expect.any(String),
      region: 'pavlodar',
      against: 'refusal',
      filedAt: expect.any(String),
      considerBy: expect.any(String),
      atRisk: false,
      breached: false,
      escalated: false,
      clock: { state: 'on-time', workingDaysLeft: expect.any(Number) },
    });
    expect((await details(heard)).complaints).toEqual([
      expect.objectContaining({ complaintId: complaintOfHeard, state: 'open', against: 'refusal' }),
    ]);
    expect(await metrics()).toMatch(/kandas_complaints\{state="open"\} 2/);
  });

  it('a satisfied complaint revokes the refusal and includes the application, under a decision of its own', async () => {
    const refusal = (await details(heard)).decision.number as string;
    const satisfied = await e
      .as('supervisor')
      .post(`/applications/${heard}/complaints/${complaintOfHeard}/satisfy`, {
        remedy: 'include',
        reason: 'The renewed passport was valid',
      })
      .expect(200);
    expect(satisfied.body.events).toEqual(['ComplaintSatisfied', 'DecisionRevoked']);
    await e.settle();
    const data = await details(heard);
    expect(data.status).toBe('included');
    // Numbered apart from the refusal it replaces (an inclusion's own series).
    expect(data.decision.number).toMatch(/^KQ-2026-/);
    expect(data.decision.number).not.toBe(refusal);
    expect(data.revocations).toEqual([
      expect.objectContaining({
        revokedFrom: 'refused',
        remedy: 'include',
        decision: expect.objectContaining({ number: refusal }),
      }),
    ]);
    expect(data.complaints).toEqual([
      expect.objectContaining({ state: 'satisfied', remedy: 'include', decidedBy: 'supervisor-1', late: false }),
    ]);
  });

  it('refuses bad input naming the field, and appends nothing', async () => {
    const officer = e.as('supervisor');
    const badHearing = await appendsNothing(e, () =>
      officer.post(`/applications/${proposed}/hearing`, { heldAt: 'yesterday', attendance: 'maybe', statement: '' }),
    );
    expectFieldErrors(badHearing, ['heldAt', 'attendance', 'statement']);
    const future = await appendsNothing(e, () =>
      officer.post(`/applications/${proposed}/hearing`, {
        heldAt: '2027-01-01T00:00:00Z',
        attendance: 'absent',
        statement: 'Not come',
      }),
    );
    expectFieldErrors(future, ['heldAt'], 422, 'APPLICATION.INVALID_COMMAND');
    const withBody = await appendsNothing(e, () =>
      officer.post(`/applications/${proposed}/refusal/confirm`, { now: true }),
    );
    expectFieldErrors(withBody, ['now']);
    const objection = await appendsNothing(e, () =>
      e.as('portal', 'egov').post(`/portal/applications/${proposed}/objections`, {
        objectionId: 'x',
        text: 'No',
        documentsAdded: [{ title: 'A' }],
      }),
    );
    expectFieldErrors(objection, ['objectionId', 'documentsAdded[0].reference']);
    const complaint = await appendsNothing(e, () =>
      e.as('portal', 'egov').post(`/portal/applications/${proposed}/complaints`, {
        complaintId: randomUUID(),
        against: 'everything',
        text: 'No',
      }),
    );
    expectFieldErrors(complaint, ['against']);
    const authority = await appendsNothing(e, () =>
      officer.post(`/applications/${heard}/authority-decisions`, {
        authority: 'Committee',
        documentNumber: '1',
        date: '20.04.2026',
        outcome: 'maybe',
      }),
    );
    expectFieldErrors(authority, ['date', 'outcome']);
    const notOpen = await appendsNothing(e, () =>
      officer.post(`/applications/${heard}/complaints/${randomUUID()}/reject`, { reasons: 'None' }),
    );
    expectFieldErrors(notOpen, ['complaintId'], 422, 'APPLICATION.COMPLAINT_NOT_OPEN');
  });

  it('reopens a proposed refusal as eligible: the quota is asked again and the application included', async () => {
    const reopened = await e
      .as('supervisor')
      .post(`/applications/${proposed}/refusal/reopen`, { reason: 'The documents are valid after all' })
      .expect(200);
    expect(reopened.body.events).toEqual(['ReviewReopenedAsEligible']);
    await e.settle();
    expect((await details(proposed)).status).toBe('included');
    expect(await hearings()).toEqual([]);
  });

  it('a rejected complaint leaves the refusal; a complaint after the filing period is 422 naming filedAt', async () => {
    const rejected = await e
      .as('supervisor')
      .post(`/applications/${unheard}/complaints/${complaintOfUnheard}/reject`, { reasons: 'The grounds stand' })
      .expect(200);
    expect(rejected.body.events).toEqual(['ComplaintRejected']);
    await e.settle();
    const data = await details(unheard);
    expect(data.status).toBe('refused');
    expect(data.complaints).toEqual([
      expect.objectContaining({ state: 'rejected', reasons: 'The grounds stand', decidedBy: 'supervisor-1' }),
    ]);
    expect(await complaints()).toEqual([]);

    await e.advanceTo('2026-07-01T06:00:00.000Z');
    const late = await appendsNothing(e, () =>
      e.as('portal', 'egov').post(`/portal/applications/${unheard}/complaints`, {
        complaintId: randomUUID(),
        against: 'refusal',
        text: 'Late',
      }),
    );
    expectFieldErrors(late, ['filedAt'], 422, 'APPLICATION.COMPLAINT_PERIOD_OVER');
  });
});
