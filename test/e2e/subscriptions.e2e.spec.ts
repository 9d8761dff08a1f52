import { SubscriptionsHost } from '@libs/event-sourcing-nest';
import { E2eApp } from './support/e2e-app';
import { openQuota, submitAndSign } from './support/journeys';
import { expectFieldErrors } from './support/problems';

interface Listed {
  name: string;
  state: string;
  checkpoint: string | null;
  progress: string | null;
  positionsBehind: number;
  lastFailure: string | null;
}

/** The operators' view of the subscriptions: each one's state and how far it trails the store's head. */
describe('GET /admin/subscriptions', () => {
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    await submitAndSign(e);
    await e.settle();
  });
  afterAll(() => e.close());

  const listed = async () => (await e.as('operator').get('/admin/subscriptions').expect(200)).body;

  it('lists every runner of the instance, running, with the store head the readiness check reports', async () => {
    const body = await listed();
    const health = await e.http.get('/health/ready').expect(200);
    expect(body.storeHead).toBe(health.body.details.eventStore.head);
    const names = (body.items as Listed[]).map((item) => item.name);
    expect(names).toEqual(e.app.get(SubscriptionsHost).runners.map((runner) => runner.name));
    expect(names).toEqual(expect.arrayContaining(['review-saga', 'applications']));
    const position = (value: string | null) => value === null || /^\d+$/.test(value);
    for (const item of body.items as Listed[]) {
      expect(item).toMatchObject({ state: 'running', lastFailure: null, positionsBehind: expect.any(Number) });
      expect([position(item.checkpoint), position(item.progress)]).toEqual([true, true]);
    }
  });

  it('shows a stopped subscription trailing the head by what was appended since, and caught up once started again', async () => {
    const runner = e.app.get(SubscriptionsHost).runners.find((candidate) => candidate.name === 'applications')!;
    await runner.stop();
    try {
      await submitAndSign(e);
      const stopped = (await listed()).items.find((item: Listed) => item.name === 'applications') as Listed;
      expect(stopped.state).toBe('stopped');
      expect(stopped.positionsBehind).toBeGreaterThan(0);
    } finally {
      await runner.start();
    }
    await e.settle();
    const body = await listed();
    const resumed = body.items.find((item: Listed) => item.name === 'applications') as Listed;
    expect(resumed.state).toBe('running');
    expect(BigInt(resumed.checkpoint!)).toBeGreaterThan(0n);
  });

  it('takes no parameter', async () => {
    expectFieldErrors(await e.as('admin').get('/admin/subscriptions?limit=5'), ['limit']);
  });
});
