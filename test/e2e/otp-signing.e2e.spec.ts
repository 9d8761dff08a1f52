import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { EventStoreUnavailableError } from '@libs/event-sourcing';
import { E2eApp, E2E_START, e2eEventStore } from './support/e2e-app';
import type { ApplicationSubmission } from '@domain/application';
import { APPLICANT_IIN, freshSubmissionBody, openQuota, submissionBody } from './support/journeys';
import { appendsNothing, collect, expectProblem } from './support/problems';

/** Instances on one store share their secrets, as a deployment must. */
const SHARED_SECRETS = {
  KANDAS_JWT_SECRET: 'e2e JWT secret shared by both instances, 32+ characters',
  KANDAS_OTP_SECRET: 'e2e OTP secret shared by both instances, 32+ characters',
};

interface Issued {
  readonly otpRequestId: string;
  readonly code: string;
  readonly expiresAt: string;
  readonly revision: number;
}

const portalOf = (e: E2eApp) => e.as('portal', 'egov');

/** Submits the fixture family (signer APPLICANT_IIN) unless told: each store here holds one application of it. */
async function submit(e: E2eApp, body: ApplicationSubmission = submissionBody()): Promise<string> {
  return (await portalOf(e).post('/applications', body).expect(201)).body.applicationId as string;
}

async function issue(e: E2eApp, id: string, signerIin = APPLICANT_IIN): Promise<Issued> {
  return (await portalOf(e).post(`/applications/${id}/otp`, { signerIin }).expect(201)).body as Issued;
}

function sign(e: E2eApp, id: string, otp: { otpRequestId: string; code: string }, key: string, ifMatch?: number) {
  const request = portalOf(e)
    .post(`/applications/${id}/sign`, {
      method: 'otp',
      signerIin: APPLICANT_IIN,
      otpRequestId: otp.otpRequestId,
      code: otp.code,
    })
    .set('Idempotency-Key', key);
  return ifMatch === undefined ? request : request.set('If-Match', `"${ifMatch}"`);
}

const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

async function typesOf(e: E2eApp, id: string): Promise<string[]> {
  return (await collect(e.store.readStream(`application-${id}`))).map((event) => event.type);
}

function expectOtpProblem(response: Response, code: string, attemptsLeft: number): void {
  expectProblem(response, 422, code);
  expect(response.body.attemptsLeft).toBe(attemptsLeft);
}

describe('signing with a one-time code: the code lives in the application, and is used only by the append that signs', () => {
  let e: E2eApp;
  beforeEach(async () => {
    e = await E2eApp.start({ env: { KANDAS_SQLITE_BUSY_TIMEOUT_MS: '100' } });
    await openQuota(e);
  });
  afterEach(() => e.close());

  it('records the code as a keyed MAC with its expiry and attempts, never the code; the answer carries the revision', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    expect(otp).toMatchObject({
      code: expect.stringMatching(/^\d{6}$/),
      expiresAt: new Date(Date.parse(E2E_START) + 5 * 60_000).toISOString(),
      revision: 1,
      events: ['SigningCodeIssued'],
    });
    const [, recorded] = await collect(e.store.readStream(`application-${id}`));
    expect(recorded!.data).toEqual({
      applicationId: id,
      otpRequestId: otp.otpRequestId,
      codeMac: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      issuedAt: E2E_START,
      expiresAt: otp.expiresAt,
      maxAttempts: 3,
    });
    expect(JSON.stringify([recorded!.data, recorded!.metadata])).not.toContain(otp.code);
  });

  it('answers a wrong code 422 APPLICATION.OTP_WRONG with the attempts left, recording each; then OTP_LOCKED; a new code signs', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    const wrong = { ...otp, code: wrongCode(otp.code) };
    for (const [attempt, left] of [2, 1, 0].entries())
      expectOtpProblem(await sign(e, id, wrong, `wrong-code-${attempt}`), 'APPLICATION.OTP_WRONG', left);
    expect((await typesOf(e, id)).filter((type) => type === 'SigningCodeRejected')).toHaveLength(3);
    const locked = await appendsNothing(e, () => sign(e, id, otp, 'right-code-too-late'));
    expectOtpProblem(locked, 'APPLICATION.OTP_LOCKED', 0);

    const fresh = await issue(e, id);
    expect((await sign(e, id, fresh, 'fresh-code').expect(201)).body.events).toEqual(['ApplicationSigned']);
  });

  it('answers a retried wrong attempt alike, from the recorded attempt, and counts it once', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    const wrong = { ...otp, code: wrongCode(otp.code) };
    expectOtpProblem(await sign(e, id, wrong, 'wrong-once'), 'APPLICATION.OTP_WRONG', 2);
    expectOtpProblem(await appendsNothing(e, () => sign(e, id, wrong, 'wrong-once')), 'APPLICATION.OTP_WRONG', 2);
    // The same key for another code is another request: refused, not answered with the first result.
    expectProblem(await appendsNothing(e, () => sign(e, id, otp, 'wrong-once')), 422, 'REQUEST.IDEMPOTENCY_KEY_REUSED');
    await sign(e, id, otp, 'right-after-one-wrong').expect(201);
  });

  it('refuses an expired code 422 APPLICATION.OTP_EXPIRED from 5 minutes on, recording nothing', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    e.clock.advance({ minutes: 5 });
    expectOtpProblem(await appendsNothing(e, () => sign(e, id, otp, 'expired-code')), 'APPLICATION.OTP_EXPIRED', 0);
  });

  it('refuses a used code 422 APPLICATION.OTP_USED under a new key; under its own key it answers like the first time', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    const first = await sign(e, id, otp, 'sign-once').expect(201);
    const again = await sign(e, id, otp, 'sign-once').expect(201);
    expect(again.body).toEqual({ ...first.body, alreadyHandled: true });
    expectOtpProblem(await appendsNothing(e, () => sign(e, id, otp, 'sign-twice')), 'APPLICATION.OTP_USED', 0);
  });

  it('refuses a request issued for another application 422 APPLICATION.OTP_UNKNOWN', async () => {
    // The other application is another family's: a person is on one open application only (ADR 16).
    const otherFamily = freshSubmissionBody();
    const [id, other] = [await submit(e), await submit(e, otherFamily)];
    const otherOtp = await issue(e, other, otherFamily.applicant.iin);
    await issue(e, id);
    expectOtpProblem(
      await appendsNothing(e, () => sign(e, id, otherOtp, 'foreign-code')),
      'APPLICATION.OTP_UNKNOWN',
      0,
    );
  });

  it('signs on the retry after a 409 (stale If-Match), with the same code and key', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    const stale = await appendsNothing(e, () => sign(e, id, otp, 'sign-after-409', 0));
    expectProblem(stale, 409, 'EVENT_STORE.WRONG_EXPECTED_REVISION');
    const retried = await sign(e, id, otp, 'sign-after-409', otp.revision).expect(201);
    expect(retried.body).toMatchObject({ revision: otp.revision + 1, events: ['ApplicationSigned'] });
  });

  it('signs on the retry after a 503 (the store could not take the append), with the same code and key', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    await e.settle();
    const letGo = storeUnavailableFor(e);
    const refused = await appendsNothing(e, () => sign(e, id, otp, 'sign-after-503'));
    expectProblem(refused, 503, 'EVENT_STORE.UNAVAILABLE');
    letGo();
    const retried = await sign(e, id, otp, 'sign-after-503').expect(201);
    expect(retried.body).toMatchObject({ events: ['ApplicationSigned'], alreadyHandled: false });
  });

  it('signs on the retry after a lost answer: the retry answers like the first time', async () => {
    const id = await submit(e);
    const otp = await issue(e, id);
    const lost = await sign(e, id, otp, 'sign-answer-lost').expect(201);
    const retried = await sign(e, id, otp, 'sign-answer-lost').expect(201);
    expect(retried.body).toEqual({ ...lost.body, alreadyHandled: true });
  });
});

/**
 * Makes the store refuse writes until the returned function is called: on SQLite, another
 * connection holds the events file locked (as in test/reliability/store-faults); the EventStoreDB
 * double cannot be locked, so there its adapter's appends fail as an unreachable node's would.
 */
function storeUnavailableFor(e: E2eApp): () => void {
  if (e2eEventStore() === 'eventstoredb') {
    const append = jest
      .spyOn(e.store, 'append')
      .mockRejectedValue(new EventStoreUnavailableError('test: the node cannot be reached', { fault: 'unreachable' }));
    return () => append.mockRestore();
  }
  const holder = new Database(join(e.dir, 'events.sqlite'));
  holder.exec('BEGIN EXCLUSIVE');
  return () => {
    holder.exec('ROLLBACK');
    holder.close();
  };
}

describe('two instances on one store: codes and Idempotency-Keys hold on both', () => {
  let a: E2eApp;
  let b: E2eApp;
  beforeEach(async () => {
    a = await E2eApp.start({ env: SHARED_SECRETS });
    b = await E2eApp.beside(a, SHARED_SECRETS);
    await openQuota(a);
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  it('signs through one instance with a code issued through the other', async () => {
    const id = await submit(a);
    const otp = await issue(a, id);
    const signed = await sign(b, id, otp, 'sign-on-b').expect(201);
    expect(signed.body).toMatchObject({ revision: 2, events: ['ApplicationSigned'] });
  });

  it('counts wrong codes across instances: the limit holds wherever they are typed', async () => {
    const id = await submit(a);
    const otp = await issue(b, id);
    const wrong = { ...otp, code: wrongCode(otp.code) };
    expectOtpProblem(await sign(a, id, wrong, 'wrong-on-a'), 'APPLICATION.OTP_WRONG', 2);
    expectOtpProblem(await sign(b, id, wrong, 'wrong-on-b'), 'APPLICATION.OTP_WRONG', 1);
    expectOtpProblem(await sign(a, id, wrong, 'wrong-on-a-again'), 'APPLICATION.OTP_WRONG', 0);
    expectOtpProblem(await sign(b, id, otp, 'right-on-b'), 'APPLICATION.OTP_LOCKED', 0);
  });

  it('answers a retried command alike on either instance, and refuses its key reused for another request on both', async () => {
    const id = await submit(a);
    const otp = await issue(a, id);
    const first = await sign(a, id, otp, 'sign-key-shared').expect(201);
    const onB = await sign(b, id, otp, 'sign-key-shared').expect(201);
    expect(onB.body).toEqual({ ...first.body, alreadyHandled: true });
    const onA = await sign(a, id, otp, 'sign-key-shared').expect(201);
    expect(onA.body).toEqual(onB.body);

    const reused = { ...otp, code: wrongCode(otp.code) };
    for (const instance of [a, b])
      expectProblem(await sign(instance, id, reused, 'sign-key-shared'), 422, 'REQUEST.IDEMPOTENCY_KEY_REUSED');

    // The same on a submission: its key names one application on every instance. It is another
    // family's: the fixture family is on the application signed above (ADR 16).
    const post = (instance: E2eApp, body: object) =>
      portalOf(instance).post('/applications', body).set('Idempotency-Key', 'submit-key-shared');
    const family = freshSubmissionBody();
    const submitted = await post(a, family).expect(201);
    expect((await post(b, family).expect(201)).body).toEqual({ ...submitted.body, alreadyHandled: true });
    const another = {
      ...family,
      applicant: { ...family.applicant, contacts: { ...family.applicant.contacts, phone: '+77010000000' } },
    };
    for (const instance of [a, b]) expectProblem(await post(instance, another), 422, 'REQUEST.IDEMPOTENCY_KEY_REUSED');
  });
});
