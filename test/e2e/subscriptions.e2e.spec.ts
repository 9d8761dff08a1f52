import type { AllStreamRecordedEvent } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { SubscriptionsHost } from '@libs/event-sourcing-nest';
import { E2eApp, e2eEventStore } from './support/e2e-app';
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

  it('catches a stopped projection up over a backlog of many store pages, missing no event', async () => {
    const runner = e.app.get(SubscriptionsHost).runners.find((candidate) => candidate.name === 'applications')!;
    await runner.stop();
    const ids: string[] = [];
    try {
      // Each application is a handful of events: far more than one page (32) of an EventStoreDB read.
      for (let n = 0; n < 12; n++) ids.push(await submitAndSign(e));
    } finally {
      await runner.start();
    }
    await e.settle();
    for (const id of ids) {
      const answer = await e.as('reviewer').get(`/applications/${id}`).expect(200);
      expect({ id, etag: answer.headers.etag }).toEqual({
        id,
        etag: `"${await e.store.streamRevision(`application-${id}`)}"`,
      });
    }
  });

  // A real $all holds the events the server writes itself; the double writes them too (issue 22).
  const onEventStoreDb = e2eEventStore() === 'eventstoredb' ? it : it.skip;
  onEventStoreDb('on EventStoreDB, keeps up with a $all full of system events and counts none of them', async () => {
    const store = e.store as EventStoreDbEventStore;
    const rawAll = async (): Promise<AllStreamRecordedEvent[]> => {
      const out: AllStreamRecordedEvent[] = [];
      for await (const resolved of store.client.readAll()) out.push(resolved.event!);
      return out;
    };
    let raw = await rawAll();
    for (const deadline = Date.now() + 30_000; !raw.some((event) => event.type === '$statsCollected');) {
      if (Date.now() > deadline) throw new Error('no $statsCollected in $all');
      await new Promise((resolve) => setTimeout(resolve, 100));
      raw = await rawAll();
    }
    const system = raw.filter((event) => event.streamId.startsWith('$'));
    expect(system.map((event) => event.type)).toEqual(
      expect.arrayContaining(['$UserCreated', '$User', '$statsCollected']),
    );
    const head = (await store.headPosition())!;
    const ours = raw.filter((event) => !event.streamId.startsWith('$') && event.position.commit <= head);
    expect(await store.countUpTo(head)).toBe(ours.length);
    await e.settle();
    for (const item of (await listed()).items as Listed[])
      expect(item).toMatchObject({ state: 'running', lastFailure: null, positionsBehind: 0 });
  });

  it('takes no parameter', async () => {
    expectFieldErrors(await e.as('admin').get('/admin/subscriptions?limit=5'), ['limit']);
  });
});
