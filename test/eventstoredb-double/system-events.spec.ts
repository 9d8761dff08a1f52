/**
 * What a node writes by itself, as the double writes it (test/support/eventstoredb-double/
 * system-events.ts cites the server's sources), and what a read of `$all` shows of it
 * (EventStore v25.0.0, Services/Storage/ReaderIndex/EventFilter.cs `DefaultAllFilter`).
 */
import { BACKWARDS, END, EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { collect, Recorder } from './recorder';

describe('EventStoreDbWireDouble: system events', () => {
  let double: EventStoreDbWireDouble;
  let client: EventStoreDBClient;

  afterEach(async () => {
    await client?.dispose();
    await double?.stop();
  });

  async function start(options: Parameters<typeof EventStoreDbWireDouble.start>[0] = {}): Promise<void> {
    double = await EventStoreDbWireDouble.start(options);
    client = EventStoreDBClient.connectionString(double.connectionString);
  }

  const streamsOf = async (): Promise<string[]> =>
    (await collect(client.readAll())).map((r) => `${r.event!.streamId} ${r.event!.type}`);

  it('starts with what a fresh secure node writes: the default users in $all, $epoch-information only as a stream', async () => {
    await start();
    expect(await streamsOf()).toEqual([
      '$$$user-admin $metadata',
      '$user-admin $UserCreated',
      '$users $User',
      '$$$user-ops $metadata',
      '$user-ops $UserCreated',
      '$users $User',
    ]);
    const [epoch] = await collect(client.readStream('$epoch-information'));
    expect(epoch!.event).toMatchObject({ type: '$epoch-information', revision: 0n, isJson: true });
    expect(epoch!.event!.data).toMatchObject({ epochNumber: 0, prevEpochPosition: -1 });
    const [user] = await collect(client.readStream('$users'));
    expect(user!.event).toMatchObject({ isJson: false });
    expect(Buffer.from(user!.event!.data as Uint8Array).toString('utf8')).toBe('admin');
    // No event at position 0: the log starts with an epoch record.
    const [first] = await collect(client.readAll({ maxCount: 1 }));
    expect(first!.event!.position.commit).toBeGreaterThan(0n);
  });

  it("stores a client's stream metadata as a $metadata event of $$<stream>, in $all like any other", async () => {
    await start({ systemEvents: false });
    await client.appendToStream('order-1', jsonEvent({ type: 'OrderPlaced', data: {} }));
    await client.setStreamMetadata('order-1', { maxCount: 10 });
    expect(await streamsOf()).toEqual(['order-1 OrderPlaced', '$$order-1 $metadata']);
    const [metadata] = await collect(client.readStream('$$order-1'));
    expect(metadata!.event!.data).toEqual({ $maxCount: 10 });
  });

  it('writes $statsCollected to $stats-<endpoint> when asked, live into subscriptions, after the stream metadata', async () => {
    await start({ systemEvents: false });
    const recorder = new Recorder(client.subscribeToAll());
    await recorder.until(() => recorder.caughtUp, 'caught up');
    await client.appendToStream('order-1', jsonEvent({ type: 'OrderPlaced', data: {} }));
    double.collectStats();
    double.collectStats();
    await recorder.until(() => recorder.events.length === 4, 'four live events');
    const endpoint = new URL(double.connectionString.replace('esdb://', 'http://')).host;
    expect(recorder.events.map((r) => `${r.event!.streamId} ${r.event!.type}`)).toEqual([
      'order-1 OrderPlaced',
      `$$$stats-${endpoint} $metadata`,
      `$stats-${endpoint} $statsCollected`,
      `$stats-${endpoint} $statsCollected`,
    ]);
    expect(recorder.events[1]!.event!.data).toEqual({ $maxAge: 864_000 });
  });

  it('writes stats on its own every statsPeriodMs', async () => {
    await start({ systemEvents: false, statsPeriodMs: 20 });
    const recorder = new Recorder(client.subscribeToAll({ fromPosition: END }));
    await recorder.until(() => recorder.events.length >= 3, 'stats events');
    expect(recorder.events.some((r) => r.event!.type === '$statsCollected')).toBe(true);
  });

  it('reads $all backwards with the same system events, newest first', async () => {
    await start();
    await client.appendToStream('order-1', jsonEvent({ type: 'OrderPlaced', data: {} }));
    const backwards = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END }));
    expect(backwards.map((r) => r.event!.streamId)).toEqual([
      'order-1',
      '$users',
      '$user-ops',
      '$$$user-ops',
      '$users',
      '$user-admin',
      '$$$user-admin',
    ]);
  });
});
