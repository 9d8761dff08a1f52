import { signedContentOf, type ApplicationSubmission } from '@domain/application';
import { personDecider, personStreamId, type PersonEvent, type PersonState } from '@domain/person';
import { applicationDigest } from '@libs/workflow';
import { E2eApp } from './support/e2e-app';
import {
  ALL_ACCEPTED,
  freshSubmissionBody,
  openQuota,
  reviewEligible,
  submitAndSign,
  confirmRefusal,
} from './support/journeys';
import { collect, eventsOfType, expectProblem } from './support/problems';
import { holdAppends } from './support/race';
import { APPLICANT_IIN } from '../domain/application/fixtures';
import { randomUUID } from 'node:crypto';

/** The IIN the check from outside found included twice in Pavlodar 2026. */
const IIN = APPLICANT_IIN;

/** A new family whose applicant is the person. */
const asApplicant = (iin: string): ApplicationSubmission =>
  freshSubmissionBody((s) => ({ ...s, applicant: { ...s.applicant, iin } }));

/** A new family in which the person moves as the spouse (`familyMembers[0]`). */
const asSpouse = (iin: string): ApplicationSubmission => {
  const body = freshSubmissionBody();
  return { ...body, familyMembers: body.familyMembers.map((m, i) => (i === 0 ? { ...m, iin } : m)) };
};

async function personState(e: E2eApp, iin: string): Promise<PersonState> {
  const events = await collect(e.store.readStream(personStreamId(iin)));
  return events.reduce(
    (state, { type, data }) => personDecider.evolve(state, { type, data } as PersonEvent),
    personDecider.initialState(),
  );
}

describe('every person once: one open application, one inclusion (ADR 16)', () => {
  let e: E2eApp;
  beforeEach(async () => {
    e = await E2eApp.start();
    await openQuota(e);
  });
  afterEach(() => e.close());

  it('of 50 submissions naming one IIN at once (as applicant on some, as spouse on others), exactly one is open; the 49 others get the coded refusal naming their own field', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? asApplicant(IIN) : asSpouse(IIN)));
    // Every racer decides its claim on the same (empty) stream before any claim is stored.
    const race = holdAppends(e, personStreamId(IIN), 50);
    const answers = await Promise.all(bodies.map((body) => e.as('portal', 'egov').post('/applications', body)));
    race.restore();
    expect(race.stats).toMatchObject({ held: 50, timedOut: false });

    const accepted = answers.filter((response) => response.status === 201);
    expect(accepted).toHaveLength(1);
    answers.forEach((response, i) => {
      if (response.status === 201) return;
      expectProblem(response, 409, 'PERSON.HAS_OPEN_APPLICATION');
      expect(response.body.errors).toEqual([
        { field: i % 2 === 0 ? 'applicant.iin' : 'familyMembers[0].iin', reason: expect.any(String) },
      ]);
      expect(response.body).not.toHaveProperty('otherApplication');
    });
    const submitted = await eventsOfType(e, 'ApplicationSubmitted');
    expect(submitted.map((event) => event.streamId)).toEqual([`application-${accepted[0]!.body.applicationId}`]);
    expect(await personState(e, IIN)).toMatchObject({
      status: 'claimed',
      claim: { applicationId: accepted[0]!.body.applicationId },
    });
    // The refused submissions took their other persons first (IIN order) and gave them back.
    const others = bodies
      .filter((_, i) => answers[i]!.status !== 201)
      .flatMap((body) => [body.applicant.iin, ...body.familyMembers.map((m) => m.iin)])
      .filter((iin): iin is string => iin !== undefined && iin !== IIN);
    for (const iin of others) expect((await personState(e, iin)).status).toBe('free');
  });

  it('refuses a second submission: the officer sees the other application and the person’s role there, the portal does not; nothing is appended to an application', async () => {
    const first = await submitAndSign(e, asSpouse(IIN));
    const byPortal = await e.as('portal', 'egov').post('/applications', asApplicant(IIN));
    expectProblem(byPortal, 409, 'PERSON.HAS_OPEN_APPLICATION');
    expect(byPortal.body.errors).toEqual([{ field: 'applicant.iin', reason: expect.any(String) }]);
    expect(byPortal.body).not.toHaveProperty('otherApplication');
    expect(JSON.stringify(byPortal.body)).not.toContain(first);

    const byOperator = await e.as('operator', 'con-operator').post('/applications', asSpouse(IIN));
    expectProblem(byOperator, 409, 'PERSON.HAS_OPEN_APPLICATION');
    expect(byOperator.body.errors).toEqual([{ field: 'familyMembers[0].iin', reason: expect.any(String) }]);
    expect(byOperator.body.otherApplication).toEqual({ applicationId: first, role: 'family-member' });
    expect(await eventsOfType(e, 'ApplicationSubmitted')).toHaveLength(1);
  });

  it('answers a retried submission (same Idempotency-Key) from its own claims, once', async () => {
    const post = () =>
      e.as('portal', 'egov').post('/applications', asApplicant(IIN)).set('Idempotency-Key', 'persons-01');
    const body = asApplicant(IIN);
    const send = () => e.as('portal', 'egov').post('/applications', body).set('Idempotency-Key', 'persons-02');
    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.body).toMatchObject({ applicationId: first.body.applicationId, alreadyHandled: true });
    expectProblem(await post(), 409, 'PERSON.HAS_OPEN_APPLICATION');
  });

  it('releases the persons of a withdrawn or refused application: they may apply again', async () => {
    const withdrawn = await submitAndSign(e, asApplicant(IIN));
    await e
      .as('portal', 'egov')
      .post(`/applications/${withdrawn}/withdraw`, { reason: 'The family stays' })
      .expect(200);
    await e.settle();
    expect((await personState(e, IIN)).status).toBe('free');

    const refused = await submitAndSign(e, asSpouse(IIN));
    await e
      .as('supervisor')
      .post(`/applications/${refused}/refuse`, { grounds: ['APPLICANT_NOT_ELIGIBLE'], explanation: 'No registration' })
      .expect(200);
    await e.settle();
    // Proposed, not yet refused: the person is still the application's until the refusal is final (ADR 32).
    expect((await personState(e, IIN)).status).toBe('claimed');
    await confirmRefusal(e, refused);
    expect((await personState(e, IIN)).status).toBe('free');

    await e.as('portal', 'egov').post('/applications', asApplicant(IIN)).expect(201);
  });

  it('refuses a person already included: PERSON.ALREADY_INCLUDED, support is received once', async () => {
    const included = await submitAndSign(e, asApplicant(IIN));
    await reviewEligible(e, included);
    await e.settle();
    expect(await personState(e, IIN)).toMatchObject({ status: 'included', inclusion: { applicationId: included } });

    const again = await e.as('operator', 'con-operator').post('/applications', asSpouse(IIN));
    expectProblem(again, 409, 'PERSON.ALREADY_INCLUDED');
    expect(again.body.otherApplication).toEqual({ applicationId: included, role: 'applicant' });
    await openQuota(e, 200, 'kostanay', 2026, 'kandas');
    const inOtherRegion = await e.as('portal', 'egov').post('/applications', {
      ...asApplicant(IIN),
      region: 'kostanay',
      settlement: { kind: 'city', name: 'Kostanay' },
    });
    expectProblem(inOtherRegion, 409, 'PERSON.ALREADY_INCLUDED');
  });

  it('refuses on DUPLICATE_OR_SUPPORT_RECEIVED the review of an application stored before this rule, whose person was included meanwhile', async () => {
    // An application stored before the Person aggregate existed: its persons were never claimed.
    const legacy = randomUUID();
    const submission = asSpouse(IIN);
    await e.store.append(
      `application-${legacy}`,
      [
        {
          eventId: randomUUID(),
          type: 'ApplicationSubmitted',
          schemaVersion: 1,
          data: {
            applicationId: legacy,
            // Stored before ADR 20 too: in the submission's v1 shape, signed over it.
            submission: signedContentOf(submission, 1),
            digest: applicationDigest(submission, 1),
            documentPolicyVersion: '2026.1',
            submittedAt: e.clock.now().toISOString(),
          },
          metadata: {
            correlationId: legacy,
            causationId: legacy,
            commandId: legacy,
            actor: { id: 'egov', role: 'portal' },
            occurredAt: e.clock.now().toISOString(),
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    const portal = e.as('portal', 'egov');
    const otp = await portal.post(`/applications/${legacy}/otp`, { signerIin: submission.applicant.iin }).expect(201);
    await portal
      .post(`/applications/${legacy}/sign`, {
        method: 'otp',
        signerIin: submission.applicant.iin,
        otpRequestId: otp.body.otpRequestId,
        code: otp.body.code,
      })
      .expect(201);

    const included = await submitAndSign(e, asApplicant(IIN));
    await reviewEligible(e, included);
    await e.settle();

    await e.as('reviewer', 'reviewer-2').post(`/applications/${legacy}/review/start`).expect(200);
    await e
      .as('reviewer', 'reviewer-2')
      .post(`/applications/${legacy}/review`, { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] })
      .expect(200);
    await confirmRefusal(e, legacy);
    const { body } = await e.as('reviewer').get(`/applications/${legacy}`).expect(200);
    expect(body.data).toMatchObject({ status: 'refused', decision: { grounds: ['DUPLICATE_OR_SUPPORT_RECEIVED'] } });
    expect(await eventsOfType(e, 'SeatsReserved', `regional-quota-pavlodar-2026-kandas`)).toHaveLength(1);
  });

  it('masks the IIN in a Person stream’s id in masked exports', async () => {
    await submitAndSign(e, asApplicant(IIN));
    const masked = await e
      .as('auditor')
      .get(`/audit/export?stream=${personStreamId(IIN)}&format=jsonl`)
      .expect(200);
    expect(masked.text).toContain('PersonClaimed');
    expect(masked.text).not.toContain(IIN);
    expect(masked.text).toContain(`person-**********${IIN.slice(10)}`);
  });
});
