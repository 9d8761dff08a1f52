import type { Readable, Writable } from 'node:stream';
import { FORWARDS, START } from '@eventstore/db-client';
import { ConfigError, readRuntimeConfig } from '@infra/config/runtime-config';
import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { openEventStore } from '@infra/event-store/open-event-store';
import { EventStoreUnavailableError, Position, RecordedEvent } from '@libs/event-sourcing';
import {
  collect,
  eventually,
  expectStrictlyIncreasing,
  idsOf,
  newEvent,
  newEvents,
  newMetadata,
  Puller,
  rejectionOf,
} from './fixtures';
import { eventStoreDbRigs } from './support/eventstoredb-rig';

/** What the contract cannot say about the EventStoreDB adapter: positions, drops, filters, wiring. */

const rig = eventStoreDbRigs();

const TWO_POW_53 = 2n ** 53n;

describe('EventStoreDB adapter: positions above 2^53', () => {
  const firstPosition = TWO_POW_53 + 10n;

  async function seed(store: EventStoreDbEventStore) {
    await store.append('application-1', newEvents(3), { expectedRevision: 'no-stream' });
    await store.append('quota-2025', newEvents(2), { expectedRevision: 'no-stream' });
    const last = await store.append('application-1', newEvents(2), { expectedRevision: 2 });
    return { last, all: await collect(store.readAll()) };
  }

  it('are the server commit positions exactly, in every read and in the append result', async () => {
    const { store, rawClient } = await rig({ firstPosition, batchAppend: true });
    const { last, all } = await seed(store);
    expect(all).toHaveLength(7);
    all.forEach((event) => expect(typeof event.position).toBe('bigint'));
    expect(all[0]!.position > firstPosition).toBe(true); // after the epoch record and the system events
    expectStrictlyIncreasing(all.map((event) => event.position));
    // Not one of them survives a trip through Number: they were never converted.
    expect(all.some((event) => BigInt(Number(event.position)) !== event.position)).toBe(true);

    const raw: bigint[] = [];
    for await (const resolved of rawClient().readAll({ fromPosition: START, direction: FORWARDS }))
      if (!resolved.event!.streamId.startsWith('$')) raw.push(resolved.event!.position.commit);
    expect(all.map((event) => event.position)).toEqual(raw);

    expect(last.position).toBe(all[6]!.position);
    expect(await store.headPosition()).toBe(all[6]!.position);
    const stream = await collect(store.readStream('application-1'));
    expect(stream.map((event) => event.position)).toEqual([0, 1, 2, 5, 6].map((i) => all[i]!.position));
    const backwards = await collect(store.readStream('application-1', { direction: 'backwards' }));
    expect(backwards.map((event) => event.position)).toEqual([6, 5, 2, 1, 0].map((i) => all[i]!.position));
  });

  it('start readAll at such a position (inclusive) and subscriptions after it (exclusive)', async () => {
    const { store } = await rig({ firstPosition, batchAppend: false });
    const { all } = await seed(store);
    const from = all[3]!.position;
    expect(from > TWO_POW_53).toBe(true);
    expect(idsOf(await collect(store.readAll({ fromPosition: from })))).toEqual(idsOf(all.slice(3)));
    expect(idsOf(await collect(store.readAll({ fromPosition: from + 1n })))).toEqual(idsOf(all.slice(4)));

    const puller = new Puller(store.subscribeToAll({ fromPosition: from }));
    const caughtUp = await puller.take(3);
    expect(caughtUp.map((event) => event.position)).toEqual(all.slice(4).map((event) => event.position));
    const live = newEvent('Tested', { live: true });
    const { position } = await store.append('quota-2025', [live], { expectedRevision: 1 });
    const [delivered] = await puller.take(1);
    expect(delivered!.eventId).toBe(live.eventId);
    expect(delivered!.position).toBe(position);
    expect(delivered!.position > all[6]!.position).toBe(true);
    await puller.subscription.close();

    // A checkpoint taken from the subscription resumes exactly after it.
    const resumed = new Puller(store.subscribeToAll({ fromPosition: caughtUp[1]!.position }));
    expect(idsOf(await resumed.take(2))).toEqual([caughtUp[2]!.eventId, live.eventId]);
    await resumed.subscription.close();
  });
});

describe('EventStoreDB adapter: a dropped subscription comes back', () => {
  it.each([true, false])(
    'after dropSubscriptions() it goes on with no gap and no duplicate (BatchAppend: %s)',
    async (batchAppend) => {
      const { double, store, waits } = await rig({ batchAppend });
      const first = newEvents(10);
      await store.append('application-1', first, { expectedRevision: 'no-stream' });
      const puller = new Puller(store.subscribeToAll({ fromPosition: 'start' }));
      // Three taken; the client has more buffered, which the drop throws away.
      const before = await puller.take(3);
      double.dropSubscriptions();
      const second = newEvents(5);
      await store.append('application-2', second, { expectedRevision: 'no-stream' });
      const after = await puller.take(12);
      expect(idsOf([...before, ...after])).toEqual([...idsOf(first), ...idsOf(second)]);
      expect(waits.length).toBeGreaterThanOrEqual(1);
      expect(waits[0]).toBe(100);

      // Dropped again while waiting for a live event.
      const pending = puller.next();
      double.dropSubscriptions();
      const third = newEvent('Tested', {});
      await store.append('application-3', [third], { expectedRevision: 'no-stream' });
      await expect(pending).resolves.toMatchObject({ done: false, value: { eventId: third.eventId } });
      await puller.subscription.close();
    },
  );

  it('a filtered subscription resumes after the last event or checkpoint it handed over', async () => {
    const { double, store } = await rig();
    const reached: Position[] = [];
    const wanted = newEvents(3, 'Wanted');
    await store.append('application-1', [wanted[0]!], { expectedRevision: 'no-stream' });
    // More than the server's window of 32 events: checkpoints on the way.
    await store.append('quota-1', newEvents(80, 'Unwanted'), { expectedRevision: 'no-stream' });
    await store.append('application-1', [wanted[1]!], { expectedRevision: 0 });
    const puller = new Puller(
      store.subscribeToAll({
        fromPosition: 'start',
        filter: { eventTypes: ['Wanted'] },
        onCheckpoint: (p) => reached.push(p),
      }),
    );
    expect(idsOf(await puller.take(2))).toEqual(idsOf(wanted.slice(0, 2)));
    double.dropSubscriptions();
    await store.append('application-1', [wanted[2]!], { expectedRevision: 1 });
    expect(idsOf(await puller.take(1))).toEqual([wanted[2]!.eventId]);
    expectStrictlyIncreasing(reached);
    await puller.subscription.close();
  });

  it('gives up after the bounded number of attempts, with waits that double up to the bound', async () => {
    const { double, store, waits, open } = await rig();
    const limited = open({
      resubscribe: { initialDelayMs: 10, maxDelayMs: 40, maxAttempts: 4, wait: async (ms) => void waits.push(ms) },
    });
    await store.append('application-1', newEvents(1), { expectedRevision: 'no-stream' });
    const puller = new Puller(limited.subscribeToAll({ fromPosition: 'start' }));
    await puller.take(1);
    const pending = puller.next();
    await double.stop(); // the server is gone for good: every re-subscription fails
    const error = await rejectionOf(pending);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(waits).toEqual([10, 20, 40, 40]);
  });

  it('close() while it waits between attempts ends it as done', async () => {
    let release!: () => void;
    const { double, store, open } = await rig();
    const waiting = open({ resubscribe: { wait: () => new Promise<void>((resolve) => (release = resolve)) } });
    await store.append('application-1', newEvents(1), { expectedRevision: 'no-stream' });
    const puller = new Puller(waiting.subscribeToAll());
    await puller.take(1);
    const pending = puller.next();
    double.dropSubscriptions();
    await eventually(() => release !== undefined);
    await puller.subscription.close();
    await expect(pending).resolves.toMatchObject({ done: true });
  });
});

describe('EventStoreDB adapter: back-pressure', () => {
  it('holds at most a stream buffer of events for a consumer that does not pull; the rest stays on the server', async () => {
    const { store } = await rig();
    const appended: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const events = newEvents(100);
      appended.push(...idsOf(events));
      await store.append(`application-${batch}`, events, { expectedRevision: 'no-stream' });
    }
    const subscription = store.subscribeToAll();
    const puller = new Puller(subscription);
    const received = await puller.take(1);
    await new Promise((resolve) => setTimeout(resolve, 200)); // ample time to flood a consumer that did not push back
    // White-box, through unknown: the subscription's private current gRPC stream, to read its buffer.
    const { stream } = (subscription as unknown as { current: { stream: Readable & Writable } }).current;
    expect(stream.readableLength).toBeLessThanOrEqual(stream.readableHighWaterMark);
    expect(stream.writableLength).toBeLessThanOrEqual(stream.writableHighWaterMark);
    received.push(...(await puller.take(1_999)));
    expect(idsOf(received)).toEqual(appended);
    await subscription.close();
  });
});

describe('EventStoreDB adapter: filters', () => {
  async function seedSigned(store: EventStoreDbEventStore) {
    await store.append('application-1', [newEvent('ApplicationSigned', { n: 1 })], { expectedRevision: 'no-stream' });
    await store.append('application-2', newEvents(3, 'ApplicationSignedTwice'), { expectedRevision: 'no-stream' });
    await store.append('application-3', [newEvent('ApplicationSigned', { n: 2 })], { expectedRevision: 'no-stream' });
    await store.append('application-4', newEvents(2, 'ApplicationSignedTwice'), { expectedRevision: 'no-stream' });
    return collect(store.readAll());
  }

  it("delivers exactly the types asked for: 'ApplicationSigned' is not 'ApplicationSignedTwice'", async () => {
    const { store } = await rig();
    const all = await seedSigned(store);
    const signed = all.filter((event) => event.type === 'ApplicationSigned');
    const filter = { eventTypes: ['ApplicationSigned'] };
    expect(idsOf(await collect(store.readAll({ filter })))).toEqual(idsOf(signed));

    const reached: Position[] = [];
    const puller = new Puller(store.subscribeToAll({ filter, onCheckpoint: (position) => reached.push(position) }));
    const history = await puller.take(2);
    expect(idsOf(history)).toEqual(idsOf(signed));
    const live = [newEvent('ApplicationSignedTwice', {}), newEvent('ApplicationSigned', { n: 3 })];
    await store.append('application-5', live, { expectedRevision: 'no-stream' });
    const [next] = await puller.take(1);
    expect(next!.eventId).toBe(live[1]!.eventId);
    expect(next!.type).toBe('ApplicationSigned');
    // The prefix-matched 'ApplicationSignedTwice' events after the last delivery were let by and reported.
    await store.append('application-6', newEvents(2, 'ApplicationSignedTwice'), { expectedRevision: 'no-stream' });
    const head = (await store.headPosition())!;
    const pending = puller.next();
    await eventually(() => reached.some((position) => position >= head));
    expectStrictlyIncreasing(reached);
    await puller.subscription.close();
    await expect(pending).resolves.toMatchObject({ done: true });
  });

  it('combines a stream prefix (on the server) with an exact type (here)', async () => {
    const { store } = await rig();
    await seedSigned(store);
    await store.append('quota-1', [newEvent('ApplicationSigned', {})], { expectedRevision: 'no-stream' });
    const filter = { streamPrefixes: ['application-'], eventTypes: ['ApplicationSigned'] };
    const expected = (await collect(store.readAll())).filter(
      (e) => e.streamId.startsWith('application-') && e.type === 'ApplicationSigned',
    );
    expect(expected).toHaveLength(2);
    const puller = new Puller(store.subscribeToAll({ filter }));
    expect(idsOf(await puller.take(2))).toEqual(idsOf(expected));
    await puller.subscription.close();
  });
});

describe('EventStoreDB adapter: what is stored on the server', () => {
  it("keeps our metadata, the schema version and EventStoreDB's $correlationId / $causationId in the event metadata", async () => {
    const { store, rawClient } = await rig();
    const metadata = newMetadata();
    const event = newEvent('ApplicationSubmitted', { region: 'Түркістан' }, { schemaVersion: 2, metadata });
    await store.append('application-1', [event], { expectedRevision: 'no-stream' });
    const raw: unknown[] = [];
    for await (const resolved of rawClient().readStream('application-1')) raw.push(resolved.event);
    expect(raw).toEqual([
      expect.objectContaining({
        id: event.eventId,
        type: 'ApplicationSubmitted',
        isJson: true,
        data: { region: 'Түркістан' },
        metadata: {
          ...metadata,
          schemaVersion: 2,
          $correlationId: metadata.correlationId,
          $causationId: metadata.causationId,
        },
      }),
    ]);
    const [read] = await collect(store.readStream('application-1'));
    expect(read).toMatchObject({ schemaVersion: 2, metadata });
    expect(read!.metadata).toStrictEqual(metadata);
  });

  it('keeps every stream under its namespace, and sees nothing outside it', async () => {
    const { store, open, rawClient } = await rig();
    const tenant = open({ namespace: 'tenant-a-' });
    await store.append('application-1', newEvents(1), { expectedRevision: 'no-stream' });
    const mine = newEvents(2);
    const { position } = await tenant.append('application-1', mine, { expectedRevision: 'no-stream' });
    const raw: string[] = [];
    for await (const resolved of rawClient().readAll())
      if (!resolved.event!.streamId.startsWith('$')) raw.push(resolved.event!.streamId);
    expect(raw).toEqual(['application-1', 'tenant-a-application-1', 'tenant-a-application-1']);
    const seen: RecordedEvent[] = await collect(tenant.readAll());
    expect(idsOf(seen)).toEqual(idsOf(mine));
    expect(seen.every((event) => event.streamId === 'application-1')).toBe(true);
    expect(await tenant.headPosition()).toBe(position);
    expect(await tenant.streamRevision('application-1')).toBe(1);
    const puller = new Puller(tenant.subscribeToAll({ filter: { streamPrefixes: ['application-'] } }));
    expect(idsOf(await puller.take(2))).toEqual(idsOf(mine));
    await puller.subscription.close();
  });
});

describe('EventStoreDB adapter: an unreachable server', () => {
  it('answers every call with EventStoreUnavailableError', async () => {
    const { double, open } = await rig();
    const store = open();
    await double.stop();
    await expect(store.append('application-1', newEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(collect(store.readStream('application-1'))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

describe('EventStoreDB configuration', () => {
  it('selects the adapter with EVENT_STORE=eventstoredb and EVENTSTORE_CONNECTION_STRING', async () => {
    const config = readRuntimeConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
    });
    expect(config).toMatchObject({
      eventStore: 'eventstoredb',
      eventStoreConnectionString: 'esdb://127.0.0.1:2113?tls=false',
    });
    const store = openEventStore(config);
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await store.close();
  });

  it('refuses to start without a connection string, or with one that is not one', () => {
    expect(() => readRuntimeConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(ConfigError);
    expect(() => readRuntimeConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(
      /EVENTSTORE_CONNECTION_STRING: is required when EVENT_STORE=eventstoredb/,
    );
    expect(() =>
      readRuntimeConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' }),
    ).toThrow(ConfigError);
    expect(readRuntimeConfig({ EVENT_STORE: 'sqlite' }).eventStoreConnectionString).toBeUndefined();
  });
});
