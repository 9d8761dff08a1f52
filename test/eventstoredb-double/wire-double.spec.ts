/**
 * The real, unchanged @eventstore/db-client against EventStoreDbWireDouble over real gRPC on
 * 127.0.0.1 — in both append modes (BatchAppend advertised, as by a real server; unary Append only).
 */
import * as grpc from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  binaryEvent,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { EventStoreDbWireDouble, type WireDoubleOptions } from '../support/eventstoredb-double';
import { collect, Recorder, typeOf } from './recorder';

const ABOVE_2_53 = 2n ** 53n + 10n;

describe.each([
  ['BatchAppend advertised (as a real server)', true],
  ['unary Append only', false],
])('EventStoreDbWireDouble with the real client: %s', (_label, batchAppend) => {
  let double: EventStoreDbWireDouble;
  let client: EventStoreDBClient;

  async function start(options: WireDoubleOptions = {}): Promise<void> {
    double = await EventStoreDbWireDouble.start({ batchAppend, ...options });
    client = EventStoreDBClient.connectionString(double.connectionString);
  }

  afterEach(async () => {
    await client?.dispose();
    await double?.stop();
  });

  it('appends and reads back data, metadata, ids, revisions, created', async () => {
    await start();
    const before = Date.now();
    const first = jsonEvent({
      type: 'ApplicationFiled',
      data: { applicant: 'A-1', size: 3 },
      metadata: { causationId: 'c-1' },
    });
    const second = jsonEvent({
      type: 'ApplicationReviewed',
      data: { ok: true },
      id: 'B3C0FFEE-0000-4000-8000-00000000000A',
    });
    const bytes = binaryEvent({ type: 'Scan', data: Uint8Array.from([0, 1, 254, 255]) });

    const result = await client.appendToStream('application-1', [first, second], { expectedRevision: NO_STREAM });
    expect(result.success).toBe(true);
    expect(result.nextExpectedRevision).toBe(1n);
    const third = await client.appendToStream('application-1', bytes, { expectedRevision: 1n });
    expect(third.nextExpectedRevision).toBe(2n);
    expect(third.position!.commit).toBeGreaterThan(result.position!.commit);

    const read = await collect(client.readStream('application-1'));
    expect(read.map((r) => r.event!.revision)).toEqual([0n, 1n, 2n]);
    const [a, b, c] = read.map((r) => r.event!);
    expect(a).toMatchObject({
      streamId: 'application-1',
      id: first.id,
      type: 'ApplicationFiled',
      isJson: true,
      data: { applicant: 'A-1', size: 3 },
      metadata: { causationId: 'c-1' },
    });
    expect(b).toMatchObject({ id: 'b3c0ffee-0000-4000-8000-00000000000a', data: { ok: true }, metadata: undefined }); // ids come back lower-case
    expect(c).toMatchObject({ type: 'Scan', isJson: false });
    expect(Array.from(c!.data as Uint8Array)).toEqual([0, 1, 254, 255]);
    expect(a!.created.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(a!.created.getTime()).toBeLessThanOrEqual(Date.now());
    expect(b!.position).toEqual(result.position); // the append answers the position of its last event
    expect(c!.position).toEqual(third.position);

    const backwards = await collect(
      client.readStream('application-1', { direction: BACKWARDS, fromRevision: END, maxCount: 2 }),
    );
    expect(backwards.map((r) => r.event!.revision)).toEqual([2n, 1n]);
    const fromOne = await collect(client.readStream('application-1', { fromRevision: 1n, maxCount: 1 }));
    expect(fromOne.map((r) => r.event!.id)).toEqual([b!.id]);
    await expect(collect(client.readStream('application-1', { fromRevision: 9n }))).resolves.toEqual([]); // past the end: empty, not "not found"
  });

  it('reports a wrong expected version as the client WrongExpectedVersionError', async () => {
    await start();
    await client.appendToStream('quota-1', [jsonEvent({ type: 'A', data: {} }), jsonEvent({ type: 'B', data: {} })], {
      expectedRevision: NO_STREAM,
    });

    const stale = client.appendToStream('quota-1', jsonEvent({ type: 'C', data: {} }), { expectedRevision: 0n });
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(stale).rejects.toMatchObject({ streamName: 'quota-1', expectedVersion: 0n, actualVersion: 1n });
    await expect(
      client.appendToStream('quota-1', jsonEvent({ type: 'C', data: {} }), { expectedRevision: NO_STREAM }),
    ).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      expectedVersion: 'no_stream',
      actualVersion: 1n,
    });
    await expect(
      client.appendToStream('quota-2', jsonEvent({ type: 'C', data: {} }), { expectedRevision: STREAM_EXISTS }),
    ).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      expectedVersion: 'stream_exists',
      actualVersion: 'no_stream',
    });
    await expect(
      client.appendToStream('quota-2', jsonEvent({ type: 'C', data: {} }), { expectedRevision: 7n }),
    ).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      expectedVersion: 7n,
      actualVersion: 'no_stream',
    });
    // Nothing was written by the failed appends.
    expect((await collect(client.readStream('quota-1'))).map(typeOf)).toEqual(['A', 'B']);
    await expect(
      client.appendToStream('quota-1', jsonEvent({ type: 'C', data: {} }), { expectedRevision: STREAM_EXISTS }),
    ).resolves.toMatchObject({ nextExpectedRevision: 2n });
  });

  it('treats a re-append of the same event ids at the same place as already done (more in idempotency.spec.ts)', async () => {
    await start();
    const events = [jsonEvent({ type: 'A', data: { n: 1 } }), jsonEvent({ type: 'B', data: { n: 2 } })];
    const original = await client.appendToStream('retry-1', events, { expectedRevision: NO_STREAM });
    await client.appendToStream('retry-1', jsonEvent({ type: 'Later', data: {} }), { expectedRevision: 1n });

    const retried = await client.appendToStream('retry-1', events, { expectedRevision: NO_STREAM });
    expect(retried).toEqual({ success: true, nextExpectedRevision: 1n, position: original.position });
    await expect(client.appendToStream('retry-1', events.slice(1), { expectedRevision: 0n })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
    });
    // Same place, different ids, or only partly the same: a conflict.
    await expect(
      client.appendToStream('retry-1', [events[0]!, jsonEvent({ type: 'X', data: {} })], {
        expectedRevision: NO_STREAM,
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await collect(client.readStream('retry-1'))).map(typeOf)).toEqual(['A', 'B', 'Later']);
  });

  it('answers a read of a missing stream with stream_not_found (the client throws StreamNotFoundError)', async () => {
    await start();
    await expect(collect(client.readStream('nobody-home'))).rejects.toBeInstanceOf(StreamNotFoundError);
    await expect(
      collect(client.readStream('nobody-home', { direction: BACKWARDS, fromRevision: END })),
    ).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('reads $all forwards and backwards from positions above 2^53, exactly', async () => {
    await start({ firstPosition: ABOVE_2_53, systemEvents: false });
    const appended = [];
    for (const stream of ['s-1', 's-2', 's-1'])
      appended.push(await client.appendToStream(stream, jsonEvent({ type: 'T', data: { stream } })));

    const all = await collect(client.readAll());
    const positions = all.map((r) => r.event!.position);
    // The log starts with an epoch record, which is no event: the first event comes after it.
    expect(positions[0]!.commit).toBeGreaterThan(ABOVE_2_53);
    expect(positions[0]!.prepare).toBe(positions[0]!.commit);
    expect(all.map((r) => r.commitPosition)).toEqual(positions.map((p) => p.commit));
    expect(positions.map((p) => p.commit)).toEqual(appended.map((r) => r.position!.commit));
    for (let i = 1; i < positions.length; i++)
      expect(positions[i]!.commit - positions[i - 1]!.commit).toBeGreaterThan(100n); // log offsets, not counters
    expect(all.map((r) => `${r.event!.streamId}@${r.event!.revision}`)).toEqual(['s-1@0', 's-2@0', 's-1@1']);

    const fromSecond = await collect(client.readAll({ fromPosition: positions[1]!, maxCount: 10 }));
    expect(fromSecond.map((r) => r.event!.position.commit)).toEqual([positions[1]!.commit, positions[2]!.commit]); // forwards: inclusive
    const backwardsFromEnd = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 2 }));
    expect(backwardsFromEnd.map((r) => r.event!.position.commit)).toEqual([positions[2]!.commit, positions[1]!.commit]);
    const backwardsFromSecond = await collect(client.readAll({ direction: BACKWARDS, fromPosition: positions[1]! }));
    expect(backwardsFromSecond.map((r) => r.event!.position.commit)).toEqual([positions[0]!.commit]); // backwards: exclusive
  });

  it('runs a filtered $all catch-up subscription into live events with no gap and no duplicate', async () => {
    await start({ firstPosition: ABOVE_2_53 });
    await client.appendToStream('order-1', jsonEvent({ type: 'OrderPlaced', data: { n: 1 } }));
    await client.appendToStream('invoice-1', jsonEvent({ type: 'InvoiceSent', data: {} }));
    await client.appendToStream('order-2', jsonEvent({ type: 'OrderPlaced', data: { n: 2 } }));

    const byStream = client.subscribeToAll({ filter: streamNameFilter({ prefixes: ['order-'] }) });
    const byType = client.subscribeToAll({ filter: eventTypeFilter({ prefixes: ['Invoice'] }) });
    const streams = new Recorder(byStream);
    const types = new Recorder(byType);
    await streams.until(() => streams.caughtUp, 'caught up');
    await types.until(() => types.caughtUp, 'caught up');
    expect(streams.events.map((r) => r.event!.streamId)).toEqual(['order-1', 'order-2']);

    // Live events, appended while subscribed (some concurrently).
    await Promise.all([
      client.appendToStream('order-3', jsonEvent({ type: 'OrderPlaced', data: { n: 3 } })),
      client.appendToStream('invoice-2', jsonEvent({ type: 'InvoiceSent', data: {} })),
    ]);
    await client.appendToStream('order-1', jsonEvent({ type: 'OrderShipped', data: {} }));
    await streams.until(() => streams.events.length === 4, '4 order events');
    await types.until(() => types.events.length === 2, '2 invoice events');

    expect(streams.events.map((r) => `${r.event!.streamId}:${r.event!.type}`)).toEqual([
      'order-1:OrderPlaced',
      'order-2:OrderPlaced',
      'order-3:OrderPlaced',
      'order-1:OrderShipped',
    ]);
    expect(types.events.map((r) => r.event!.streamId)).toEqual(['invoice-1', 'invoice-2']);
    const commits = streams.events.map((r) => r.event!.position!.commit);
    expect([...commits].sort((x, y) => (x < y ? -1 : 1))).toEqual(commits);
    expect(new Set(commits).size).toBe(commits.length);
    const kinds = streams.timeline.filter((i) => i.kind !== 'checkpoint').map((i) => i.kind);
    expect(kinds).toEqual(['event', 'event', 'caughtUp', 'event', 'event']);

    // Resuming from a position is exclusive: it starts after the event there.
    const resumed = new Recorder(
      client.subscribeToAll({
        fromPosition: streams.events[1]!.event!.position!,
        filter: streamNameFilter({ prefixes: ['order-'] }),
      }),
    );
    await resumed.until(() => resumed.events.length === 2, 'resumed events');
    expect(resumed.events.map((r) => r.event!.id)).toEqual(streams.events.slice(2).map((r) => r.event!.id));

    await byStream.unsubscribe();
    await byType.unsubscribe();
  });

  it('subscribed from a position past the head, delivers only events after that position, live ones included', async () => {
    await start({ firstPosition: ABOVE_2_53 });
    const head = (await client.appendToStream('p-1', jsonEvent({ type: 'Before', data: {} }))).position!;
    const from = { commit: head.commit + 500n, prepare: head.prepare + 500n };
    const recorder = new Recorder(client.subscribeToAll({ fromPosition: from }));
    await recorder.until(() => recorder.timeline.some((i) => i.kind === 'caughtUp'), 'caught up');
    const appended: bigint[] = [];
    for (let n = 0; n < 8; n++)
      appended.push((await client.appendToStream('p-1', jsonEvent({ type: 'After', data: { n } }))).position!.commit);
    const expected = appended.filter((commit) => commit > from.commit);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(appended.length);
    await recorder.until(() => recorder.events.length >= expected.length, 'the events past the position');
    expect(recorder.events.map((r) => r.event!.position!.commit)).toEqual(expected);
  });

  it('subscribes to one stream: catch-up after a revision (exclusive), caught up, then live', async () => {
    await start();
    await client.appendToStream('case-7', [jsonEvent({ type: 'A', data: {} }), jsonEvent({ type: 'B', data: {} })]);
    await client.appendToStream('case-8', jsonEvent({ type: 'Other', data: {} }));
    const subscription = client.subscribeToStream('case-7', { fromRevision: 0n });
    const recorder = new Recorder(subscription);
    await recorder.until(() => recorder.timeline.some((i) => i.kind === 'caughtUp'), 'caught up');
    await client.appendToStream('case-7', jsonEvent({ type: 'C', data: {} }), { expectedRevision: 1n });
    await recorder.until(() => recorder.events.length === 2, 'live event');
    expect(recorder.timeline.map((i) => (i.kind === 'event' ? typeOf(i.event) : i.kind))).toEqual([
      'B',
      'caughtUp',
      'C',
    ]);
  });

  it('dropSubscriptions() ends the client subscription with an error; resubscribing and appending work again', async () => {
    await start();
    await client.appendToStream('drop-1', jsonEvent({ type: 'A', data: {} }));
    const subscription = client.subscribeToAll({ filter: streamNameFilter({ prefixes: ['drop-'] }) });
    const recorder = new Recorder(subscription);
    await recorder.until(() => recorder.timeline.some((i) => i.kind === 'caughtUp'), 'caught up');

    double.dropSubscriptions();
    await recorder.until(() => recorder.error !== undefined, 'the subscription to fail');
    expect(recorder.error).toBeInstanceOf(UnavailableError);

    // The for-await form sees the same: it throws.
    const looping = client.subscribeToAll({ filter: streamNameFilter({ prefixes: ['drop-'] }) });
    const loop = (async () => {
      for await (const _ of looping as AsyncIterable<AllStreamResolvedEvent>) double.dropSubscriptions();
    })();
    await expect(loop).rejects.toBeInstanceOf(UnavailableError);

    const last = recorder.events[recorder.events.length - 1]!.event!.position!;
    await client.appendToStream('drop-1', jsonEvent({ type: 'B', data: {} }), { expectedRevision: 0n });
    const again = new Recorder(
      client.subscribeToAll({ fromPosition: last, filter: streamNameFilter({ prefixes: ['drop-'] }) }),
    );
    await again.until(() => again.events.length === 1, 'the event after the drop');
    expect(again.events.map(typeOf)).toEqual(['B']);
  });

  it('releases a subscription when the client unsubscribes, but not when a for-await merely breaks', async () => {
    await start();
    await client.appendToStream('c-1', [jsonEvent({ type: 'A', data: {} }), jsonEvent({ type: 'B', data: {} })]);
    // White-box, through unknown: the double's private set of open long-lived calls (the BatchAppend
    // stream is one of them).
    const open = (): number => (double as unknown as { open: Set<unknown> }).open.size;
    const settle = async (expected: number): Promise<void> => {
      for (const deadline = Date.now() + 20_000; open() !== expected && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 5));
      expect(open()).toBe(expected);
    };
    const baseline = open();

    const unsubscribed = client.subscribeToAll();
    await new Recorder(unsubscribed).until(() => open() === baseline + 1, 'the subscription to be open');
    await unsubscribed.unsubscribe();
    await settle(baseline);

    const broken = client.subscribeToAll();
    for await (const _ of broken) break;
    await settle(baseline + 1); // still open on the server: breaking out does not cancel the gRPC call
    await client.dispose();
    await settle(0);
  });
});

describe('EventStoreDbWireDouble on the wire (generated gRPC client, for what the high-level client never sends)', () => {
  let double: EventStoreDbWireDouble;
  let raw: StreamsClient;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    double = await EventStoreDbWireDouble.start({ firstPosition: ABOVE_2_53 });
    client = EventStoreDBClient.connectionString(double.connectionString);
    raw = new StreamsClient(
      new URL(double.connectionString.replace('esdb://', 'http://')).host,
      grpc.credentials.createInsecure(),
    );
  });

  afterEach(async () => {
    raw.close();
    await client.dispose();
    await double.stop();
  });

  function readAllFiltered(filter: ReadReq.Options.FilterOptions): Promise<ReadResp[]> {
    const options = new ReadReq.Options();
    const all = new ReadReq.Options.AllOptions();
    all.setStart(new Empty());
    options.setAll(all);
    options.setCount('100');
    options.setFilter(filter);
    const uuid = new ReadReq.Options.UUIDOption();
    uuid.setString(new Empty());
    options.setUuidOption(uuid);
    const req = new ReadReq();
    req.setOptions(options);
    return new Promise((resolve, reject) => {
      const out: ReadResp[] = [];
      raw
        .read(req)
        .on('data', (resp: ReadResp) => out.push(resp))
        .on('error', reject)
        .on('end', () => resolve(out));
    });
  }

  it('filters a counted $all read by event-type prefix, with 64-bit fields as decimal strings', async () => {
    await client.appendToStream('x-1', [
      jsonEvent({ type: 'Keep', data: {} }),
      jsonEvent({ type: 'Drop', data: {} }),
      jsonEvent({ type: 'KeepToo', data: {} }),
    ]);
    const filter = new ReadReq.Options.FilterOptions();
    const expression = new ReadReq.Options.FilterOptions.Expression();
    expression.setPrefixList(['Keep']);
    filter.setEventType(expression);
    filter.setCount(new Empty());
    filter.setCheckpointintervalmultiplier(1);
    const answers = await readAllFiltered(filter);
    const recorded = answers.map((a) => a.getEvent()!.getEvent()!);
    expect(recorded.map((r) => r.getMetadataMap().get('type'))).toEqual(['Keep', 'KeepToo']);
    expect(BigInt(recorded[0]!.getCommitPosition())).toBeGreaterThan(ABOVE_2_53);
    expect(recorded[0]!.getStreamRevision()).toBe('0');
    expect(recorded[0]!.getId()!.getString()).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorded[0]!.getMetadataMap().get('created')).toMatch(/^\d{17,}$/); // 100-ns ticks since the epoch

    // A regex instead (the server takes a non-empty regex over prefixes).
    expression.setRegex('^K.*p$');
    const byRegex = (await readAllFiltered(filter)).map((a) => a.getEvent()!.getEvent()!);
    expect(byRegex.map((r) => r.getMetadataMap().get('type'))).toEqual(['Keep']);
  });
});
