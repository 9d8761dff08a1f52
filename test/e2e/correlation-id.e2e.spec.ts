import { E2eApp } from './support/e2e-app';
import { openQuota, submissionBody } from './support/journeys';
import { eventsOfType } from './support/problems';

describe('every command answer names its correlation, in the body and the X-Correlation-Id header', () => {
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
  });
  afterAll(() => e.close());

  it('answers with the X-Correlation-Id the caller gave, the one its events carry', async () => {
    const submitted = await e
      .as('portal', 'egov')
      .post('/applications', submissionBody())
      .set('X-Correlation-Id', 'egov-request-77')
      .expect(201);
    expect(submitted.body.correlationId).toBe('egov-request-77');
    expect(submitted.headers['x-correlation-id']).toBe('egov-request-77');
    const [event] = await eventsOfType(e, 'ApplicationSubmitted', `application-${submitted.body.applicationId}`);
    expect(event!.metadata.correlationId).toBe('egov-request-77');
  });

  it('answers with the correlation it made when none was given, and the audit finds the command by it', async () => {
    const set = await e
      .as('admin')
      .post('/quotas/akmola/2026/kandas', { capacity: 285, order: { number: '', date: '2025-12-12' } })
      .expect(200);
    const { correlationId } = set.body as { correlationId: string };
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(set.headers['x-correlation-id']).toBe(correlationId);
    const audit = await e.as('auditor').get(`/audit/correlations/${correlationId}`).expect(200);
    expect(audit.body.events.map((event: { type: string }) => event.type)).toEqual(['QuotaCapacitySet']);
  });

  it('answers a retried command with the first attempt’s correlation', async () => {
    const send = (correlationId: string) =>
      e
        .as('admin')
        .post('/quotas/abai/2026/kandas', { capacity: 264, order: { number: '', date: '2025-12-12' } })
        .set('Idempotency-Key', 'quota-abai-0001')
        .set('X-Correlation-Id', correlationId)
        .expect(200);
    const first = await send('first-attempt');
    const retry = await send('second-attempt');
    expect(retry.body).toEqual({ ...first.body, alreadyHandled: true });
    expect(retry.body.correlationId).toBe('first-attempt');
    expect(retry.headers['x-correlation-id']).toBe('first-attempt');
  });
});
