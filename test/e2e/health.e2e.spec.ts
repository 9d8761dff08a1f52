import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { E2eApp } from './support/e2e-app';

describe('health, metrics and the API description (no token needed)', () => {
  let e: E2eApp;
  beforeEach(async () => (e = await E2eApp.start()));
  afterEach(() => e.close());

  it('is live, and ready with the store, the read models and every subscription running', async () => {
    await e.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await e.http.get('/health').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: {
        // Not empty: the initial amendments of the law are recorded at start (ADR 22).
        eventStore: { status: 'up', head: expect.any(String) },
        readModels: { status: 'up' },
        subscriptions: { status: 'up', 'review-saga': 'running', applications: 'running' },
      },
      error: {},
    });
  });

  it('is not ready when the event store cannot answer', async () => {
    await e.app.get<EventStore>(EVENT_STORE).close();
    const response = await e.http.get('/health/ready').expect(503);
    expect(response.body).toMatchObject({
      status: 'error',
      error: { eventStore: { status: 'down', fault: 'closed', error: expect.stringContaining('closed') } },
    });
  });

  it('serves Swagger UI at /docs and the OpenAPI document generated from the DTOs', async () => {
    await e.http.get('/docs').expect(200).expect('Content-Type', /html/);
    const { body } = await e.http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/applications',
        '/applications/{id}/sign',
        '/quotas/{region}/{year}/{category}',
        '/dashboard/sla',
      ]),
    );
    expect(body.components.schemas.SubmitApplicationDto.required).toEqual(
      expect.arrayContaining(['consent', 'applicant', 'documents']),
    );
  });

  it('exposes Prometheus metrics', async () => {
    const { text } = await e.http
      .get('/metrics')
      .expect(200)
      .expect('Content-Type', /text\/plain/);
    for (const name of [
      'kandas_commands_total',
      'kandas_subscription_lag_events',
      'kandas_parked_events',
      'kandas_applications_at_risk',
      'kandas_applications_breached',
    ])
      expect(text).toContain(name);
  });

  it('sends the security headers', async () => {
    const response = await e.http.get('/health/live');
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': expect.stringContaining("default-src 'none'"),
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
