import { join } from 'node:path';
import { orderedCapacities } from '@domain/quota';
import type { RecordedEvent } from '@libs/event-sourcing';
import { recordPublishedQuotaOrders } from '../../apps/back-office/src/startup/quota-orders.step';
import { E2eApp, e2eEventStore } from './support/e2e-app';
import { submitAndSign } from './support/journeys';

const ORDERED = orderedCapacities().capacities;
const ORDER_2026 = { number: '', date: '2025-12-12' };

async function capacityEvents(e: E2eApp): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of e.store.readAll({ fromPosition: 'start', filter: { eventTypes: ['QuotaCapacitySet'] } }))
    events.push(event);
  return events;
}

async function quotaStream(e: E2eApp, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of e.store.readStream(stream)) events.push(event);
  return events;
}

describe('the published quota orders, recorded when the service starts', () => {
  let e: E2eApp;
  afterEach(() => e.close());

  it('lets a fresh store take an application at once: no quota call before submitting', async () => {
    e = await E2eApp.start({ recordQuotaOrders: true });
    const id = await submitAndSign(e);
    expect(id).toEqual(expect.any(String));
    const events = await capacityEvents(e);
    expect(events).toHaveLength(ORDERED.length);
    expect(events[0]).toMatchObject({
      streamId: 'regional-quota-pavlodar-2026-kandas',
      data: { region: 'pavlodar', year: 2026, category: 'kandas', capacity: 977, order: ORDER_2026 },
      metadata: { actor: { id: 'quota-orders', role: 'system' } },
    });
    await e.settle();
    const quotas = await e.as('admin').get('/quotas?year=2026').expect(200);
    expect(JSON.stringify(quotas.body)).toContain('karaganda');
  });

  it('appends nothing on a second start', async () => {
    e = await E2eApp.start({ recordQuotaOrders: true });
    const head = await e.head();
    const restarted = await e.restart();
    expect(await restarted.head()).toBe(head);
    expect(await recordPublishedQuotaOrders(restarted.app)).toMatchObject({ recorded: 0, alreadySet: ORDERED.length });
    expect(await capacityEvents(restarted)).toHaveLength(ORDERED.length);
  });

  it("keeps an administrator's later change across a restart", async () => {
    e = await E2eApp.start({ recordQuotaOrders: true });
    const order = { number: '12-01/500', date: '2026-03-01' };
    await e.as('admin').post('/quotas/pavlodar/2026/kandas', { capacity: 1000, order }).expect(200);
    const restarted = await e.restart();
    const stream = await quotaStream(restarted, 'regional-quota-pavlodar-2026-kandas');
    expect(stream.map((event) => (event.data as { capacity: number }).capacity)).toEqual([977, 1000]);
    expect(stream.at(-1)).toMatchObject({ data: { order }, metadata: { actor: { role: 'admin' } } });
  });

  it('leaves alone a quota an administrator (or the seed) set before the first start', async () => {
    e = await E2eApp.start();
    await e
      .as('admin')
      .post('/quotas/abai/2026/kandas', { capacity: 10, order: { number: '1', date: '2026-01-05' } })
      .expect(200);
    expect(await recordPublishedQuotaOrders(e.app)).toMatchObject({ recorded: ORDERED.length - 1, alreadySet: 1 });
    const stream = await quotaStream(e, 'regional-quota-abai-2026-kandas');
    expect(stream.map((event) => (event.data as { capacity: number }).capacity)).toEqual([10]);
  });

  it('records each capacity once when two instances start together on one store', async () => {
    e = await E2eApp.start();
    const other = await E2eApp.start({
      sharing: e,
      env: { KANDAS_READ_MODELS_FILE: join(e.dir, 'read-models-of-the-other-instance.sqlite') },
    });
    try {
      const outcomes = await Promise.all([recordPublishedQuotaOrders(e.app), recordPublishedQuotaOrders(other.app)]);
      expect(await capacityEvents(e)).toHaveLength(ORDERED.length);
      // EventStoreDB stores two identical appends in flight at once once, but reports both as written
      // (infra/event-store/eventstoredb/README.md): there only the events are counted exactly.
      const reported = outcomes[0].recorded + outcomes[1].recorded;
      if (e2eEventStore() === 'eventstoredb') expect(reported).toBeGreaterThanOrEqual(ORDERED.length);
      else expect(reported).toBe(ORDERED.length);
    } finally {
      await other.close();
    }
  });
});
