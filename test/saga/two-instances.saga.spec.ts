import { TestClock } from '@libs/testing';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { SagaHarness, START } from './support/saga-harness';
import { review, submitAndSign } from './support/scenario';

/**
 * Two instances of the service on one EventStoreDB: each runs every subscription, so both sagas see
 * every event and both issue the same commands (same ids). The work is done twice; the effects once.
 */
describe('two instances on one store', () => {
  let server: EventStoreDbWireDouble;
  let a: SagaHarness;
  let b: SagaHarness;

  beforeEach(async () => {
    server = await EventStoreDbWireDouble.start();
    const env = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString };
    const clock = new TestClock(START);
    a = await SagaHarness.start({ env, clock });
    b = await SagaHarness.start({ env, clock });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await server.stop();
  });

  const settleBoth = async () => {
    for (let round = 0; round < 3; round++) {
      await a.settle();
      await b.settle();
    }
  };

  it('grants each subsidy once, reserves seats once and schedules one deadline, though both sagas react', async () => {
    await a.openQuota('pavlodar', 2026, 'kandas', 977);
    const ids = [await submitAndSign(a), await submitAndSign(b)];
    await settleBoth();
    await review(a, ids[0]!, 'eligible');
    await review(b, ids[1]!, 'eligible', 'reviewer-2');
    await settleBoth();
    await a.advanceTo('2026-04-30T05:00:00.000Z');
    await b.advanceTo('2026-04-30T05:00:01.000Z');
    await settleBoth();

    for (const id of ids) {
      const types = await a.typesOf(id);
      expect(types.filter((t) => t === 'ReviewDeadlineScheduled')).toHaveLength(1);
      expect(types.filter((t) => t === 'ApplicationIncluded')).toHaveLength(1);
      expect(types.filter((t) => t === 'SubsidyGranted')).toHaveLength(2);
    }
    const quota = await a.quotaEvents('pavlodar', 2026, 'kandas');
    expect(quota.filter((e) => e.type === 'SeatsReserved')).toHaveLength(2);
    expect(quota.at(-1)!.data).toMatchObject({ seatsTaken: 6 });
    // Both instances' read models agree.
    expect(await b.typesOf(ids[0]!)).toEqual(await a.typesOf(ids[0]!));
  });
});
