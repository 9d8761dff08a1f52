/**
 * The checkpoints of a filtered subscription to `$all`, as the server sends them (EventStore v25.0.0,
 * src/EventStore.Core/Services/Transport/Enumerators/Enumerator.AllSubscriptionFiltered.cs; pages from
 * Services/Storage/ReaderIndex/AllReader.cs; live ones from Services/SubscriptionsService.cs). Pages
 * hold at most 32 events passing the filter and consider at most the search window (32, or the
 * filter's `maxSearchWindow`); the interval is `checkpointInterval` × the window.
 */
import {
  END,
  EventStoreDBClient,
  jsonEvent,
  streamNameFilter,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import { EventStoreDbWireDouble, type WireDoubleOptions } from '../support/eventstoredb-double';
import { collect, Recorder } from './recorder';

describe('EventStoreDbWireDouble: checkpoints of a filtered subscription to $all', () => {
  let double: EventStoreDbWireDouble;
  let client: EventStoreDBClient;

  async function start(options: WireDoubleOptions = {}): Promise<void> {
    double = await EventStoreDbWireDouble.start({ systemEvents: false, ...options });
    client = EventStoreDBClient.connectionString(double.connectionString);
  }

  afterEach(async () => {
    await client?.dispose();
    await double?.stop();
  });

  /** Appends `count` events to `streamName` in one batch. */
  async function append(streamName: string, count: number): Promise<void> {
    const events = Array.from({ length: count }, (_, n) => jsonEvent({ type: 'Tested', data: { n } }));
    await client.appendToStream(streamName, events);
  }

  async function positions(): Promise<bigint[]> {
    return (await collect(client.readAll())).map((resolved) => resolved.event!.position.commit);
  }

  /** A subscription filtered on the stream prefix `wanted-`, recording its checkpoints. */
  function subscribe(
    window: { maxSearchWindow?: number; checkpointInterval?: number } = {},
    from?: ReadPosition,
  ): Recorder {
    const recorder: Recorder = new Recorder(
      client.subscribeToAll({
        ...(from ? { fromPosition: from } : {}),
        filter: streamNameFilter({
          prefixes: ['wanted-'],
          ...window,
          checkpointReached: (subscription, position) => recorder.checkpoint(subscription, position),
        }),
      }),
    );
    return recorder;
  }

  const between = (commit: bigint): Position => ({ commit, prepare: 0n });
  const atEvent = (commit: bigint): Position => ({ commit, prepare: commit });

  it('in catch-up, at each window of 32 events considered: the start of the page when nothing in it passed', async () => {
    await start();
    await append('noise-1', 70);
    const at = await positions();
    const recorder = subscribe();
    await recorder.until(() => recorder.caughtUp, 'caught up');
    // Page 1 starts before the first record, (0, 0); page 2 at the 33rd event; page 3 (the last,
    // ending the catch-up) at the 65th. Each checkpoint stands BETWEEN records: (C, 0).
    expect(recorder.checkpoints).toEqual([between(0n), between(at[32]!), between(at[64]!)]);
    expect(recorder.events).toEqual([]);
  });

  it('in catch-up, at the last event sent when one passed in that page', async () => {
    await start();
    await append('noise-1', 40);
    await append('wanted-1', 1);
    await append('noise-1', 30);
    const at = await positions();
    const recorder = subscribe();
    await recorder.until(() => recorder.caughtUp, 'caught up');
    expect(recorder.timeline.map((item) => item.kind)).toEqual([
      'checkpoint',
      'event',
      'checkpoint',
      'checkpoint',
      'caughtUp',
    ]);
    expect(recorder.checkpoints).toEqual([between(0n), atEvent(at[40]!), between(at[64]!)]);
  });

  it('ends the catch-up with a checkpoint past the last record when the log ends at a window boundary', async () => {
    await start();
    await append('noise-1', 64);
    const at = await positions();
    const recorder = subscribe();
    await recorder.until(() => recorder.caughtUp, 'caught up');
    // The last page found nothing: it started where the next record will be written.
    const next = await client.appendToStream('other', jsonEvent({ type: 'Probe', data: {} }));
    expect(recorder.checkpoints).toEqual([between(0n), between(at[32]!), between(next.position!.commit)]);
  });

  it('counts the events it hides: $epoch-information and the other system events are considered', async () => {
    await start({ systemEvents: true });
    await append('noise-1', 30);
    const noise = await positions(); // $all without $epoch-information: the 6 users' events, then the noise
    expect(noise).toHaveLength(36);
    const recorder = subscribe();
    await recorder.until(() => recorder.caughtUp, 'caught up');
    // 37 events considered (with $epoch-information): the second page starts at the 26th noise event.
    expect(recorder.checkpoints).toEqual([between(0n), between(noise[6 + 25]!)]);
  });

  it('multiplies the window by checkpointInterval, and honours maxSearchWindow', async () => {
    await start();
    await append('noise-1', 45);
    const at = await positions();
    const recorder = subscribe({ maxSearchWindow: 10, checkpointInterval: 2 });
    await recorder.until(() => recorder.caughtUp, 'caught up');
    // Pages of 10; a checkpoint every 20 considered, at the start of the page that reached it.
    expect(recorder.checkpoints).toEqual([between(at[10]!), between(at[30]!), between(at[40]!)]);
  });

  it('resumed from a checkpoint with nothing new, sends that checkpoint again: the caught-up position', async () => {
    await start();
    await append('noise-1', 70);
    const first = subscribe();
    await first.until(() => first.caughtUp, 'caught up');
    const last = first.checkpoints[first.checkpoints.length - 1]!;
    const resumed = subscribe({}, last);
    await resumed.until(() => resumed.caughtUp, 'caught up');
    expect(resumed.checkpoints).toEqual([last]);
  });

  it('goes live at once, with no checkpoint, from the last event or from the end', async () => {
    await start();
    await append('noise-1', 3);
    const at = await positions();
    const fromLast = subscribe({}, atEvent(at[2]!));
    const fromEnd = subscribe({}, END);
    await fromLast.until(() => fromLast.caughtUp, 'caught up');
    await fromEnd.until(() => fromEnd.caughtUp, 'caught up');
    expect(fromLast.checkpoints).toEqual([]);
    expect(fromEnd.checkpoints).toEqual([]);
  });

  it('live, every window of events committed since it subscribed, at the position of the event that completes it', async () => {
    await start();
    await append('noise-1', 5);
    const recorder = subscribe();
    await recorder.until(() => recorder.caughtUp, 'caught up');
    const before = recorder.checkpoints.length;
    await append('noise-2', 20);
    await append('wanted-1', 1);
    await append('noise-2', 20);
    const at = await positions();
    await recorder.until(() => recorder.checkpoints.length === before + 1, 'a live checkpoint');
    expect(recorder.events.map((r) => r.event!.streamId)).toEqual(['wanted-1']);
    // The 32nd event committed after subscribing: 5 + 32 - 1 = index 36 of $all.
    expect(recorder.checkpoints[before]).toEqual(atEvent(at[36]!));
  });
});
