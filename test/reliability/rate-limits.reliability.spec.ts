import type { Response } from 'supertest';
import { E2eApp } from '../e2e/support/e2e-app';
import { openQuota, submissionBody, submitAndSign } from '../e2e/support/journeys';
import { appendsNothing, expectProblem } from '../e2e/support/problems';

/**
 * Rate limits on the command endpoints, against the real HTTP app: per actor, by role, on the
 * service clock (the test moves it; nothing sleeps). Supervisors here get 1 command a second with a
 * burst of 3, the portal 2 a second with a burst of 4 — through @nestjs/throttler, 3 commands in any
 * 3 s and 4 in any 2 s (ADR 10).
 */
/** Admitted past the limiter: whatever the command's own answer (an escalation is taken once, then 422). */
function expectAdmitted(response: Response): void {
  expect(response.status).not.toBe(429);
  expect(response.headers['ratelimit-remaining']).toBeDefined();
}

describe('command rate limits, per actor and role', () => {
  let e: E2eApp;
  beforeEach(async () => {
    e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'supervisor=1/3,portal=2/4' } });
    await openQuota(e);
  });
  afterEach(() => e.close());

  it('refuses the command after the burst with 429, Retry-After and nothing appended; reads stay open', async () => {
    const id = await submitAndSign(e); // 3 portal commands of 4
    const supervisor = e.as('supervisor', 'supervisor-7');
    for (const expected of ['2', '1', '0']) {
      const response = await supervisor.post(`/applications/${id}/escalate`, {
        reason: 'a second opinion on the diploma',
      });
      expect(response.headers['ratelimit-remaining']).toBe(expected);
    }
    const refused = await appendsNothing(e, () =>
      supervisor.post(`/applications/${id}/escalate`, { reason: 'once more' }),
    );
    expectProblem(refused, 429, 'REQUEST.RATE_LIMITED');
    expect(refused.headers).toMatchObject({ 'retry-after': '3', 'ratelimit-limit': '3', 'ratelimit-remaining': '0' });
    expect(refused.body.detail).toContain('supervisor supervisor-7 may send 3 commands in any 3 s');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    await supervisor.get(`/applications/${id}`).expect(200);
  });

  it('limits each actor on its own: another supervisor, a reviewer and the portal are not slowed down', async () => {
    const id = await submitAndSign(e);
    const first = e.as('supervisor', 'supervisor-1');
    for (let i = 0; i < 3; i++) await first.post(`/applications/${id}/escalate`, { reason: 'a second opinion' });
    expectProblem(await first.post(`/applications/${id}/escalate`, { reason: 'once more' }), 429);
    expectAdmitted(
      await e.as('supervisor', 'supervisor-2').post(`/applications/${id}/escalate`, { reason: 'my own view' }),
    );
    await e.as('reviewer', 'reviewer-1').post(`/applications/${id}/review/start`).expect(200); // no limit given: the default
    await e.as('portal', 'egov').post('/applications', submissionBody()).expect(201); // the portal's 4th
    expectProblem(await e.as('portal', 'egov').post('/applications', submissionBody()), 429);
  });

  it('admits again once the oldest command of the window has aged out on the service clock', async () => {
    const id = await submitAndSign(e);
    const supervisor = e.as('supervisor', 'supervisor-1');
    for (let i = 0; i < 3; i++) await supervisor.post(`/applications/${id}/escalate`, { reason: 'a second opinion' });
    expectProblem(await supervisor.post(`/applications/${id}/escalate`, { reason: 'once more' }), 429);
    e.clock.advance({ milliseconds: 2999 });
    expectProblem(await supervisor.post(`/applications/${id}/escalate`, { reason: 'once more' }), 429);
    e.clock.advance({ milliseconds: 1 });
    expectAdmitted(await supervisor.post(`/applications/${id}/escalate`, { reason: 'once more' }));
  });

  it('counts refusals in the metrics, by role', async () => {
    const id = await submitAndSign(e);
    const supervisor = e.as('supervisor', 'supervisor-1');
    for (let i = 0; i < 5; i++) await supervisor.post(`/applications/${id}/escalate`, { reason: 'a second opinion' });
    const { text } = await e.http.get('/metrics').expect(200);
    expect(text).toContain('kandas_commands_rate_limited_total{role="supervisor"} 2');
  });

  it('checks who the caller is first: a request without a valid token is 401, not a spent token', async () => {
    const response = await e.http.post('/applications').send(submissionBody());
    expectProblem(response, 401, 'AUTH.UNAUTHENTICATED');
    expect(response.headers['ratelimit-limit']).toBeUndefined();
  });

  it('limits the development sign-in, which needs no token, per client address at the strictest limit of any role', async () => {
    const signIn = (userId: string) => e.http.post('/auth/dev-sign-in').send({ role: 'reviewer', userId });
    for (const expected of ['2', '1', '0'])
      expect((await signIn(`reviewer-${expected}`).expect(200)).headers['ratelimit-remaining']).toBe(expected);
    const refused = await signIn('reviewer-9');
    expectProblem(refused, 429, 'REQUEST.RATE_LIMITED');
    expect(refused.body.detail).toMatch(/^the address \S+ may send 3 commands in any 3 s/);
    expect(refused.body.token).toBeUndefined();
    // Signing in as another user is no way around it; a signed-in actor has its own window.
    expectProblem(await signIn('someone-else'), 429);
    await e.as('supervisor', 'supervisor-1').get('/auth/me').expect(200);
    e.clock.advance({ seconds: 3 });
    await signIn('reviewer-9').expect(200);
  });
});

describe('command rate limits switched off (a gateway in front limits instead)', () => {
  it('admits every command and sends no rate-limit headers', async () => {
    const e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'off' } });
    try {
      await openQuota(e);
      const id = await submitAndSign(e);
      for (let i = 0; i < 100; i++)
        await e
          .as('supervisor')
          .post(`/applications/${id}/escalate`, { reason: 'a second opinion' })
          .expect((r) =>
            expect({ status: r.status === 429, header: r.headers['ratelimit-limit'] }).toEqual({
              status: false,
              header: undefined,
            }),
          );
    } finally {
      await e.close();
    }
  });
});
